"""What can go wrong with the database, told so the leader knows what to do.

Write errors are translated into a small family of ``StorageError`` classes so the UI can keep
the unsaved text in memory, show ``.message`` and retry, without knowing about SQLite.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from facilitator.core.i18n import _

# Primary result codes (the low byte of an extended code). Codes are more reliable than the
# English message text, which SQLite does not promise to keep stable.
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_FULL = 13


class StorageError(Exception):
    """A write or read did not reach the database. Nothing already saved is lost."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or type(self).__name__)
        self.detail = detail

    @property
    def message(self) -> str:
        return _(
            "Det gick inte att spara just nu. Det du skrev finns kvar i programmet. "
            "Försök igen om en stund. Om felet kvarstår: starta om programmet."
        )


class StorageFull(StorageError):
    @property
    def message(self) -> str:
        return _(
            "Disken är full, så det senaste kunde inte sparas. Allt som sparats tidigare finns "
            "kvar, och det du skrev finns kvar i programmet. Frigör utrymme på datorn (töm "
            "papperskorgen eller ta bort stora filer) och försök igen."
        )


class StorageReadOnly(StorageError):
    @property
    def message(self) -> str:
        return _(
            "Databasfilen går bara att läsa, inte att skriva till, så det senaste kunde inte "
            "sparas. Det du skrev finns kvar i programmet. Kontrollera att mappen inte är "
            "skrivskyddad (till exempel ett låst USB-minne) och försök igen."
        )


class StorageLocked(StorageError):
    @property
    def message(self) -> str:
        return _(
            "Databasen används av ett annat program just nu, så det senaste är inte sparat i "
            "den ännu. Det du skrev finns kvar, och appen försöker igen av sig själv. Stäng "
            "andra program som kan ha databasen öppen (till exempel ett databasverktyg eller en "
            "säkerhetskopiering)."
        )


class SessionNotFound(LookupError):
    """The session does not exist (never created, or deleted)."""


class ReflectionNotFound(LookupError):
    """The reflection does not exist (never saved, or deleted)."""


class DatabaseOpenError(Exception):
    """The database file could not be opened; the file itself has not been changed."""

    def __init__(self, file: Path, detail: str = "") -> None:
        super().__init__(f"{file}: {detail}" if detail else str(file))
        self.file = file
        self.detail = detail

    @property
    def message(self) -> str:
        return _(
            "Databasen kunde inte öppnas. Filen har inte ändrats. Kontakta IT-stödet och "
            "visa den här filen: {file}"
        ).format(file=self.file)


class DatabaseTooNew(DatabaseOpenError):
    @property
    def message(self) -> str:
        return _(
            "Databasen har skapats av en nyare version av Facilitator än den du använder nu. "
            "Den här versionen kan inte läsa den, och filen har inte ändrats. Uppdatera "
            "Facilitator till den senaste versionen. Filen: {file}"
        ).format(file=self.file)


class DatabaseCorrupt(DatabaseOpenError):
    @property
    def message(self) -> str:
        return _(
            "Databasfilen är skadad eller är inte en Facilitator-databas, så den kan inte "
            "öppnas. Filen har inte ändrats eller skrivits över. Kontakta IT-stödet: en "
            "säkerhetskopia i mappen för säkerhetskopior kan återställas. Filen: {file}"
        ).format(file=self.file)


class DatabaseMigrationFailed(DatabaseOpenError):
    @property
    def message(self) -> str:
        return _(
            "Databasen kunde inte uppdateras till den här versionen av Facilitator. Inget har "
            "ändrats i den, och en säkerhetskopia finns i mappen för säkerhetskopior. Kontakta "
            "IT-stödet. Filen: {file}"
        ).format(file=self.file)


def sqlite_error_of(error: BaseException) -> sqlite3.Error | None:
    """The driver's error behind a SQLAlchemy wrapper, or the error itself. The wrapper is
    recognised by its ``orig`` rather than its class, so this module (which the UI imports)
    does not bring SQLAlchemy in before the database is opened (decision 0004)."""
    wrapped = getattr(error, "orig", None)
    if isinstance(wrapped, sqlite3.Error):
        return wrapped
    if isinstance(error, sqlite3.Error):
        return error
    return None


def translate(error: BaseException) -> StorageError | None:
    """The StorageError for a failed database call (or file operation), or None for a
    programming error (an IntegrityError, a bad statement) that retrying would not fix."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return StorageFull(str(error))
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return StorageReadOnly(str(error))
        return None
    driver_error = sqlite_error_of(error)
    if driver_error is None or isinstance(
        driver_error, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    ):
        return None
    detail = str(driver_error)
    code = getattr(driver_error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    lowered = detail.lower()
    if primary == _SQLITE_FULL or "database or disk is full" in lowered:
        return StorageFull(detail)
    if primary == _SQLITE_READONLY or "readonly database" in lowered:
        return StorageReadOnly(detail)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in lowered:
        return StorageLocked(detail)
    # Anything else the database reports (an I/O error, a damaged page, …): still no reason
    # to drop what the leader typed.
    return StorageError(detail)
