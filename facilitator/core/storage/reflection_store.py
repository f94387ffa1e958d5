"""The group's reflections: saved as the leader types, keyed by a uuid the client made."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Connection

from facilitator.core.storage.errors import ReflectionNotFound, StorageError
from facilitator.core.storage.models import ReflectionRow, SessionRow
from facilitator.core.storage.records import (
    ReflectionDraft,
    ReflectionKind,
    ReflectionRecord,
    ReflectionSource,
)
from facilitator.core.storage.timestamps import from_text, to_text
from facilitator.core.storage.transactions import Transactions, driver_of, session_id

log = logging.getLogger(__name__)

_COLUMNS = (
    ReflectionRow.uuid,
    SessionRow.uuid.label("session_uuid"),
    ReflectionRow.step_key,
    ReflectionRow.prompt_text,
    ReflectionRow.kind,
    ReflectionRow.text,
    ReflectionRow.created_at,
    ReflectionRow.edited_at,
    ReflectionRow.source,
)

_BY_UUID = (
    select(*_COLUMNS)
    .join(SessionRow, SessionRow.id == ReflectionRow.session_id)
    .where(ReflectionRow.uuid == bindparam("reflection_uuid"))
)

# A save runs at every pause in typing, so it is plain SQL on the driver connection inside the
# same transaction: building, cache-keying and wrapping the results of the equivalent Core
# statements cost twice SQLite's own work (tests/bench/storage_bench.py).
# An unknown session makes session_id NULL, which NOT NULL refuses. The update only happens
# for a real change (so edited_at means edited) and never moves a reflection across sessions.
# No RETURNING: it needs SQLite 3.35, newer than some Linux distributions' Python links to.
_UPSERT_SQL = """
INSERT INTO reflections
  (uuid, session_id, step_key, prompt_text, kind, text, created_at, source)
VALUES (?, (SELECT id FROM sessions WHERE uuid = ?), ?, ?, ?, ?, ?, ?)
ON CONFLICT (uuid) DO UPDATE SET kind = excluded.kind, text = excluded.text, edited_at = ?
WHERE reflections.session_id = excluded.session_id
  AND (reflections.kind != excluded.kind OR reflections.text != excluded.text)
"""
_READ_BACK_SQL = """
SELECT r.uuid, s.uuid, r.step_key, r.prompt_text, r.kind, r.text, r.created_at, r.edited_at,
  r.source
