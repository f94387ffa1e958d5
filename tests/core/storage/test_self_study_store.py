"""The self-study store on real SQLite files: one answer per step, kept apart from sessions,
deleted for real (file, -wal, backups), retention by last change, the migration from 0003,
and no group export that carries an answer."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.export.service import (
    export_report,
    export_session_archive,
    export_session_csv,
    export_summary_html,
    export_summary_pdf,
)
from facilitator.core.storage.backups import backup_files, make_backup
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.engine import create_sqlite_engine
from facilitator.core.storage.migrate import alembic_config, head_revision, upgrade
from facilitator.core.storage.repository import Repository
from facilitator.core.storage.self_study_records import AnswerDraft
from tests.core.export import pdf_tools
from tests.core.export.sample_data import add_session, example_manifests, open_sample_db
from tests.core.storage.helpers import new_session, raw_bytes

SECRET = "Mitt-eget-svar-om-Ödeshög-4711"
DAY = 24 * 3600


def draft(
    step_id: str,
    text: str,
    *,
    module_id: str = "mota",
    position: int = 0,
    answer_id: str | None = None,
) -> AnswerDraft:
    return AnswerDraft(
        id=answer_id or f"{module_id}-{step_id}",
        module_id=module_id,
        module_version="2.0.0",
        module_title="Att möta",
        step_id=step_id,
        position=position,
        question="Vad tänker du?",
        text=text,
    )


def test_one_answer_per_step_its_first_time_kept(repo: Repository, clock: FakeClock) -> None:
    first = repo.self_study.save(draft("samtal", "Först"))
    clock.advance(60)
    again = repo.self_study.save(draft("samtal", "Sedan", answer_id="another-id"))
    assert first is not None and again is not None
    assert again.id == first.id  # the stored answer keeps its id
    assert again.answered_at == first.answered_at and again.updated_at > first.updated_at
    assert [a.text for a in repo.self_study.answers("mota")] == ["Sedan"]
    assert first.answered_at.utcoffset() is not None


def test_answers_come_in_path_order_and_progress_follows(repo: Repository) -> None:
    repo.self_study.save(draft("slut", "Tre", position=5))
    repo.self_study.save(draft("borjan", "Ett", position=1))
    repo.self_study.save(draft("annat", "Annan modul", module_id="annan"))
    repo.self_study.move_to("mota", "2.0.0", "mitten")
    assert [a.step_id for a in repo.self_study.answers("mota")] == ["borjan", "slut"]
    progress = repo.self_study.progress_all()
    assert set(progress) == {"mota", "annan"}
    assert progress["mota"].current_step_id == "mitten"
    assert progress["mota"].answered == ("borjan", "slut")
    assert progress["annan"].current_step_id == "annat"  # begun by its first answer


def test_blank_text_erases_the_answer(repo: Repository, db_file: Path) -> None:
    repo.self_study.save(draft("samtal", SECRET))
    assert repo.self_study.save(draft("samtal", "  \n")) is None
    assert repo.self_study.answers("mota") == ()
    assert SECRET.encode() not in raw_bytes(db_file)


def test_a_deleted_answer_is_gone_from_the_file_the_wal_and_the_backups(
    repo: Repository, database: Database, db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    kept = repo.self_study.save(draft("kvar", "Det här får stå kvar"))
    gone = repo.self_study.save(draft("bort", SECRET + " " + "x" * 3000))
    assert gone is not None and kept is not None
    database.engine.dispose()
    copy = make_backup(database.file, backup_dir, clock.now())
    assert SECRET.encode() in copy.read_bytes()
    outcome = repo.self_study.erase(gone.id)
    assert outcome.found and outcome.complete
    assert SECRET.encode() not in raw_bytes(db_file)
    assert backup_files(backup_dir) == []
    assert repo.self_study.answers("mota") == (kept,)
    assert repo.self_study.erase(gone.id).found is False


def test_deleting_a_module_takes_its_answers_and_progress_only(
    repo: Repository, db_file: Path
) -> None:
    repo.self_study.save(draft("a", SECRET))
    repo.self_study.save(draft("b", SECRET + " igen"))
    repo.self_study.save(draft("a", "En annan moduls svar", module_id="annan"))
    outcome = repo.self_study.erase_module("mota")
    assert outcome.found and outcome.complete
    assert repo.self_study.answers("mota") == ()
    assert set(repo.self_study.progress_all()) == {"annan"}
    assert SECRET.encode() not in raw_bytes(db_file)


def test_answers_are_no_part_of_any_session(repo: Repository, db_file: Path) -> None:
    session = new_session(repo)
    repo.self_study.save(draft("samtal", SECRET))
    repo.erasure.delete_session(session.uuid)
    assert [a.text for a in repo.self_study.answers("mota")] == [SECRET]
    with sqlite3.connect(db_file) as connection:
        references = [
            row
            for table in ("self_study_answers", "self_study_progress")
            for row in connection.execute(f"PRAGMA foreign_key_list({table})")
        ]
    assert references == []


def test_retention_goes_by_when_an_answer_last_changed(repo: Repository, clock: FakeClock) -> None:
    repo.self_study.save(draft("gammal", "Gammalt svar"))
    repo.self_study.save(draft("andrad", "Först skrivet länge sedan"))
    repo.self_study.save(draft("a", "Övergiven modul", module_id="overgiven"))
    clock.advance(40 * DAY)
    repo.self_study.save(draft("andrad", "Ändrat nyss"))
    repo.self_study.save(draft("ny", "Nytt svar"))
    assert repo.self_study.delete_older_than(None) == 0
    assert repo.self_study.delete_older_than(30) == 2
    assert [a.step_id for a in repo.self_study.answers()] == ["andrad", "ny"]
    assert set(repo.self_study.progress_all()) == {"mota"}
    with pytest.raises(ValueError):
        repo.self_study.delete_older_than(-1)


def test_a_database_at_revision_0003_gains_the_self_study_tables(
    tmp_path: Path, backup_dir: Path, clock: FakeClock
) -> None:
    file = tmp_path / "old.sqlite3"
    engine = create_sqlite_engine(file)
    try:
        upgrade(engine, alembic_config(), file, target="0003")
    finally:
        engine.dispose()
    with sqlite3.connect(file) as connection:
        connection.execute(
            "INSERT INTO sessions (uuid, title, plan_json, place, status, created_at,"
            " updated_at) VALUES ('s-1', 'Före 0004', '{}', 'Kalmar', 'planned',"
            " '2025-01-01T10:00:00.000000Z', '2025-01-01T10:00:00.000000Z')"
        )
    connection.close()
    with open_database(file, backup_dir, clock.now) as opened:
        assert opened.revision == head_revision(alembic_config())
        assert opened.backup_file is not None
        repo = Repository.of(opened)
        assert repo.sessions.get("s-1").title == "Före 0004"
        saved = repo.self_study.save(draft("samtal", "Första svaret"))
    assert saved is not None and saved.text == "Första svaret"


def test_no_group_export_carries_an_answer(tmp_path: Path) -> None:
    db = open_sample_db(tmp_path / "data")
    try:
        uuid = add_session(db)
        db.repo.self_study.save(draft("exempel-modul/samtal-1", SECRET, module_id="exempel-modul"))
        manifests = example_manifests()
        repo = db.repo
        written = [
            export_summary_pdf(repo, uuid, tmp_path / "s.pdf", manifests=manifests),
            export_summary_html(repo, uuid, tmp_path / "s.html", manifests=manifests),
            *export_session_csv(repo, uuid, tmp_path, manifests=manifests),
            export_session_archive(repo, uuid, tmp_path / "a.json", manifests=manifests),
            *export_report(
                repo,
                date(2025, 1, 1),
                date(2025, 12, 31),
                pdf=tmp_path / "r.pdf",
                csv_folder=tmp_path / "report",
                manifests=manifests,
            ),
        ]
    finally:
        db.close()
    assert len(written) >= 7
    for path in written:
        shown = pdf_tools.text(path) if path.suffix == ".pdf" else path.read_text("utf-8-sig")
        assert shown.strip(), path
        assert "Ödeshög" not in shown and "Mitt-eget" not in shown, path
        assert SECRET.encode() not in path.read_bytes(), path
