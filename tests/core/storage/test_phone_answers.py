"""Phone answers in the database: deleted with their session (by hand or by retention), and
never in an export."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from facilitator.core.clock import FakeClock
from facilitator.core.export.gather import gather_session, no_manifests
from facilitator.core.phones.question import QuestionKind
from facilitator.core.storage.database import open_database
from facilitator.core.storage.engine import create_sqlite_engine
from facilitator.core.storage.migrate import alembic_config, upgrade
from facilitator.core.storage.phone_records import PhoneAnswerDraft
from facilitator.core.storage.records import ReflectionSource
from facilitator.core.storage.repository import Repository
from tests.core.application.rig import example_plan, open_storage, sessions

DEVICE = "d" * 64


def _answer(session_uuid: str, text: str) -> PhoneAnswerDraft:
    return PhoneAnswerDraft(
        uuid=f"00000000-0000-0000-0000-{abs(hash(text)) % 10**12:012d}",
        session_uuid=session_uuid,
        step_key="m/samtal",
        question_key="",
        kind=QuestionKind.PROMPT,
        question_text="Vad?",
        text=text,
        option_index=None,
        option_text=None,
        device_hash=DEVICE,
        nonce=text,
        received_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
    )


def _count(storage: object) -> int:
    with sqlite3.connect(storage.database_file) as db:  # type: ignore[attr-defined]
        return int(db.execute("SELECT count(*) FROM phone_answers").fetchone()[0])


def test_erasing_the_session_erases_its_phone_answers_from_the_file() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    uuid = service.recording.session_uuid
    storage.save_phone_answers([_answer(uuid, "Hemligt-från-mobilen")], lambda _n: None)
    assert _count(storage) == 1
    outcomes = []
    storage.erase_session(uuid, outcomes.append)
    assert outcomes[0].found and outcomes[0].complete
    assert _count(storage) == 0
    assert b"Hemligt-fr" not in storage.database_file.read_bytes()


def test_retention_deletes_phone_answers_with_old_sessions() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    storage.save_phone_answers(
        [_answer(service.recording.session_uuid, "Gammalt svar")], lambda _n: None
    )
    deleted = []
    storage.delete_older_than(0, deleted.append)
    assert deleted == [1] and _count(storage) == 0


def test_an_export_holds_no_device_hash() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    uuid = service.recording.session_uuid
    storage.save_phone_answers([_answer(uuid, "Ett svar")], lambda _n: None)
    exported = []
    storage._run(lambda repo: gather_session(repo, uuid, no_manifests), exported.append)
    assert DEVICE not in json.dumps(repr(exported[0]))


def test_a_database_at_revision_0004_keeps_its_reflections_as_the_leader_s(
    tmp_path: Path, backup_dir: Path, clock: FakeClock
) -> None:
    file = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(file)
    try:
        upgrade(engine, alembic_config(), file, target="0004")
    finally:
        engine.dispose()
    with sqlite3.connect(file) as connection:
        connection.execute(
            "INSERT INTO sessions (uuid, title, plan_json, place, status, created_at,"
            " updated_at) VALUES ('s-1', 'Före 0005', '{}', 'Kalmar', 'running',"
            " '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z')"
        )
        connection.execute(
            "INSERT INTO reflections (uuid, session_id, step_key, prompt_text, kind, text,"
            " created_at) VALUES ('r-1', 1, 'm/s', '', 'note', 'Skrivet av ledaren',"
            " '2025-01-01T10:05:00.000000Z')"
        )
    connection.close()
    with open_database(file, backup_dir, clock.now) as opened:
        assert opened.revision == "0005"
        repo = Repository.of(opened)
        (kept,) = repo.reflections.for_session("s-1")
        assert kept.text == "Skrivet av ledaren" and kept.source is ReflectionSource.LEADER
        assert repo.phone_answers.save([_answer("s-1", "Första från mobilen")]) == 1
        assert [a.text for a in repo.phone_answers.for_session("s-1")] == ["Första från mobilen"]
