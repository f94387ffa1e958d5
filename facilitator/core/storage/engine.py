"""The SQLAlchemy Engine for the app's SQLite file, with the same settings on every connection.

Transactions: Python 3.11's sqlite3 module opens transactions implicitly and only before DML, so
DDL in a migration would run outside any transaction. Following SQLAlchemy's SQLite notes, the
driver's own handling is switched off and SQLAlchemy emits BEGIN itself. Writes ask for
``BEGIN IMMEDIATE`` (see ``WRITE``): taking the write lock up front means a busy database
waits ``busy_timeout`` instead of failing half-way through a transaction that began as a read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import Connection

# Long enough to ride out another connection's commit or checkpoint; short because a write
# waiting here cannot be interrupted, so it is also how long quitting can be held up by a
# database another program keeps locked. Longer locks are the serial writer's to retry.
DEFAULT_BUSY_TIMEOUT_MS = 1000
WRITE = {"facilitator_write": True}

# Every connection, not just the first: SQLite forgets most pragmas when a connection closes,
# and the pool opens new ones at any time. synchronous=FULL makes each commit reach the disk
# before it returns; secure_delete zeroes deleted text instead of leaving it in free pages.
_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
)


def fold(text: str | None) -> str | None:
    """Case-insensitive matching that also covers Å, Ä, Ö (SQLite's LIKE folds ASCII only)."""
    return None if text is None else text.casefold()


def create_sqlite_engine(file: Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    # URL.create, not an f-string: a folder name may hold "?" or "#". hide_parameters: a
    # failed statement's message must not carry what the group said (or a private note) into
    # a logged traceback, and from there into the log file a leader sends to IT support.
    engine = create_engine(URL.create("sqlite", database=str(file)), hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.create_function("fold", 1, fold, deterministic=True)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            for pragma in _PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get("facilitator_write", False)
        # Straight to the driver: BEGIN has no result to handle, and SQLAlchemy's execution
        # path would add its per-statement cost to every durable save.
        driver = connection.connection.driver_connection
        if driver is None:
            raise RuntimeError("connection has no driver connection")
        driver.execute("BEGIN IMMEDIATE" if write else "BEGIN").close()

    return engine
