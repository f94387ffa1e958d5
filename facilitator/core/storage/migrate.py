"""Find out what a database file is, and bring it to the code's schema with Alembic.

The inspection opens the file read-only and writes nothing, so a file we refuse (too new,
damaged, not ours) stays exactly as it was: the leader's data may still be rescued from it.

Whether a migration is due is read from the revision files themselves (``revision_history``),
not through Alembic: importing Alembic's machinery took ≈ 0.2 s of every start (issue 16), and
it is needed only on the rare start that creates or upgrades the file.
"""

from __future__ import annotations

import ast
import sqlite3
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from facilitator.core.storage.backups import read_only_uri
from facilitator.core.storage.engine import DEFAULT_BUSY_TIMEOUT_MS, WRITE
from facilitator.core.storage.errors import (
    DatabaseCorrupt,
    DatabaseMigrationFailed,
    DatabaseOpenError,
    DatabaseTooNew,
    StorageError,
    translate,
)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")
_HEADER = b"SQLite format 3\x00"
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class FileState(Enum):
    NEW = "new"  # missing, empty, or an SQLite file with no tables yet
    CURRENT = "current"
    OLDER = "older"


@dataclass(frozen=True)
class RevisionHistory:
    known: frozenset[str]
    heads: frozenset[str]

    @property
    def head(self) -> str:
        if len(self.heads) != 1:
            raise RuntimeError(f"the migrations folder has {len(self.heads)} heads")
        return next(iter(self.heads))


def revision_history(migrations_dir: Path = MIGRATIONS_DIR) -> RevisionHistory:
    """Every revision and the head(s), from the ``revision`` and ``down_revision`` each file
    of ``versions/`` assigns, as Alembic reads them (tests/core/storage checks they agree)."""
    parents: dict[str, tuple[str, ...]] = {}
    for source in sorted((migrations_dir / "versions").glob("*.py")):
        values: dict[str, object] = {}
        for node in ast.parse(source.read_bytes(), str(source)).body:
            target = (
                node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            )
            if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                value = getattr(node, "value", None)
                values[target.id] = ast.literal_eval(value) if value is not None else None
        revision, down = values.get("revision"), values.get("down_revision")
        if isinstance(revision, str):
            # None for the first revision, a tuple where branches merge.
            downs = (down,) if isinstance(down, str) else down if isinstance(down, tuple) else ()
            parents[revision] = tuple(str(parent) for parent in downs)
    if not parents:
        raise RuntimeError("the migrations folder has no revisions")
    below = {parent for downs in parents.values() for parent in downs}
    return RevisionHistory(frozenset(parents), frozenset(parents.keys() - below))


def alembic_config(migrations_dir: Path = MIGRATIONS_DIR) -> Config:
    from alembic.config import Config

    config = Config()
    # Config values pass through ConfigParser interpolation, where "%" is special.
    config.set_main_option("script_location", str(migrations_dir).replace("%", "%%"))
    return config


def head_revision(config: Config) -> str:
    """The head as Alembic sees it (for tests and tools; the app uses ``revision_history``)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:
        raise RuntimeError("the migrations folder has no revisions")
    return head


def inspect_file(file: Path, history: RevisionHistory) -> tuple[FileState, tuple[str, ...]]:
    """The file's state and its Alembic revision(s); raises for a file we must not touch."""
    if not file.exists() or file.stat().st_size == 0:
        return FileState.NEW, ()
    with file.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(_HEADER):
        raise DatabaseCorrupt(file, "not an SQLite database")
    try:
        connection = sqlite3.connect(
            read_only_uri(file), uri=True, timeout=DEFAULT_BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as error:
        raise _open_error(file, error) from error
    try:
        return _classify(file, connection, history)
    except sqlite3.Error as error:
        raise _open_error(file, error) from error
    finally:
        connection.close()


def _classify(
    file: Path, connection: sqlite3.Connection, history: RevisionHistory
) -> tuple[FileState, tuple[str, ...]]:
    check = connection.execute("PRAGMA quick_check").fetchall()
    if check != [("ok",)]:
        raise DatabaseCorrupt(file, "; ".join(str(row[0]) for row in check[:5]))
    tables = {
        str(row[0])
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    found: tuple[str, ...] = ()
    if "alembic_version" in tables:
        found = tuple(
            str(row[0]) for row in connection.execute("SELECT version_num FROM alembic_version")
        )
    if not found:
        if tables - {"sqlite_sequence", "alembic_version"}:
            raise DatabaseCorrupt(file, "tables but no schema revision: not our database")
        return FileState.NEW, ()
    unknown = [revision for revision in found if revision not in history.known]
    if unknown:
        raise DatabaseTooNew(file, f"unknown schema revision {', '.join(unknown)}")
    if set(found) == history.heads:
        return FileState.CURRENT, found
    return FileState.OLDER, found


def _open_error(file: Path, error: sqlite3.Error) -> DatabaseOpenError | StorageError:
    """Damaged, or something that can pass (locked by another program, read-only, a full
    disk: a ``StorageError`` the caller may retry), or another reason not to open it."""
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return DatabaseCorrupt(file, str(error))
    passing = translate(error)
    if passing is not None and type(passing) is not StorageError:
        return passing
    return DatabaseOpenError(file, str(error))


def upgrade(engine: Engine, config: Config, file: Path, target: str = "head") -> None:
    """Run every pending revision up to ``target`` in one connection and one transaction.

    Foreign keys are off while the schema changes, as SQLite's documentation asks: Alembic's
    batch mode rebuilds a table by dropping it, and with ON DELETE CASCADE in force that drop
    would delete every row that refers to it. ``foreign_key_check`` afterwards refuses to
    commit a schema that left any reference dangling, and nothing is changed then.
    """
    from alembic import command

    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        if driver is None:
            raise RuntimeError("no driver connection")
        # Must run outside a transaction, where SQLite ignores it.
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            connection.execution_options(**WRITE)
            with connection.begin():
                config.attributes["connection"] = connection
                try:
                    command.upgrade(config, target)
                finally:
                    del config.attributes["connection"]
                dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if dangling:
                    raise DatabaseMigrationFailed(file, f"dangling references: {dangling[:5]}")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
