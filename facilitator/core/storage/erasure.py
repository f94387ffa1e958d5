"""Deleting for real: the rows, the bytes they occupied, and every copy.

A deleted row's text could otherwise survive in three places:
1. free pages and slack inside pages of the database file: ``secure_delete=ON`` (set on every
   connection) makes SQLite overwrite it with zeros;
2. the ``-wal`` file, and the main file's older page while another connection still reads it:
   a TRUNCATE checkpoint copies the zeroed pages into the database file and cuts the ``-wal``
   to nothing (see scrub.py for when it cannot, and what happens then);
3. backup copies taken before migrations: removed after every deletion (see backups.py).

Each erasure says whether it is *complete*, that is gone from all three. When it is not, the
rows are still deleted (nothing shows them again), the erasure is recorded as pending and
``finish_pending`` completes it at the next opportunity.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.engine import Connection

from facilitator.core.storage.models import (
    PhoneAnswerRow,
    PrivateNoteRow,
    ReflectionRow,
    SessionRow,
)
from facilitator.core.storage.records import ErasureOutcome
from facilitator.core.storage.scrub import Scrubber
from facilitator.core.storage.timestamps import UtcTimestamp
from facilitator.core.storage.transactions import Transactions


class Erasure:
    def __init__(self, transactions: Transactions, backup_dir: Path) -> None:
        self._tx = transactions
        self._scrubber = Scrubber(
            transactions, Path(transactions.engine.url.database or ""), backup_dir
        )

    @property
    def pending(self) -> bool:
        return self._scrubber.pending

    def erase_session(self, session_uuid: str) -> ErasureOutcome:
        """Delete the session and everything recorded in it (reflections, counts, notes, the
        answers from phones)."""
        with self._tx.write() as connection:
            texts = _session_texts(connection, SessionRow.uuid == session_uuid)
            # ON DELETE CASCADE removes the rows of every other table with it.
            deleted = connection.execute(
                delete(SessionRow).where(SessionRow.uuid == session_uuid)
            ).rowcount
        return self.outcome(deleted > 0, texts)

    def erase_reflection(self, reflection_uuid: str) -> ErasureOutcome:
        with self._tx.write() as connection:
            text = connection.execute(
                select(ReflectionRow.text).where(ReflectionRow.uuid == reflection_uuid)
            ).scalar_one_or_none()
            if text is not None:
                connection.execute(
                    delete(ReflectionRow).where(ReflectionRow.uuid == reflection_uuid)
                )
        return self.outcome(text is not None, [] if text is None else [text])

    def delete_session(self, session_uuid: str) -> bool:
        """``erase_session`` for callers that only ask whether it existed."""
        return self.erase_session(session_uuid).found

    def delete_older_than(self, days: int | None) -> int:
        """Retention: delete sessions whose last date (ended, else started, else planned) is
        more than ``days`` days ago. ``None`` means retention is off. Returns how many."""
        if days is None:
            return 0
        if days < 0:
            raise ValueError("days must not be negative")
        cutoff = self._tx.now() - timedelta(days=days)
        last_date = func.coalesce(
            SessionRow.ended_at, SessionRow.started_at, SessionRow.created_at, type_=UtcTimestamp()
        )
        with self._tx.write() as connection:
            texts = _session_texts(connection, last_date < cutoff)
            deleted = connection.execute(delete(SessionRow).where(last_date < cutoff)).rowcount
        self.outcome(deleted > 0, texts)
        return int(deleted)

    def finish_pending(self) -> bool:
        """Finish an erasure held back earlier (in this run or the last); True when none
        is pending any more."""
        return self._scrubber.finish_pending()

    def outcome(self, found: bool, texts: list[str]) -> ErasureOutcome:
        """Rows holding ``texts`` were just deleted (``found``): clear their traces from the
        disk, or finish an erasure held back earlier. Other stores that delete for real (the
        self-study answers) come here too, so one scrubber keeps what is pending."""
        if not found:
            return ErasureOutcome(found=False, complete=self._scrubber.finish_pending())
        return ErasureOutcome(found=True, complete=self._scrubber.scrub(texts))


def _session_texts(connection: Connection, which: ColumnElement[bool]) -> list[str]:
    """What the leader and the group wrote in the sessions about to be deleted, for the check
    that none of it is left in the file."""
    chosen = select(SessionRow.id).where(which)
    texts: list[str] = []
    for row in connection.execute(
        select(SessionRow.title, SessionRow.place, SessionRow.leader_name).where(which)
    ):
        texts.extend(value for value in row if value)
    texts.extend(
        connection.execute(
            select(ReflectionRow.text).where(ReflectionRow.session_id.in_(chosen))
        ).scalars()
    )
    texts.extend(
        connection.execute(
            select(PrivateNoteRow.text).where(PrivateNoteRow.session_id.in_(chosen))
        ).scalars()
    )
    # What the group sent from their phones, moderated or not (the cascade deletes the rows).
    texts.extend(
        text
        for text in connection.execute(
            select(PhoneAnswerRow.text).where(PhoneAnswerRow.session_id.in_(chosen))
        ).scalars()
        if text
    )
    return texts
