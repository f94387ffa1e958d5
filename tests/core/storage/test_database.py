"""Opening the file: a new one is created, a current one opened, a bad one left alone."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from facilitator.core.clock import FakeClock
from facilitator.core.paths import AppPaths
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.errors import DatabaseCorrupt, DatabaseTooNew
from facilitator.core.storage.migrate import alembic_config, head_revision
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import new_session, sha256


def test_a_new_file_is_created_at_the_newest_revision(database: Database, db_file: Path) -> None:
    assert db_file.exists()
    assert database.revision == head_revision(alembic_config())
    assert database.backup_file is None
    with database.engine.connect() as connection:
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        tables = set(
            connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        )
    assert found == database.revision
    assert {"sessions", "reflections", "attendance", "private_notes"} <= tables


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_new_file_is_readable_by_its_owner_only(database: Database, db_file: Path) -> None:
    assert stat.S_IMODE(db_file.stat().st_mode) == 0o600


def test_every_connection_has_the_safety_pragmas(database: Database) -> None:
    # Two connections at once: the pool opens the second one fresh.
    with database.engine.connect() as first, database.engine.connect() as second:
        for connection in (first, second):

            def pragma(name: str, connection: object = connection) -> object:
                return connection.exec_driver_sql(f"PRAGMA {name}").scalar_one()  # type: ignore[attr-defined]

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("secure_delete") == 1
            assert pragma("busy_timeout") == 1000


def test_reopening_keeps_the_data_and_makes_no_backup(
    db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    with open_database(db_file, backup_dir, clock.now) as first:
        session = new_session(Repository.of(first), "Första träffen")
    with open_database(db_file, backup_dir, clock.now) as again:
        assert Repository.of(again).sessions.get(session.uuid).title == "Första träffen"
        assert again.backup_file is None
    assert not backup_dir.exists()


def test_app_paths_are_understood(tmp_path: Path, clock: FakeClock) -> None:
    paths = AppPaths(tmp_path / "d", tmp_path / "c", tmp_path / "l")
    with open_database(paths, now=clock.now) as opened:
        assert opened.file == paths.database_file
        assert opened.backup_dir == paths.backup_dir
    assert paths.database_file.exists()


def _make_too_new(db_file: Path, backup_dir: Path, clock: FakeClock) -> None:
    with open_database(db_file, backup_dir, clock.now) as opened:
        new_session(Repository.of(opened), "Framtiden")
        with opened.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))


def test_a_database_from_a_newer_version_is_refused_untouched(
    db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    _make_too_new(db_file, backup_dir, clock)
    before = sha256(db_file)
    with pytest.raises(DatabaseTooNew) as raised:
        open_database(db_file, backup_dir, clock.now)
    assert sha256(db_file) == before
    assert not backup_dir.exists()
    assert "nyare version" in raised.value.message
    assert str(db_file) in raised.value.message


def test_a_too_new_database_with_unsaved_wal_is_also_untouched(
    db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    _make_too_new(db_file, backup_dir, clock)
    # A crashed newer app: its last commit still only in the -wal.
    writer = sqlite3.connect(db_file)
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE sessions SET title = 'Bara i WAL'")
    writer.commit()
    wal = db_file.with_name(db_file.name + "-wal")
    before = (sha256(db_file), sha256(wal))
    with pytest.raises(DatabaseTooNew):
        open_database(db_file, backup_dir, clock.now)
    assert (sha256(db_file), sha256(wal)) == before
    writer.close()


@pytest.mark.parametrize(
    "content",
    [
        b"this is a text file, not a database\n" * 10,
        b"SQLite format 3\x00" + b"\xff" * 5000,
        bytes(4096),
    ],
    ids=["text", "garbled-header", "zeros"],
)
def test_a_file_that_is_not_a_database_is_refused_untouched(
    db_file: Path, backup_dir: Path, clock: FakeClock, content: bytes
) -> None:
    db_file.parent.mkdir(parents=True)
    db_file.write_bytes(content)
    with pytest.raises(DatabaseCorrupt) as raised:
        open_database(db_file, backup_dir, clock.now)
    assert db_file.read_bytes() == content
    assert "skadad" in raised.value.message


def test_a_damaged_database_is_refused_untouched(
    db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    with open_database(db_file, backup_dir, clock.now) as opened:
        repo = Repository.of(opened)
        for number in range(40):
            new_session(repo, f"Träff {number}" + "x" * 1500)
    damaged = bytearray(db_file.read_bytes())
    # Scribble over the middle pages (past page 1, which holds the header and schema root).
    damaged[8192:20480] = b"\xa5" * (20480 - 8192)
    db_file.write_bytes(bytes(damaged))
    with pytest.raises(DatabaseCorrupt):
        open_database(db_file, backup_dir, clock.now)
    assert db_file.read_bytes() == bytes(damaged)


def test_an_sqlite_file_of_another_program_is_refused(
    db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    db_file.parent.mkdir(parents=True)
    other = sqlite3.connect(db_file)
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.commit()
    other.close()
    before = sha256(db_file)
    with pytest.raises(DatabaseCorrupt):
        open_database(db_file, backup_dir, clock.now)
    assert sha256(db_file) == before


def test_an_empty_file_is_taken_as_new(db_file: Path, backup_dir: Path, clock: FakeClock) -> None:
    db_file.parent.mkdir(parents=True)
    db_file.touch()
    with open_database(db_file, backup_dir, clock.now) as opened:
        assert new_session(Repository.of(opened)).title == "Att mötas"
