"""When the session runs late, offer (never apply silently) a way to land on time."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from facilitator.core.application.session_service import SessionService
from facilitator.core.i18n import _
from facilitator.core.session.landing import LandingProposal, propose_landing
from facilitator.core.session.status import SessionState
from facilitator.ui.console.console_page import ConsolePage

OWNER = "landing"

# Offer again only when the session has slipped this much further since the last offer.
STEP_MINUTES = 3


class LandingOffer(QObject):
    def __init__(self, service: SessionService, console: ConsolePage) -> None:
        super().__init__(console)
        self._engine = service.engine
        self._apply = service.apply_landing
        self._console = console
        self._offered_at = 0
        self._proposal: LandingProposal | None = None

    def check(self) -> None:
        if self._engine.state != SessionState.RUNNING:
            return
        status = self._engine.status()
        behind = status.minutes_behind
        if behind < self._offered_at + STEP_MINUTES:
            if behind < STEP_MINUTES:
                self._offered_at = 0
            return
        proposal = propose_landing(status, self._engine.plan)
        if proposal is None or not proposal.changes:
            return
        self._offered_at = behind
        self._proposal = proposal
        self._console.notices.post(
            OWNER,
            _(
                "Sessionen ligger {m} min efter plan. Vill du se ett förslag för att sluta i tid?"
            ).format(m=behind),
            _("Visa förslaget"),
            self._on_action,
        )

    def _on_action(self) -> None:
        proposal = self._proposal
        if proposal is None:
            return
        self._proposal = None
        self._console.notices.withdraw(OWNER)
        lines = "\n".join(f"• {text}" for text in proposal.descriptions)
        tail = (
            _("Då slutar ni i tid.")
            if proposal.lands_on_time
            else _("Det räcker inte hela vägen: {m} min sent ändå.").format(
                m=proposal.shortfall_minutes
            )
        )
        answer = QMessageBox.question(
            self._console,
            _("Förslag för att sluta i tid"),
            _("Så här kan resten av sessionen kortas:") + f"\n\n{lines}\n\n{tail}",
            QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Apply and not self._apply(proposal):
            self._console.notices.post(
                OWNER, _("Planen hann ändras, så förslaget gäller inte längre. Inget ändrades.")
            )
