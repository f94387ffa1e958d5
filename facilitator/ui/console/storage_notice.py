"""The session's one message about the disk: when a write waits (full, read-only, locked)
or the database never opened, the leader is told, and offered to save a copy of the group's
reflections elsewhere (a USB stick); when the disk takes the writes again, this message, and
only this one, goes away."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.core.application.broadcast import Subscriptions
from facilitator.core.application.session_service import SessionService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.export.reflection_copy import reflections_as_text
from facilitator.core.i18n import _
from facilitator.ui.console.console_page import ConsolePage

log = logging.getLogger(__name__)

OWNER = "storage"


class StorageNotice:
    def __init__(
        self,
        console: ConsolePage,
        service: SessionService,
        storage: StorageGateway,
        subscriptions: Subscriptions,
    ) -> None:
        self._console = console
        self._service = service
        self._storage = storage
        self._last_trouble: str | None = None
        self._nowhere = False
        """Nothing on the disk takes what is typed: that message outranks the database's."""
        subscriptions.connect(storage.trouble, self._trouble)
        subscriptions.connect(storage.recovered, self._recovered)
        if storage.journal is not None:
            subscriptions.connect(storage.journal.refusing, self._journal_refusing)
        if storage.refusal is not None:
            self._tell(storage.refusal)

    def _trouble(self, message: str) -> None:
        self._service.reflections.storage_trouble()
        self._service.notes.storage_trouble()
        self._last_trouble = message
        if not self._nowhere:
            self._tell(message)

    def _tell(self, message: str) -> None:
        self._console.notices.post(OWNER, message, _("Spara en kopia…"), self.save_copy)
        log.warning("Storage trouble shown to the leader: %s", message)

    def _journal_refusing(self, refusing: bool) -> None:
        """Said at once, not at quit: nothing on the disk holds what is typed now. Once the
        journal takes writes again, the database's own trouble (if any) is what is told."""
        self._nowhere = refusing
        if not refusing:
            reason = self._last_trouble or self._storage.refusal
            if self._storage.taking_writes or reason is None:
                self._console.notices.withdraw(OWNER)
            else:
                self._tell(reason)
            return
        self._tell(
            _(
                "Det du skriver kan just nu inte sparas någonstans på datorn, varken i "
                "databasen eller i en återställningsfil, och finns bara i programmet. Spara "
                "en kopia av reflektionerna (till exempel på ett USB-minne) innan appen "
                "stängs."
            )
        )

    def _recovered(self, _none: None) -> None:
        self._last_trouble = None
        self._nowhere = False
        self._service.reflections.storage_recovered()
        self._service.notes.storage_recovered()
        self._console.notices.withdraw(OWNER)

    def save_copy(self) -> None:
        save_reflection_copy(self._console, self._service)


def save_reflection_copy(parent: QWidget, service: SessionService) -> bool:
    """Ask where, and write every reflection of the session there as text; True once written."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Spara en kopia av reflektionerna"),
        str(Path.home() / "reflektioner.md"),
        _("Text (*.md *.txt)"),
    )
    if not name:
        return False
    text = reflections_as_text(service.engine.plan.title, service.reflections.records())
    try:
        Path(name).write_text(text, encoding="utf-8")
    except OSError as error:
        QMessageBox.warning(
            parent,
            _("Kopian sparades inte"),
            _("Kopian kunde inte sparas i {path} ({error}). Välj en annan plats.").format(
                path=name, error=error.strerror or error
            ),
        )
        return False
    return True
