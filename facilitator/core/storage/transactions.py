"""One transaction per call, and database errors turned into StorageError."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Engine, bindparam, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from facilitator.core.storage.engine import WRITE
from facilitator.core.storage.errors import SessionNotFound, translate
from facilitator.core.storage.models import SessionRow


class Transactions:
    def __init__(self, engine: Engine, now: Callable[[], datetime]) -> None:
        self.engine = engine
        # Made once: setting the option on each connection costs more than the insert.
        self._writer = engine.execution_options(**WRITE)
        self._now = now

    def now(self) -> datetime:
        moment = self._now()
        if moment.tzinfo is None:
            raise ValueError("the clock must give timezone-aware times")
        return moment

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction, committed on leaving the block. With synchronous=FULL the
        commit has reached the disk when the block is left, so a caller that got no exception
        may tell the leader "saved". Any failure rolls back everything in the block."""
        try:
            with self._writer.begin() as connection:
                yield connection
        except (sa_exc.DBAPIError, sqlite3.Error) as error:
            storage_error = translate(error)
            if storage_error is None:
                raise
            raise storage_error from error

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: every query in the block sees the same snapshot."""
        try:
            with self.engine.connect() as connection, connection.begin():
                yield connection
        except (sa_exc.DBAPIError, sqlite3.Error) as error:
            storage_error = translate(error)
            if storage_error is None:
                raise
            raise storage_error from error

    def checkpoint(self) -> bool:
        """Copy the -wal into the database file and cut the -wal to zero bytes. False when a
        reader held part of it back (that part stays safe in the -wal)."""
        try:
            with self.engine.connect() as connection:
                # Outside any transaction, which a checkpoint requires.
                row = driver_of(connection).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                return row is not None and int(row[0]) == 0
        except (sa_exc.DBAPIError, sqlite3.Error) as error:
            storage_error = translate(error)
            if storage_error is None:
                raise
            raise storage_error from error


def driver_of(connection: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one, for the few statements that must skip
    SQLAlchemy's per-call work (pragmas, checkpoints, the reflection save)."""
    driver = connection.connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise RuntimeError("not an sqlite3 connection")
    return driver


_SESSION_ID = select(SessionRow.id).where(SessionRow.uuid == bindparam("session_uuid"))


def session_id(connection: Connection, session_uuid: str) -> int:
    found = connection.execute(_SESSION_ID, {"session_uuid": session_uuid}).scalar_one_or_none()
    if found is None:
        raise SessionNotFound(session_uuid)
    return found
