"""The recovery journal on a real SQLite file: each write of a session forced to disk before it
is queued, let go once committed, and replayed — in order, idempotently — at the next open."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from facilitator.core.application.executor import InlineExecutor
from facilitator.core.application.recovery_journal import RecoveryJournal
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.storage_gateway import StorageGateway, StorageUnavailable
from facilitator.core.paths import AppPaths, resolve_paths
from facilitator.core.storage.database import open_database
from facilitator.core.storage.errors import StorageLocked
from facilitator.core.storage.records import ReflectionKind
from tests.core.application.rig import example_plan, fake_clock


def _paths() -> AppPaths:
    paths = resolve_paths(portable=False)
    paths.ensure()
    return paths


def _locked(_paths: object) -> object:
    raise StorageLocked("database is locked")


def _texts(database: Path) -> list[str]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT text FROM reflections ORDER BY created_at")
        return [text for (text,) in rows]


def _journal(paths: AppPaths, name: str) -> RecoveryJournal:
    return RecoveryJournal(paths.data_dir / "recovery", run_name=name)


def _locked_gateway(paths: AppPaths, journal: RecoveryJournal) -> StorageGateway:
    """A gateway whose database is held by another program: every write goes to the journal."""
    storage = StorageGateway(InlineExecutor(), paths, open_with=_locked, journal=journal)  # type: ignore[arg-type]
    storage.open()
    return storage


def test_a_locked_database_keeps_every_write_in_the_journal_and_reads_fail_fast() -> None:
    paths = _paths()
    journal = _journal(paths, "first")
    storage = StorageGateway(InlineExecutor(), paths, open_with=_locked, journal=journal)  # type: ignore[arg-type]
    told: list[str] = []
    storage.refused_at_open.connect(told.append)
    storage.open()
    assert not storage.is_open
    assert "används av ett annat program" in told[0]
    assert storage.refusal == told[0]

    plan, modules = example_plan()
    service = Sessions(storage, fake_clock()).begin(plan, modules)
    service.reflections.submit(ReflectionKind.NOTE, "Första tanken")
    service.reflections.submit(ReflectionKind.QUOTE, "Andra tanken")
    lines = journal.file.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["op"] for line in lines][:2] == ["session", "progress"]
    assert journal.outstanding == len(lines)

    # A read does not wait behind a database that takes no writes: it fails at once.
    errors: list[Exception] = []
    storage.session_detail(service.session_uuid, lambda _d: None, errors.append)
    assert isinstance(errors[0], StorageUnavailable) and errors[0].message == told[0]

    # The next start, with the lock gone, replays the journal before anything else.
    again = StorageGateway(InlineExecutor(), paths, journal=_journal(paths, "second"))
    again.open()
    assert again.is_open
    assert _texts(paths.database_file) == ["Första tanken", "Andra tanken"]
    assert not journal.file.exists()
    with sqlite3.connect(paths.database_file) as connection:
        (status,) = connection.execute("SELECT status FROM sessions").fetchone()
    assert status == "running"  # offered for resuming, like any interrupted session


def test_committed_writes_leave_no_journal_behind() -> None:
    paths = _paths()
    journal = _journal(paths, "run")
    storage = StorageGateway(InlineExecutor(), paths, journal=journal)
    storage.open()
    plan, modules = example_plan()
    service = Sessions(storage, fake_clock()).begin(plan, modules)
    service.reflections.submit(ReflectionKind.NOTE, "Sparad direkt")
    assert journal.outstanding == 0
    assert not journal.file.exists()
    assert _texts(paths.database_file) == ["Sparad direkt"]


def test_replay_follows_edits_and_deletions_in_order_and_twice_changes_nothing() -> None:
    paths = _paths()
    journal = _journal(paths, "first")
    storage = _locked_gateway(paths, journal)
    plan, modules = example_plan()
    service = Sessions(storage, fake_clock()).begin(plan, modules)
    kept = service.reflections.submit(ReflectionKind.NOTE, "Utkast")
    gone = service.reflections.submit(ReflectionKind.NOTE, "Ska bort")
    assert kept is not None and gone is not None
    # The ledger only edits what it holds; a failed save leaves it holding the text.
    service.reflections.edit(kept, "Färdig tanke", ReflectionKind.ACTION)
    service.reflections.delete(gone)
    content = journal.file.read_bytes()

    with open_database(paths) as database:
        assert journal.replay.__self__ is journal  # the same journal object replays
        reader = _journal(paths, "second")
        reader.replay(database)
        journal.file.write_bytes(content)  # as if the first replay had not been removed
        reader.replay(database)
    assert _texts(paths.database_file) == ["Färdig tanke"]
    with sqlite3.connect(paths.database_file) as connection:
        (kind,) = connection.execute("SELECT kind FROM reflections").fetchone()
    assert kind == "action"


def test_a_torn_last_line_is_skipped_and_the_rest_replayed() -> None:
    paths = _paths()
    journal = _journal(paths, "first")
    storage = _locked_gateway(paths, journal)
    plan, modules = example_plan()
    service = Sessions(storage, fake_clock()).begin(plan, modules)
    service.reflections.submit(ReflectionKind.NOTE, "Hel rad")
    with journal.file.open("ab") as handle:
        handle.write(b'{"op": "reflection", "uuid": "half')  # the power went here
    again = StorageGateway(InlineExecutor(), paths, journal=_journal(paths, "second"))
    again.open()
    assert _texts(paths.database_file) == ["Hel rad"]
    assert not journal.file.exists()


def test_a_journal_that_cannot_be_written_is_counted() -> None:
    paths = _paths()
    blocker = paths.data_dir / "recovery"
    blocker.write_text("a file where the folder should be")
    journal = _journal(paths, "run")
    storage = _locked_gateway(paths, journal)
    plan, modules = example_plan()
    Sessions(storage, fake_clock()).begin(plan, modules).reflections.submit(
        ReflectionKind.NOTE, "Bara i minnet"
    )
    assert journal.refused >= 1


def test_a_refused_data_folder_journals_to_the_fallback_and_the_next_start_replays_it(
    tmp_path: Path,
) -> None:
    paths = _paths()
    (paths.data_dir / "recovery").write_text("a file where the folder should be")
    fallback = tmp_path / "fallback"
    journal = RecoveryJournal(paths.data_dir / "recovery", run_name="first", fallback=fallback)
    told: list[bool] = []
    journal.refusing.connect(told.append)
    storage = _locked_gateway(paths, journal)
    plan, modules = example_plan()
    Sessions(storage, fake_clock()).begin(plan, modules).reflections.submit(
        ReflectionKind.NOTE, "I reservmappen"
    )
    assert journal.refused == 0 and told == []
    assert journal.file.parent == fallback and oct(fallback.stat().st_mode & 0o777) == "0o700"

    again = RecoveryJournal(paths.data_dir / "recovery", run_name="second", fallback=fallback)
    StorageGateway(InlineExecutor(), paths, journal=again).open()
    assert _texts(paths.database_file) == ["I reservmappen"]
    assert not list(fallback.glob("*.jsonl"))


def test_nowhere_to_journal_is_told_at_once() -> None:
    paths = _paths()
    (paths.data_dir / "recovery").write_text("a file where the folder should be")
    journal = _journal(paths, "run")
    told: list[bool] = []
    journal.refusing.connect(told.append)
    storage = _locked_gateway(paths, journal)
    plan, modules = example_plan()
    Sessions(storage, fake_clock()).begin(plan, modules).reflections.submit(
        ReflectionKind.NOTE, "Bara i minnet"
    )
    assert told == [True]  # once, not for every write