FROM reflections AS r JOIN sessions AS s ON s.id = r.session_id
WHERE r.uuid = ?
"""


class ReflectionStore:
    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def save(self, draft: ReflectionDraft) -> ReflectionRecord:
        """Add the reflection, or bring a saved one up to date with the draft's kind and
        text. Saving the same draft again changes nothing, so a save that failed or whose
        answer was lost can simply be repeated. Durable when it returns."""
        now = to_text(self._tx.now())
        parameters = (
            draft.uuid,
            draft.session_uuid,
            draft.step_key,
            draft.prompt_text,
            draft.kind.value,
            draft.text,
            now if draft.created_at is None else to_text(draft.created_at),
            draft.source.value,
            now,
        )
        try:
            with self._tx.write() as connection:
                driver = driver_of(connection)
                driver.execute(_UPSERT_SQL, parameters).close()
                cursor = driver.execute(_READ_BACK_SQL, (draft.uuid,))
                try:
                    row = cursor.fetchone()
                finally:
                    cursor.close()
        except (sa_exc.IntegrityError, sqlite3.IntegrityError) as error:
            with self._tx.read() as connection:
                session_id(connection, draft.session_uuid)  # raises SessionNotFound
            raise error
        uuid, session_uuid, step_key, prompt_text, kind, text, created_at, edited_at, source = row
        if session_uuid != draft.session_uuid:
            raise ValueError(f"reflection {draft.uuid} belongs to another session")
        return ReflectionRecord(
            uuid=uuid,
            session_uuid=session_uuid,
            step_key=step_key,
            prompt_text=prompt_text,
            kind=ReflectionKind(kind),
            text=text,
            created_at=from_text(created_at),
            edited_at=None if edited_at is None else from_text(edited_at),
            source=ReflectionSource(source),
        )

    def edit(
        self, reflection_uuid: str, *, text: str, kind: ReflectionKind | None = None
    ) -> ReflectionRecord:
        """Change a saved reflection's text (and kind). Repeating an edit changes nothing."""
        now = self._tx.now()
        with self._tx.write() as connection:
            current = _load(connection, reflection_uuid)
            if current is None:
                raise ReflectionNotFound(reflection_uuid)
            new_kind = kind or current.kind
            if (text, new_kind) != (current.text, current.kind):
                connection.execute(
                    update(ReflectionRow)
                    .where(ReflectionRow.uuid == reflection_uuid)
                    .values(text=text, kind=new_kind.value, edited_at=now)
                )
            record = _load(connection, reflection_uuid)
        if record is None:
            raise ReflectionNotFound(reflection_uuid)
        return record

    def delete(self, reflection_uuid: str) -> bool:
        """Remove it for good (secure_delete zeroes the text). False if it was not there,
        which a repeated delete may well find."""
        with self._tx.write() as connection:
            result = connection.execute(
                delete(ReflectionRow).where(ReflectionRow.uuid == reflection_uuid)
            )
            deleted = result.rowcount > 0
        if deleted:
            self._forget_old_pages()
        return deleted

    def _forget_old_pages(self) -> None:
        # secure_delete zeroed the text in the database pages, but earlier page images may
        # still sit in the -wal until a checkpoint. Best effort: the delete itself is done and
        # must not be reported as failed; SQLite removes the -wal at close in any case.
        try:
            self._tx.checkpoint()
        except StorageError as error:
            log.info("checkpoint after deleting a reflection failed: %s", error)

    def get(self, reflection_uuid: str) -> ReflectionRecord:
        with self._tx.read() as connection:
            record = _load(connection, reflection_uuid)
        if record is None:
            raise ReflectionNotFound(reflection_uuid)
        return record

    def for_session(
        self, session_uuid: str, step_key: str | None = None
    ) -> tuple[ReflectionRecord, ...]:
        """In the order they were written; only one step's when ``step_key`` is given."""
        return self._list(session_uuid, step_key=step_key, kind=None)

    def parking_lot(self, session_uuid: str) -> tuple[ReflectionRecord, ...]:
        """The questions parked to come back to, in the order they were parked."""
        return self._list(session_uuid, step_key=None, kind=ReflectionKind.PARKING)

    def _list(
        self, session_uuid: str, *, step_key: str | None, kind: ReflectionKind | None
    ) -> tuple[ReflectionRecord, ...]:
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            query = (
                select(*_COLUMNS)
                .join(SessionRow, SessionRow.id == ReflectionRow.session_id)
                .where(ReflectionRow.session_id == owner)
                .order_by(ReflectionRow.created_at, ReflectionRow.id)
            )
            if step_key is not None:
                query = query.where(ReflectionRow.step_key == step_key)
            if kind is not None:
                query = query.where(ReflectionRow.kind == kind.value)
            rows = connection.execute(query).all()
        return tuple(_record(row) for row in rows)


def _load(connection: Connection, reflection_uuid: str) -> ReflectionRecord | None:
    row = connection.execute(_BY_UUID, {"reflection_uuid": reflection_uuid}).first()
    return None if row is None else _record(row)


def _record(row: Any) -> ReflectionRecord:
    return ReflectionRecord(
        uuid=row.uuid,
        session_uuid=row.session_uuid,
        step_key=row.step_key,
        prompt_text=row.prompt_text,
        kind=ReflectionKind(row.kind),
        text=row.text,
        created_at=row.created_at,
        edited_at=row.edited_at,
        source=ReflectionSource(row.source),
    )
