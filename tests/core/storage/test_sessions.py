"""Sessions: created, followed through their status, resumed after a crash."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.storage.errors import SessionNotFound
from facilitator.core.storage.records import (
    HistoryQuery,
    ModuleRef,
    SessionLifecycle,
    StepRunRecord,
)
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import MODULE, new_session

NOW = datetime(2025, 3, 14, 8, 30, tzinfo=UTC)  # the clock fixture's start, in UTC


def test_a_created_session_reads_back_whole(repo: Repository) -> None:
    second = ModuleRef("kalmar-historia", "2.1", "sha256:2", "Kalmar läns historia")
    created = new_session(
        repo,
        "Träff på Ölands kommun",
        place="Borgholm",
        modules=(MODULE, second),
        leader_name="Åsa",
    )
    again = repo.sessions.get(created.uuid)
    assert again == created
    assert again.modules == (MODULE, second)
    assert again.status is SessionLifecycle.PLANNED
    assert again.leader_name == "Åsa"
    assert again.created_at == NOW and again.started_at is None


def test_creating_twice_with_one_uuid_stores_one_session(repo: Repository) -> None:
    first = new_session(repo, "Ett", session_uuid="fixed-uuid")
    second = new_session(repo, "Två", session_uuid="fixed-uuid")
    assert second == first
    assert repo.history.page(HistoryQuery()).total == 1


def test_status_changes_stamp_start_and_end(repo: Repository, clock: FakeClock) -> None:
    session = new_session(repo)
    clock.advance(60)
    running = repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
    assert running.started_at is not None and running.started_at.minute == 31
    clock.advance(600)
    interrupted = repo.sessions.set_status(session.uuid, SessionLifecycle.INTERRUPTED)
    assert interrupted.started_at == running.started_at and interrupted.ended_at is None
    clock.advance(600)
    resumed = repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
    assert resumed.started_at == running.started_at
    clock.advance(600)
    finished = repo.sessions.set_status(session.uuid, SessionLifecycle.FINISHED)
    assert finished.ended_at is not None and finished.ended_at > finished.started_at  # type: ignore[operator]
    assert finished.updated_at == finished.ended_at


def test_progress_is_kept_for_crash_resume(repo: Repository) -> None:
    session = new_session(repo)
    repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
    repo.sessions.save_progress(
        session.uuid, current_step_key="film", engine_state_json='{"elapsed": 12.5}'
    )
    again = repo.sessions.get(session.uuid)
    assert again.current_step_key == "film"
    assert again.engine_state_json == '{"elapsed": 12.5}'


def test_sessions_left_running_are_found_for_resuming(repo: Repository, clock: FakeClock) -> None:
    planned = new_session(repo, "Planerad")
    older = new_session(repo, "Äldre")
    newer = new_session(repo, "Nyare")
    finished = new_session(repo, "Klar")
    for session in (older, newer, finished):
        clock.advance(10)
        repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
    repo.sessions.set_status(finished.uuid, SessionLifecycle.FINISHED)
    found = repo.sessions.find_interrupted()
    assert [s.title for s in found] == ["Nyare", "Äldre"]
    assert planned.uuid not in {s.uuid for s in found}


def test_step_runs_are_replaced_as_a_whole(repo: Repository) -> None:
    session = new_session(repo)
    first = [
        StepRunRecord("intro", "mota-nyanlanda", "intro", "Inledning", "text", 300, 320),
        StepRunRecord("film", "mota-nyanlanda", "film", "Filmen", "film", 900, None, skipped=True),
    ]
    repo.sessions.save_step_runs(session.uuid, first)
    assert repo.sessions.step_runs(session.uuid) == tuple(first)
    shorter = [StepRunRecord("intro", "mota-nyanlanda", "intro", "Inledning", "text", 300, 330)]
    repo.sessions.save_step_runs(session.uuid, shorter)
    assert repo.sessions.step_runs(session.uuid) == tuple(shorter)


def test_an_unknown_session_is_reported(repo: Repository) -> None:
    with pytest.raises(SessionNotFound):
        repo.sessions.get("no-such-session")
    with pytest.raises(SessionNotFound):
        repo.sessions.set_status("no-such-session", SessionLifecycle.RUNNING)
    with pytest.raises(SessionNotFound):
        repo.sessions.save_progress(
            "no-such-session", current_step_key=None, engine_state_json=None
        )
    with pytest.raises(SessionNotFound):
        repo.sessions.save_step_runs("no-such-session", [])


def test_status_labels_are_swedish() -> None:
    assert SessionLifecycle.RUNNING.label == "Pågår"
    assert all(status.label for status in SessionLifecycle)
