"""When a rehearsal ends: keep it, or delete it? A rehearsal never counts in reports, but it
sits in the history with whatever was typed while practising; most leaders will not want it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.i18n import _


class RehearsalEndedQuestion(QMessageBox):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(_("Repetitionen är klar"))
        self.setText(_("Vill du ta bort repetitionen?"))
        self.setInformativeText(
            _(
                "En repetition räknas inte i rapporterna, men den sparas i historiken med det "
                "du skrev. Behåll den om du vill öva på avslutningen också."
            )
        )
        self.delete_button = self.addButton(
            _("Ta bort repetitionen"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = self.addButton(_("Behåll och gå vidare"), QMessageBox.ButtonRole.RejectRole)
        # Keeping is the safe choice: Enter and Esc both keep it.
        self.setDefaultButton(keep)
        self.setEscapeButton(keep)

    def wants_deletion(self) -> bool:
        self.exec()
        return self.clickedButton() is self.delete_button
