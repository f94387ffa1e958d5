"""Importing session archives from other laptops: each file whole or not at all.

Each archive is read within bounds (``archive_reading.py``), then merged by the rules in
``archive_merge.py`` inside one database transaction: a file that fails at any point leaves
nothing behind. Before the first change to a session already here, the database is copied
into the backups folder (once per import). Every file gets a result that says what was added,
updated, removed, left as it was, kept from the local copy or refused, and why.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from facilitator.core.export.archive import ArchiveError, read_archive
from facilitator.core.export.archive_format import Archive
from facilitator.core.export.archive_merge import Clock, MergeReport, merge
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.i18n import _
from facilitator.core.storage.backups import make_backup
from facilitator.core.storage.database import Database
from facilitator.core.storage.errors import SessionNotFound, StorageError
from facilitator.core.storage.import_transaction import ImportConflict, import_transaction

log = logging.getLogger(__name__)


class ArchiveOutcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_LOCAL = "kept_local"
    FAILED = "failed"


@dataclass(frozen=True)
class ArchiveImportResult:
    file: Path
    outcome: ArchiveOutcome
    session_uuid: str = ""
    title: str = ""
    message: str = ""
    """Why the file was refused (FAILED); nothing from it was saved."""
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    replaced: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()
    backup: Path | None = None
    """The copy of the database taken before this file changed it."""

    def details(self) -> list[str]:
        """The per-session report, one Swedish line each (empty for a failed file)."""
        if self.outcome is ArchiveOutcome.FAILED:
            return []
        counts = (
            (_("tillagda"), self.added),
            (_("uppdaterade"), self.updated),
            (_("borttagna"), self.removed),
            (_("oförändrade"), self.unchanged),
            (_("behölls här"), len(self.kept)),
            (_("avvisade"), len(self.refused)),
        )
        lines = [
            _("reflektioner – {counts}").format(
                counts=", ".join(f"{word}: {n}" for word, n in counts if n or word == counts[0][0])
            )
        ]
        if self.replaced:
            lines.append(_("ersattes med arkivets: {what}").format(what=", ".join(self.replaced)))
        for reason, n in Counter(self.kept).items():
            lines.append(_("behölls här ({n}): {reason}").format(n=n, reason=reason))
        for reason, n in Counter(self.refused).items():
            lines.append(_("avvisade ({n}): {reason}").format(n=n, reason=reason))
        if self.backup is not None:
            lines.append(_("säkerhetskopia före ändringen: {path}").format(path=self.backup))
        return lines


class _NoBackup(Exception):
    pass


class _Backup:
    """One copy of the database per import, taken before the first change to local data."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self.path: Path | None = None

    def take(self) -> None:
        if self.path is not None:
            return
        try:
            self.path = make_backup(
                self._database.file, self._database.backup_dir, self._database.now()
            )
        except (OSError, sqlite3.Error) as error:
            raise _NoBackup(getattr(error, "strerror", None) or type(error).__name__) from error


def import_archives(
    database: Database,
    files: Sequence[Path],
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> list[ArchiveImportResult]:
    """Import each file; one bad file does not stop the others. ``ExportCancelled`` stops
    between files (each file is imported whole or not at all)."""
    steps = Steps(progress, is_cancelled)
    backup = _Backup(database)
    results: list[ArchiveImportResult] = []
    for index, file in enumerate(files):
        steps.report(index / max(1, len(files)))
        try:
            archive = read_archive(file)
        except ArchiveError as error:
            results.append(ArchiveImportResult(file, ArchiveOutcome.FAILED, message=error.message))
            continue
        results.append(_import_file(database, file, archive, backup))
    steps.report(1.0)
    return results


def _import_file(
    database: Database, file: Path, archive: Archive, backup: _Backup
) -> ArchiveImportResult:
    session = archive.session
    taken_before = backup.path
    try:
        report, existed = import_archive(database, archive, backup.take)
    except StorageError as error:
        message = error.message
    except ImportConflict:
        message = _("databasen tog inte emot arkivets innehåll; inget från filen sparades")
    except _NoBackup as error:
        message = _(
            "ingen säkerhetskopia av databasen kunde göras ({reason}), så inget från filen "
            "sparades; kontrollera att det finns plats på disken och försök igen"
        ).format(reason=error)
    except (SessionNotFound, ValueError) as error:
        log.warning("archive import failed: %s", type(error).__name__)
        message = _("arkivets innehåll går inte ihop; inget från filen sparades")
    else:
        return ArchiveImportResult(
            file,
            _outcome(report, existed),
            session.uuid,
            session.title,
            added=report.added,
            updated=report.updated,
            removed=report.removed,
            unchanged=report.unchanged,
            replaced=tuple(report.replaced),
            kept=tuple(report.kept),
            refused=tuple(report.refused),
            backup=backup.path if backup.path != taken_before else None,
        )
    return ArchiveImportResult(file, ArchiveOutcome.FAILED, session.uuid, session.title, message)


def import_archive(
    database: Database, archive: Archive, before_change: Callable[[], None] = lambda: None
) -> tuple[MergeReport, bool]:
    """Merge one archive in one transaction; returns the report and whether the session was
    here before. ``before_change`` runs before the first change to local data."""
    clock = Clock(archive.exported_at)
    with import_transaction(database.engine, clock) as work:
        try:
            local = work.sessions.get(archive.session.uuid)
        except SessionNotFound:
            local = None
        return merge(work, archive, clock, local, before_change), local is not None


def _outcome(report: MergeReport, existed: bool) -> ArchiveOutcome:
    if not existed:
        return ArchiveOutcome.ADDED
    if report.changed:
        return ArchiveOutcome.UPDATED
    return ArchiveOutcome.KEPT_LOCAL if report.kept or report.refused else ArchiveOutcome.UNCHANGED
