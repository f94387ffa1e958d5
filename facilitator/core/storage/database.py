"""Open the app's database: create it, back it up and migrate it, or refuse it untouched."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc

from facilitator.core.paths import AppPaths
from facilitator.core.storage.backups import make_backup
from facilitator.core.storage.engine import DEFAULT_BUSY_TIMEOUT_MS, create_sqlite_engine
from facilitator.core.storage.errors import (
    DatabaseMigrationFailed,
    DatabaseOpenError,
    StorageError,
    StorageFull,
    translate,
)
from facilitator.core.storage.migrate import (
    MIGRATIONS_DIR,
    FileState,
    alembic_config,
    inspect_file,
    revision_history,
    upgrade,
)

log = logging.getLogger(__name__)


def _system_now() -> datetime:
    return datetime.now().astimezone()


class Database:
    """An open database file: owns the Engine. Close it (or use ``with``) when done."""

    def __init__(
        self,
        file: Path,
        backup_dir: Path,
        engine: Engine,
        revision: str,
        backup_file: Path | None,
        now: Callable[[], datetime],
    ) -> None:
        self.file = file
        self.backup_dir = backup_dir
        self.engine = engine
        self.revision = revision
        # The copy taken before this open migrated the file, if it did.
        self.backup_file = backup_file
        self.now = now

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_database(
    paths_or_file: AppPaths | Path,
    backup_dir: Path | None = None,
    now: Callable[[], datetime] | None = None,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    migrations_dir: Path = MIGRATIONS_DIR,
) -> Database:
    """Open (creating or migrating as needed) the database.

    Raises ``DatabaseTooNew`` or ``DatabaseCorrupt`` for a file it will not touch,
    ``DatabaseMigrationFailed`` when an upgrade failed and was rolled back (the backup is
    kept), another ``DatabaseOpenError`` when the file cannot be read at all, and a
    ``StorageError`` when the folder is full, read-only or the file is locked. Every one has a
    Swedish ``.message`` for the leader.
    """
    if isinstance(paths_or_file, AppPaths):
        file = paths_or_file.database_file
        backup_dir = backup_dir or paths_or_file.backup_dir
    else:
        file = paths_or_file
        backup_dir = backup_dir or file.parent / "backups"
    clock = now or _system_now
    history = revision_history(migrations_dir)
    head = history.head

    state, found = inspect_file(file, history)
    backup_file: Path | None = None
    if state is FileState.OLDER:
        try:
            backup_file = make_backup(file, backup_dir, clock())
        except (OSError, sqlite3.Error) as error:
            # No backup, no migration: the file stays as it is.
            full = translate(error)
            if isinstance(full, StorageFull):
                raise full from error
            raise DatabaseOpenError(file, f"backup failed: {error}") from error
        log.info("backed up %s (revision %s) to %s", file, ", ".join(found), backup_file)
    elif state is FileState.NEW:
        try:
            file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Owner-only from the first byte: SQLite gives the -wal and -shm files the same mode.
            file.touch(mode=0o600, exist_ok=True)
        except OSError as error:
            # A data folder that cannot be made or written to (a locked USB stick, a file
            # where the folder should be): told like every other open failure.
            raise translate(error) or DatabaseOpenError(file, str(error)) from error

    engine = create_sqlite_engine(file, busy_timeout_ms=busy_timeout_ms)
    try:
        if state is FileState.CURRENT:
            with engine.connect():
                pass  # open one connection now, so a locked or read-only file fails here
        else:
            upgrade(engine, alembic_config(migrations_dir), file)
            log.info("database %s now at revision %s", file, head)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except sa_exc.DBAPIError as error:
        engine.dispose()
        storage_error = translate(error)
        # Full, read-only or locked: the leader can fix that and try again.
        if isinstance(storage_error, StorageError) and type(storage_error) is not StorageError:
            raise storage_error from error
        if state is FileState.CURRENT:
            raise DatabaseOpenError(file, str(error)) from error
        raise DatabaseMigrationFailed(file, str(error)) from error
    except Exception as error:
        engine.dispose()
        raise DatabaseMigrationFailed(file, str(error)) from error
    return Database(file, backup_dir, engine, head, backup_file, clock)
