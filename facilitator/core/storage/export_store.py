"""The files written from each session: recorded as they are written, listed before the
session is deleted (the rows go with the session, by ON DELETE CASCADE)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import insert, select

from facilitator.core.storage.models import ExportRow
from facilitator.core.storage.records import ExportKind, ExportRecord
from facilitator.core.storage.transactions import Transactions, session_id


class ExportStore:
    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def record(
        self, session_uuid: str, paths: Sequence[Path], kind: ExportKind
    ) -> tuple[ExportRecord, ...]:
        """Note that ``paths`` were written from the session (absolute paths are kept)."""
        now = self._tx.now()
        kept = [path.absolute() for path in paths]
        with self._tx.write() as connection:
            owner = session_id(connection, session_uuid)
            if kept:
                connection.execute(
                    insert(ExportRow),
                    [
                        {
                            "session_id": owner,
                            "path": str(path),
                            "kind": kind.value,
                            "created_at": now,
                        }
                        for path in kept
                    ],
                )
        return tuple(ExportRecord(session_uuid, path, kind, now) for path in kept)

    def for_session(self, session_uuid: str) -> tuple[ExportRecord, ...]:
        """Oldest first; a file written twice (replaced) is listed once, at its last write."""
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            rows = connection.execute(
                select(ExportRow).where(ExportRow.session_id == owner).order_by(ExportRow.id)
            ).all()
        latest: dict[str, ExportRecord] = {}
        for row in rows:
            latest.pop(row.path, None)
            latest[row.path] = ExportRecord(
                session_uuid, Path(row.path), ExportKind(row.kind), row.created_at
            )
        return tuple(latest.values())
