"""A full disk, a read-only file, a locked file: the write fails with a message the leader
can act on, and everything saved before is still there."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from facilitator.core.clock import FakeClock
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.errors import (
    StorageError,
    StorageFull,
    StorageLocked,
    StorageReadOnly,
    translate,
)
from facilitator.core.storage.records import AttendanceCounts, ReflectionKind, SessionLifecycle
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import draft, new_session


def _on_every_connection(database: Database, pragma: str) -> None:
    def apply(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute(pragma)

    event.listen(database.engine, "connect", apply)
    database.engine.dispose()  # pooled connections predate the listener


def test_a_full_disk_fails_the_write_and_keeps_what_was_saved(
    repo: Repository, database: Database, db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    session = new_session(repo)
    with database.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())
    # max_page_count lasts only as long as a connection, so every connection gets it.
    _on_every_connection(database, f"PRAGMA max_page_count={pages + 12}")
    saved = []
    with pytest.raises(StorageFull) as raised:
        for number in range(500):
            saved.append(repo.reflections.save(draft(session, f"{number}: " + "ord " * 300)))
    assert 3 < len(saved) < 500
    assert "Disken är full" in raised.value.message
    # Other writes fail the same way, and reads still work.
    with pytest.raises(StorageFull):
        repo.private_notes.save(session.uuid, "intro", "x" * 20_000)
    assert repo.reflections.for_session(session.uuid) == tuple(saved)
    database.close()

    with open_database(db_file, backup_dir, clock.now) as reopened:
        again = Repository.of(reopened)
        assert again.reflections.for_session(session.uuid) == tuple(saved)
        # With room again, the kept-in-memory entry can be retried.
        again.reflections.save(draft(session, "Sparas nu"))


def test_a_read_only_database_fails_writes_with_storage_read_only(
    repo: Repository, database: Database
) -> None:
    session = new_session(repo)
    repo.reflections.save(draft(session, "Sparad innan"))
    _on_every_connection(database, "PRAGMA query_only=ON")
    with pytest.raises(StorageReadOnly) as raised:
        repo.reflections.save(draft(session, "Går inte att spara"))
    with pytest.raises(StorageReadOnly):
        repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
    with pytest.raises(StorageReadOnly):
        repo.tallies.save_attendance(session.uuid, AttendanceCounts(women=1))
    assert "skrivskyddad" in raised.value.message
    assert [r.text for r in repo.reflections.for_session(session.uuid)] == ["Sparad innan"]


@pytest.fixture
def impatient(db_file: Path, backup_dir: Path, clock: FakeClock) -> Iterator[Database]:
    with open_database(db_file, backup_dir, clock.now, busy_timeout_ms=50) as opened:
        yield opened


def test_a_locked_database_fails_the_write_and_a_retry_succeeds(
    impatient: Database, db_file: Path
) -> None:
    repo = Repository.of(impatient)
    session = new_session(repo)
    entry = draft(session, "Väntar på låset", kind=ReflectionKind.QUOTE)
    other_program = sqlite3.connect(db_file, isolation_level=None)
    other_program.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageLocked) as raised:
            repo.reflections.save(entry)
        assert "används av ett annat program" in raised.value.message
        # Reading is not blocked by a writer (WAL).
        assert repo.reflections.for_session(session.uuid) == ()
    finally:
        other_program.execute("ROLLBACK")
        other_program.close()
    assert repo.reflections.save(entry).text == "Väntar på låset"


@pytest.mark.parametrize(
    ("message", "code", "expected"),
    [
        ("database or disk is full", 13, StorageFull),
        ("attempt to write a readonly database", 8, StorageReadOnly),
        ("attempt to write a readonly database", 1032, StorageReadOnly),  # READONLY_DBMOVED
        ("database is locked", 5, StorageLocked),
        ("database table is locked", 6, StorageLocked),
        ("disk I/O error", 10, StorageError),
        ("database or disk is full", None, StorageFull),  # no code: fall back to the text
    ],
)
def test_driver_errors_map_to_storage_errors(
    message: str, code: int | None, expected: type[StorageError]
) -> None:
    error = sqlite3.OperationalError(message)
    if code is not None:
        error.sqlite_errorcode = code
    mapped = translate(error)
    assert type(mapped) is expected
    assert mapped is not None and mapped.message


@pytest.mark.parametrize(
    ("number", "expected"),
    [(errno.ENOSPC, StorageFull), (errno.EROFS, StorageReadOnly), (errno.EACCES, StorageReadOnly)],
)
def test_file_errors_map_to_storage_errors(number: int, expected: type[StorageError]) -> None:
    assert type(translate(OSError(number, os.strerror(number)))) is expected


def test_programming_errors_are_not_disguised_as_storage_errors() -> None:
    assert translate(sqlite3.IntegrityError("UNIQUE constraint failed")) is None
    assert translate(ValueError("not a database error")) is None
