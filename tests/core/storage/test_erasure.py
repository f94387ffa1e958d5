"""Deleting for real: rows, the bytes they lay in, backup copies; and retention."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from facilitator.core.clock import FakeClock
from facilitator.core.storage.backups import backup_files, make_backup
from facilitator.core.storage.database import Database
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationOption,
    EvaluationResult,
    ExportKind,
    HistoryQuery,
    SessionLifecycle,
    StepRunRecord,
)
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import draft, new_session, raw_bytes

TABLES = (
    "sessions",
    "session_modules",
    "step_runs",
    "reflections",
    "attendance",
    "evaluation_answers",
    "private_notes",
    "exports",
)
SECRET = "Hemligt-citat-Ödeshög-4711"
DAY = 24 * 3600


def _fill(repo: Repository, title: str) -> str:
    session = new_session(repo, title)
    repo.sessions.save_step_runs(
        session.uuid, [StepRunRecord("intro", "m", "intro", "Inledning", "text", 60)]
    )
    repo.reflections.save(draft(session, f"{SECRET} i {title}"))
    repo.tallies.save_attendance(session.uuid, AttendanceCounts(women=2))
    repo.tallies.save_evaluation(
        session.uuid, [EvaluationResult("q", "Fråga", (EvaluationOption(0, "Ja", 2),))]
    )
    repo.private_notes.save(session.uuid, "intro", f"Privat {SECRET}")
    repo.exports.record(session.uuid, [Path(f"/tmp/{title}.pdf")], ExportKind.PDF)
    return session.uuid


def _counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in TABLES
        }


def test_deleting_a_session_removes_everything_recorded_in_it(
    repo: Repository, database: Database
) -> None:
    doomed = _fill(repo, "Ska bort")
    _fill(repo, "Ska vara kvar")
    assert repo.erasure.delete_session(doomed) is True
    assert set(_counts(database).values()) == {1}
    assert repo.erasure.delete_session(doomed) is False


def test_deleted_text_is_gone_from_the_file_on_disk(
    repo: Repository, database: Database, db_file: Path
) -> None:
    doomed = _fill(repo, "Känslig träff")
    repo.private_notes.save(doomed, "", "x" * 5000 + SECRET)  # long enough to spill over a page
    assert SECRET.encode() in raw_bytes(db_file)
    repo.erasure.delete_session(doomed)
    assert SECRET.encode() not in raw_bytes(db_file)
    assert b"K\xc3\xa4nslig tr\xc3\xa4ff" not in raw_bytes(db_file)


def test_a_deleted_reflection_is_gone_from_the_file_on_disk(
    repo: Repository, db_file: Path
) -> None:
    session = new_session(repo)
    keep = repo.reflections.save(draft(session, "Det här får stå kvar"))
    gone = repo.reflections.save(draft(session, SECRET))
    repo.reflections.delete(gone.uuid)
    assert SECRET.encode() not in raw_bytes(db_file)
    assert repo.reflections.for_session(session.uuid) == (keep,)


def test_deleting_a_session_removes_the_backup_copies(
    repo: Repository, database: Database, backup_dir: Path, clock: FakeClock
) -> None:
    doomed = _fill(repo, "Finns i kopian")
    database.engine.dispose()
    copy = make_backup(database.file, backup_dir, clock.now())
    unrelated = backup_dir / "keep-me.txt"
    unrelated.write_text("not ours")
    assert SECRET.encode() in copy.read_bytes()
    repo.erasure.delete_session(doomed)
    assert backup_files(backup_dir) == []
    assert unrelated.exists()


def test_retention_deletes_sessions_older_than_the_period(
    repo: Repository, database: Database, clock: FakeClock
) -> None:
    old = new_session(repo, "Gammal")
    repo.sessions.set_status(old.uuid, SessionLifecycle.RUNNING)
    repo.sessions.set_status(old.uuid, SessionLifecycle.FINISHED)
    never_run = new_session(repo, "Aldrig genomförd")
    clock.advance(20 * DAY)
    planned_then_run = new_session(repo, "Planerad, körd senare")
    clock.advance(15 * DAY)
    repo.sessions.set_status(planned_then_run.uuid, SessionLifecycle.RUNNING)
    clock.advance(1 * DAY)
    recent = new_session(repo, "Ny")
    assert repo.erasure.delete_older_than(None) == 0  # retention off
    assert repo.erasure.delete_older_than(30) == 2
    remaining = {s.title for s in repo.history.page(HistoryQuery()).items}
    assert remaining == {planned_then_run.title, recent.title}
    assert never_run.uuid not in {s.uuid for s in repo.history.page(HistoryQuery()).items}
    assert repo.erasure.delete_older_than(30) == 0
