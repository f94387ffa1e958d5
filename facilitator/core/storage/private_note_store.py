"""The leader's own notes. Nothing in the export path reads this store: keep it that way."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert

from facilitator.core.storage.models import PrivateNoteRow
from facilitator.core.storage.records import PrivateNote
from facilitator.core.storage.transactions import Transactions, session_id

SESSION_NOTE = ""
"""The step key of a note about the whole session rather than one step."""


class PrivateNoteStore:
    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def save(self, session_uuid: str, step_key: str, text: str) -> None:
        """Set the note for a step (``SESSION_NOTE`` for the whole session). Blank text
        removes the note, so an emptied note leaves nothing behind."""
        now = self._tx.now()
        with self._tx.write() as connection:
            owner = session_id(connection, session_uuid)
            if not text.strip():
                connection.execute(
                    delete(PrivateNoteRow).where(
                        PrivateNoteRow.session_id == owner, PrivateNoteRow.step_key == step_key
                    )
                )
                return
            statement = insert(PrivateNoteRow).values(
                session_id=owner, step_key=step_key, text=text, created_at=now, updated_at=now
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[PrivateNoteRow.session_id, PrivateNoteRow.step_key],
                    set_={"text": text, "updated_at": now},
                )
            )

    def get(self, session_uuid: str, step_key: str) -> str:
        """The note's text, or "" when there is none."""
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            text = connection.execute(
                select(PrivateNoteRow.text).where(
                    PrivateNoteRow.session_id == owner, PrivateNoteRow.step_key == step_key
                )
            ).scalar_one_or_none()
        return text or ""

    def for_session(self, session_uuid: str) -> tuple[PrivateNote, ...]:
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            rows = connection.execute(
                select(PrivateNoteRow.step_key, PrivateNoteRow.text, PrivateNoteRow.updated_at)
                .where(PrivateNoteRow.session_id == owner)
                .order_by(PrivateNoteRow.created_at, PrivateNoteRow.id)
            ).all()
        return tuple(
            PrivateNote(step_key=row.step_key, text=row.text, updated_at=row.updated_at)
            for row in rows
        )
