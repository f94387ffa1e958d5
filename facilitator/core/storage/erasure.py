"""Deleting sessions for real: the rows, the bytes they occupied, and every copy.

A deleted row's text could otherwise survive in three places, each handled here:
1. free pages and slack inside pages of the database file: ``secure_delete=ON`` (set on every
   connection) makes SQLite overwrite it with zeros;
2. the ``-wal`` file, which holds recent page images: a TRUNCATE checkpoint copies the zeroed
   pages into the database file and cuts the ``-wal`` to nothing;
3. backup copies taken before migrations: ``purge_backups`` removes them (see backups.py).
"""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from sqlalchemy import delete, func

from facilitator.core.storage.backups import purge_backups
from facilitator.core.storage.errors import StorageError
from facilitator.core.storage.models import SessionRow
from facilitator.core.storage.timestamps import UtcTimestamp
from facilitator.core.storage.transactions import Transactions

log = logging.getLogger(__name__)


class Erasure:
    def __init__(self, transactions: Transactions, backup_dir: Path) -> None:
        self._tx = transactions
        self._backup_dir = backup_dir

    def delete_session(self, session_uuid: str) -> bool:
        """Delete the session and everything recorded in it (reflections, counts, notes).
        False when it did not exist. Also removes the backup copies (an OSError if one
        cannot be removed: the rows are deleted by then regardless)."""
        with self._tx.write() as connection:
            # ON DELETE CASCADE removes the rows of every other table with it.
            deleted = connection.execute(
                delete(SessionRow).where(SessionRow.uuid == session_uuid)
            ).rowcount
        if deleted:
            self._scrub()
        return deleted > 0

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
            deleted = connection.execute(delete(SessionRow).where(last_date < cutoff)).rowcount
        if deleted:
            self._scrub()
        return int(deleted)

    def _scrub(self) -> None:
        # The rows are already gone; a checkpoint that fails or is held back by a reader is
        # not worth reporting as a failed deletion: SQLite checkpoints and removes the -wal
        # when the last connection closes, at the latest when the app quits.
        try:
            if not self._tx.checkpoint():
                log.warning("checkpoint after deletion was held back by a reader")
        except StorageError as error:
            log.warning("checkpoint after deletion failed: %s", error)
        removed = purge_backups(self._backup_dir)
        if removed:
            log.info("removed %d backup file(s) after a deletion", removed)
