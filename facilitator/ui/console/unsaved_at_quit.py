"""Quitting while the database is not taking writes (locked, full, missing): the leader hears
how much has not reached it, and where it is kept — the recovery journal, which the next start
brings into the database — and may wait, save a copy elsewhere, or quit anyway.

While the database takes writes there is nothing to ask: shutdown lets the queue finish.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.application.session_service import SessionService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.i18n import _, ngettext
from facilitator.ui.console.storage_notice import save_reflection_copy


def waiting_writes(storage: StorageGateway) -> int:
    """Writes that have not reached the database and will not before the app closes. None
    while the database is still opening as it should: closing waits for the open and then
    lets every queued write land (quitting in the first second after start asks nothing)."""
    if storage.taking_writes or storage.closed or storage.opening:
        return 0
    journal = storage.journal
    journalled = journal.outstanding + journal.refused if journal is not None else 0
    return max(storage.pending, journalled)


def may_quit_with_unsaved(
    parent: QWidget, storage: StorageGateway, running: SessionService | None
) -> bool:
    """True when quitting may go on: nothing is waiting, or the leader chose to quit (after
    saving a copy, or trusting the recovery journal)."""
    waiting = waiting_writes(storage)
    if waiting == 0:
        return True
    journal = storage.journal
    kept_on_disk = journal is not None and journal.refused == 0
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Allt är inte sparat i databasen"))
    box.setText(
        ngettext(
            "Allt från sessionen har inte kommit in i databasen ännu ({count} sparning väntar).",
            "Allt från sessionen har inte kommit in i databasen ännu ({count} sparningar väntar).",
            waiting,
        ).format(count=waiting)
    )
    if kept_on_disk:
        text = _(
            "Det finns i en återställningsfil på den här datorn och förs in i databasen nästa "
            "gång Facilitator startar. Du kan också vänta tills databasen tar emot det."
        )
    else:
        text = _(
            "Återställningsfilen gick inte heller att skriva till, så en del finns bara i "
            "programmet och går förlorad om du avslutar nu."
        )
    if running is not None:
        text += " " + _("Du kan spara en kopia av reflektionerna, till exempel på ett USB-minne.")
    box.setInformativeText(text)
    wait = box.addButton(_("Vänta"), QMessageBox.ButtonRole.RejectRole)
    copy = (
        box.addButton(_("Spara en kopia…"), QMessageBox.ButtonRole.ActionRole)
        if running is not None
        else None
    )
    box.addButton(_("Avsluta ändå"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(wait)
    box.setEscapeButton(wait)
    box.exec()
    chosen = box.clickedButton()
    if chosen is wait:
        return False
    if copy is not None and chosen is copy:
        assert running is not None
        return save_reflection_copy(parent, running)
    return True
