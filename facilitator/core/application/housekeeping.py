"""Work done once the database has opened at start-up: an erasure that another program held
back last time is finished, sessions past the retention period go for real, and module
versions no saved session refers to are dropped (with whatever a power cut left of an
interrupted import)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.content.importer import prune_old_versions, remove_leftovers

log = logging.getLogger(__name__)


def apply_retention(storage: StorageGateway, days: int | None) -> None:
    # A deletion another connection held back is finished first, before anything new is
    # deleted: both are the same promise that deleted text leaves the disk.
    storage.finish_erasure(_still_pending)
    if days:
        storage.delete_older_than(
            days, lambda count: log.info("Retention: %s old sessions deleted", count)
        )


def _still_pending(complete: bool) -> None:
    if not complete:
        log.warning("An erasure held back earlier is still pending")


def tidy_modules(
    storage: StorageGateway, folder: Path, removed: Callable[[list[Path]], None]
) -> None:
    def tidy(in_use: frozenset[tuple[str, str]]) -> list[Path]:
        remove_leftovers(folder)
        return list(prune_old_versions(folder, lambda mid, version: (mid, version) in in_use))

    storage.module_versions_in_use(tidy, removed)


def keep_house_once_open(
    storage: StorageGateway,
    retention_days: Callable[[], int | None],
    user_modules: Path,
    removed: Callable[[list[Path]], None],
) -> None:
    """Each time the database opens (once per run): retention, then the module folders."""
    storage.opened.connect(lambda _none: apply_retention(storage, retention_days()))
    storage.opened.connect(lambda _none: tidy_modules(storage, user_modules, removed))
