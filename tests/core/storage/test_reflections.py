"""Reflections: saved as typed, safe to save again, edited and deleted by uuid."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from facilitator.core.clock import FakeClock
from facilitator.core.storage.database import Database
from facilitator.core.storage.errors import ReflectionNotFound, SessionNotFound
from facilitator.core.storage.records import HistoryQuery, ReflectionKind
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import draft, new_session


def _rows(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM reflections")).scalar_one())


def test_a_saved_reflection_reads_back(repo: Repository) -> None:
    session = new_session(repo)
    saved = repo.reflections.save(draft(session, "Vi behöver tolk oftare"))
    assert saved.text == "Vi behöver tolk oftare"
    assert saved.session_uuid == session.uuid
    assert saved.prompt_text == "Vad tar du med dig?"
    assert saved.edited_at is None
    assert repo.reflections.get(saved.uuid) == saved


def test_saving_the_same_draft_again_stores_it_once(
    repo: Repository, database: Database, clock: FakeClock
) -> None:
    session = new_session(repo)
    entry = draft(session, "Samma sak två gånger")
    first = repo.reflections.save(entry)
    clock.advance(5)
    second = repo.reflections.save(entry)
    assert second == first
    assert _rows(database) == 1


def test_saving_a_changed_draft_updates_it_and_marks_it_edited(
    repo: Repository, database: Database, clock: FakeClock
) -> None:
    session = new_session(repo)
    entry = draft(session, "Förs")
    first = repo.reflections.save(entry)
    clock.advance(2)
    typed_on = replace(entry, text="Första tanken", kind=ReflectionKind.QUOTE)
    second = repo.reflections.save(typed_on)
    assert second.text == "Första tanken" and second.kind is ReflectionKind.QUOTE
    assert second.created_at == first.created_at
    assert second.edited_at is not None and second.edited_at > first.created_at
    assert _rows(database) == 1


def test_a_draft_keeps_the_time_it_was_written(repo: Repository) -> None:
    session = new_session(repo)
    written = datetime(2025, 3, 14, 8, 0, tzinfo=UTC)
    entry = replace(draft(session, "Tidigt"), created_at=written)
    assert repo.reflections.save(entry).created_at == written


def test_a_uuid_cannot_move_a_reflection_to_another_session(repo: Repository) -> None:
    one, other = new_session(repo, "Ett"), new_session(repo, "Annat")
    entry = draft(one, "Hör till ett")
    repo.reflections.save(entry)
    with pytest.raises(ValueError, match="another session"):
        repo.reflections.save(draft(other, "Kapning", reflection_uuid=entry.uuid))
    assert repo.reflections.get(entry.uuid).text == "Hör till ett"


def test_edit_changes_text_and_kind_and_repeating_it_changes_nothing(
    repo: Repository, clock: FakeClock
) -> None:
    session = new_session(repo)
    saved = repo.reflections.save(draft(session, "Fråga till chefen"))
    clock.advance(30)
    edited = repo.reflections.edit(
        saved.uuid, text="Fråga till chefen?", kind=ReflectionKind.PARKING
    )
    assert edited.kind is ReflectionKind.PARKING and edited.edited_at is not None
    clock.advance(30)
    assert repo.reflections.edit(saved.uuid, text="Fråga till chefen?") == edited
    with pytest.raises(ReflectionNotFound):
        repo.reflections.edit("no-such-reflection", text="x")


def test_delete_is_safe_to_repeat(repo: Repository) -> None:
    session = new_session(repo)
    saved = repo.reflections.save(draft(session, "Fel sparad"))
    assert repo.reflections.delete(saved.uuid) is True
    assert repo.reflections.delete(saved.uuid) is False
    with pytest.raises(ReflectionNotFound):
        repo.reflections.get(saved.uuid)


def test_listing_by_session_and_step_in_the_order_written(
    repo: Repository, clock: FakeClock
) -> None:
    session, other = new_session(repo), new_session(repo, "Annan")
    for number, step in enumerate(["intro", "film", "intro"]):
        clock.advance(1)
        repo.reflections.save(draft(session, f"r{number}", step_key=step))
    repo.reflections.save(draft(other, "annan session", step_key="intro"))
    assert [r.text for r in repo.reflections.for_session(session.uuid)] == ["r0", "r1", "r2"]
    assert [r.text for r in repo.reflections.for_session(session.uuid, "intro")] == ["r0", "r2"]
    with pytest.raises(SessionNotFound):
        repo.reflections.for_session("no-such-session")


def test_the_parking_lot_holds_the_parked_questions(repo: Repository, clock: FakeClock) -> None:
    session = new_session(repo)
    repo.reflections.save(draft(session, "En anteckning"))
    clock.advance(1)
    repo.reflections.save(draft(session, "Vem äger frågan?", kind=ReflectionKind.PARKING))
    clock.advance(1)
    repo.reflections.save(
        draft(session, "Hur gör Växjö?", kind=ReflectionKind.PARKING, step_key="film")
    )
    parked = repo.reflections.parking_lot(session.uuid)
    assert [r.text for r in parked] == ["Vem äger frågan?", "Hur gör Växjö?"]


def test_a_reflection_for_an_unknown_session_is_refused(repo: Repository) -> None:
    session = new_session(repo)
    orphan = replace(draft(session, "x"), session_uuid="gone")
    with pytest.raises(SessionNotFound):
        repo.reflections.save(orphan)


def test_kind_labels_are_swedish() -> None:
    assert ReflectionKind.PARKING.label == "Återkomma till"
    assert len({kind.label for kind in ReflectionKind}) == len(ReflectionKind)


def test_saves_from_a_worker_thread_while_another_thread_reads(repo: Repository) -> None:
    session = new_session(repo)
    failures: list[BaseException] = []

    def write() -> None:
        try:
            for number in range(30):
                repo.reflections.save(draft(session, f"r{number}"))
        except BaseException as error:  # handed to the test thread below
            failures.append(error)

    worker = threading.Thread(target=write)
    worker.start()
    while worker.is_alive():
        repo.reflections.for_session(session.uuid)
        repo.history.page(HistoryQuery())
    worker.join()
    assert failures == []
    assert len(repo.reflections.for_session(session.uuid)) == 30
