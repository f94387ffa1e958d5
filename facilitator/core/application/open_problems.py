"""Why the database did not open at start-up, told per cause, and whether trying again can help.

A locked file, a read-only folder or a full disk can pass while the app runs (another program
lets go, the stick is unlocked, space is freed): those are ``OpenRefused`` and the open is
retried in the background. A damaged or too-new file will not mend itself: that is told once.
Either way what the leader types meanwhile is kept in the recovery journal.
"""

from __future__ import annotations

from facilitator.core.i18n import N_, _
from facilitator.core.paths import AppPaths
from facilitator.core.storage.errors import (
    DatabaseCorrupt,
    DatabaseOpenError,
    StorageError,
    StorageFull,
    StorageLocked,
    StorageReadOnly,
)

_MEANWHILE = N_(
    "Appen försöker öppna den igen av sig själv. Det du skriver under tiden sparas i en "
    "återställningsfil och förs in i databasen när den går att öppna."
)


class OpenRefused(StorageError):
    """The database is there but cannot be opened just now; the executor retries."""

    def __init__(self, message: str) -> None:
        super().__init__("open refused")
        self._message = message

    @property
    def message(self) -> str:
        return self._message


def open_problem(error: StorageError | DatabaseOpenError, paths: AppPaths) -> str:
    file = paths.database_file
    if isinstance(error, StorageLocked):
        first = _(
            "Databasen används av ett annat program, eller av Facilitator i ett annat fönster, "
            "så den kan inte öppnas just nu."
        )
    elif isinstance(error, StorageReadOnly):
        first = _(
            "Mappen med Facilitators data går bara att läsa, inte att skriva till: {folder}. "
            "Kontrollera att den inte är skrivskyddad (till exempel ett låst USB-minne)."
        ).format(folder=paths.data_dir)
    elif isinstance(error, StorageFull):
        first = _(
            "Disken är full, så databasen kan inte öppnas. Frigör utrymme på datorn (töm "
            "papperskorgen eller ta bort stora filer)."
        )
    elif isinstance(error, StorageError):
        first = _("Databasen kan inte öppnas just nu: {file}.").format(file=file)
    elif isinstance(error, DatabaseCorrupt):
        return _damaged(paths)
    else:
        return error.message
    return f"{first} {_(_MEANWHILE)}"


def _damaged(paths: AppPaths) -> str:
    text = _(
        "Databasfilen är skadad eller är inte en Facilitator-databas, så den kan inte öppnas. "
        "Filen har inte ändrats: {file}."
    ).format(file=paths.database_file)
    if _has_backup(paths):
        text += " " + _(
            "Det finns säkerhetskopior i {folder}; IT-stödet kan återställa den senaste."
        ).format(folder=paths.backup_dir)
    else:
        text += " " + _("Kontakta IT-stödet.")
    return (
        text
        + " "
        + _(
            "Det du skriver under tiden sparas i en återställningsfil och förs in i databasen "
            "nästa gång appen startar med en fungerande databas."
        )
    )


def _has_backup(paths: AppPaths) -> bool:
    try:
        return any(p.is_file() for p in paths.backup_dir.iterdir())
    except OSError:
        return False
