"""What the leader typed that the database would not take before the app closed (a locked or
full disk at quit): written to a small journal file beside the database, and merged into the
database at the next start. Nothing accepted on screen is lost with the process.

Saving a reflection is idempotent (an upsert on its uuid), so a journal merged twice, or one
holding a row that did reach the disk after all, changes nothing.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.storage.records import ReflectionDraft, ReflectionKind, ReflectionRecord

log = logging.getLogger(__name__)

SUFFIX = ".reflections.json"


class RecoveryJournal:
    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def keep(self, session_uuid: str, records: Iterable[ReflectionRecord]) -> Path | None:
        """Write ``records`` durably (a whole file or none); None when there was nothing."""
        rows = [
            {
                "uuid": r.uuid,
                "session_uuid": r.session_uuid,
                "step_key": r.step_key,
                "kind": r.kind.value,
                "text": r.text,
                "prompt_text": r.prompt_text,
                "created_at": r.created_at.isoformat(),
            }
            for r in records
        ]
        if not rows:
            return None
        self._folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        target = self._folder / f"{session_uuid}{SUFFIX}"
        partial = target.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as handle:
            json.dump(rows, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(target)
        log.warning("%d reflections kept in %s for the next start", len(rows), target)
        return target

    def files(self) -> list[Path]:
        try:
            return sorted(self._folder.glob(f"*{SUFFIX}"))
        except OSError:
            return []

    def merge(self, storage: StorageGateway) -> None:
        """Save every journalled reflection; a file goes once all of its rows are in."""
        for path in self.files():
            try:
                drafts = _drafts(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.error("Recovery journal %s unreadable, kept: %r", path, error)
                continue
            self._save(storage, path, drafts)

    def _save(self, storage: StorageGateway, path: Path, drafts: list[ReflectionDraft]) -> None:
        left = {draft.uuid for draft in drafts}
        failed: list[Exception] = []

        def saved(record: ReflectionRecord) -> None:
            left.discard(record.uuid)
            if not left and not failed:
                path.unlink(missing_ok=True)
                log.info("Recovery journal %s merged (%d reflections)", path, len(drafts))

        for draft in drafts:
            storage.save_reflection(draft, saved, failed.append)


def _drafts(rows: list[dict[str, str]]) -> list[ReflectionDraft]:
    return [
        ReflectionDraft(
            uuid=row["uuid"],
            session_uuid=row["session_uuid"],
            step_key=row["step_key"],
            kind=ReflectionKind(row["kind"]),
            text=row["text"],
            prompt_text=row["prompt_text"],
            created_at=datetime.fromisoformat(row["created_at"]),
        )
        for row in rows
    ]
