"""Before the planner shortens a plan to its chosen length: what will change, step by step, so
the leader is never surprised by minutes that moved."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.i18n import _
from facilitator.core.session.landing import LandingProposal


class FitPlanQuestion(QMessageBox):
    def __init__(self, parent: QWidget | None, proposal: LandingProposal, chosen: int) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(_("Korta planen"))
        self.setText(_("Så här ryms planen i {minutes} min:").format(minutes=chosen))
        lines = "\n".join(f"• {text}" for text in proposal.descriptions)
        if not proposal.lands_on_time:
            lines += "\n\n" + _(
                "Planen blir ändå {n} min för lång: filmer och pauser behåller sina minuter. "
                "Ta bort en paus eller ett steg om den ska rymmas helt."
            ).format(n=proposal.shortfall_minutes)
        self.setInformativeText(lines)
        self.fit_button = self.addButton(_("Korta planen"), QMessageBox.ButtonRole.AcceptRole)
        keep = self.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.fit_button)
        self.setEscapeButton(keep)

    def accepted_changes(self) -> bool:
        self.exec()
        return self.clickedButton() is self.fit_button
