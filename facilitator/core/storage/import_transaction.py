"""One transaction for a whole archive import: the usual stores, bound to one connection.

Each store method normally commits on its own. An import that committed piece by piece left
half a session behind when a later piece failed (marked *running*, offered for resume at
every start). Here every store call joins one ``BEGIN IMMEDIATE`` transaction: the archive
lands whole or not at all, and nothing else can write between the import's reading of the
local copy and its merging into it.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Engine, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from facilitator.core.storage.errors import StorageError
from facilitator.core.storage.models import (
    AttendanceRow,
    PhoneAnswerRow,
    ReflectionRow,
    SessionRow,
)
from facilitator.core.storage.records import SessionLifecycle
from facilitator.core.storage.reflection_store import ReflectionStore
from facilitator.core.storage.session_store import SessionStore
from facilitator.core.storage.tally_store import TallyStore
from facilitator.core.storage.transactions import Transactions, session_id

log = logging.getLogger(__name__)


class ImportConflict(Exception):
    """The database refused the merged rows (a constraint); nothing was written."""


class _Joined(Transactions):
    """Every read and write joins the one open transaction."""

    def __init__(self, connection: Connection, now: Callable[[], datetime]) -> None:
        self.engine = connection.engine
        self._connection = connection
        self._now = now

    @contextmanager
    def write(self) -> Iterator[Connection]:
        yield self._connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        yield self._connection

    def checkpoint(self) -> bool:
        # Not inside a transaction; ``import_transaction`` checkpoints after the commit.
        return False


class ImportTransaction:
    def __init__(self, connection: Connection, now: Callable[[], datetime]) -> None:
        joined = _Joined(connection, now)
        self._connection = connection
        self.sessions = SessionStore(joined)
        self.reflections = ReflectionStore(joined)
        self.tallies = TallyStore(joined)
        self.removed_reflections = False

    def reflection_owner(self, reflection_uuid: str) -> str | None:
        """The uuid of the session holding this reflection, if any does."""
        found = self._connection.execute(
            select(SessionRow.uuid)
            .join(ReflectionRow, ReflectionRow.session_id == SessionRow.id)
            .where(ReflectionRow.uuid == reflection_uuid)
        ).scalar_one_or_none()
        return None if found is None else str(found)

    def has_phone_answers(self, session_uuid: str) -> bool:
        """Whether this computer holds phone answers of the session (their own, not counts)."""
        found = self._connection.execute(
            select(PhoneAnswerRow.id)
            .join(SessionRow, SessionRow.id == PhoneAnswerRow.session_id)
            .where(SessionRow.uuid == session_uuid)
            .limit(1)
        ).first()
        return found is not None

    def attendance_changed_at(self, session_uuid: str) -> datetime | None:
        owner = session_id(self._connection, session_uuid)
        found = self._connection.execute(
            select(AttendanceRow.updated_at).where(AttendanceRow.session_id == owner)
        ).scalar_one_or_none()
        return found

    def remove_reflection(self, reflection_uuid: str) -> None:
        if self.reflections.delete(reflection_uuid):
            self.removed_reflections = True

    def set_edited_at(self, reflection_uuid: str, edited_at: datetime | None) -> None:
        """Keep the edit time the reflection carried from the other computer."""
        self._connection.execute(
            update(ReflectionRow)
            .where(ReflectionRow.uuid == reflection_uuid)
            .values(edited_at=edited_at)
        )

    def set_session_state(
        self,
        session_uuid: str,
        *,
        status: SessionLifecycle,
        started_at: datetime | None,
        ended_at: datetime | None,
        updated_at: datetime,
    ) -> None:
        self._connection.execute(
            update(SessionRow)
            .where(SessionRow.uuid == session_uuid)
            .values(
                status=status.value,
                started_at=started_at,
                ended_at=ended_at,
                updated_at=updated_at,
            )
        )


@contextmanager
def import_transaction(engine: Engine, now: Callable[[], datetime]) -> Iterator[ImportTransaction]:
    """Commits when the block is left normally; any exception rolls back all of it.
    Raises ``ImportConflict`` for a constraint the rows broke, ``StorageError`` as usual."""
    transactions = Transactions(engine, now)
    try:
        with transactions.write() as connection:
            work = ImportTransaction(connection, now)
            yield work
    except (sa_exc.IntegrityError, sqlite3.IntegrityError) as error:
        # hide_parameters keeps the rows' text out of this message.
        raise ImportConflict(type(error).__name__) from error
    if work.removed_reflections:
        # As after any deletion: the zeroed pages replace the old ones in the -wal.
        try:
            transactions.checkpoint()
        except StorageError as error:
            log.info("checkpoint after an import's deletions failed: %s", error)
