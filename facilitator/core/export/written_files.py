"""Files an export wrote earlier, as they are on disk now: the leader may have moved or
deleted them since, so only what is still there is offered for deletion."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from facilitator.core.storage.records import ExportRecord

log = logging.getLogger(__name__)


def still_on_disk(exports: Iterable[ExportRecord]) -> tuple[Path, ...]:
    seen: dict[Path, None] = {}
    for export in exports:
        if export.path.is_file():
            seen.setdefault(export.path, None)
    return tuple(seen)


def remove_files(paths: Iterable[Path]) -> tuple[Path, ...]:
    """Delete each file; returns those that could not be deleted (open elsewhere, read-only
    stick). A file already gone counts as deleted."""
    left: list[Path] = []
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            # The file's name comes from the session's title: the folder and the reason only.
            log.warning("an exported file in %s was not deleted (%s)", path.parent, error.strerror)
            left.append(path)
    return tuple(left)
