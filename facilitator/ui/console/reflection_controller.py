"""Between the reflection panel and the session's ledger: the panel's intents go to the
ledger, and the panel draws what the ledger announces. The ledger alone says "saved". A deleted
reflection is said to be gone from the disk only once it is: until then a notice says so."""

from __future__ import annotations

from PySide6.QtCore import QObject

from facilitator.core.application.broadcast import Subscriptions
from facilitator.core.application.reflection_ledger import ReflectionLedger, StepReflections
from facilitator.core.i18n import _
from facilitator.ui.console.notice_board import NoticeBoard
from facilitator.ui.widgets.reflection_panel import ReflectionPanel

OWNER = "erasure"


class ReflectionController(QObject):
    def __init__(
        self, panel: ReflectionPanel, ledger: ReflectionLedger, notices: NoticeBoard | None = None
    ) -> None:
        super().__init__(panel)
        self._panel = panel
        self._ledger = ledger
        self._notices = notices
        self._subscriptions = Subscriptions()
        panel.submitted.connect(ledger.submit)
        panel.edited.connect(ledger.edit)
        panel.deleted.connect(ledger.delete)
        self._subscriptions.connect(ledger.changed, self._show)
        self._subscriptions.connect(ledger.erasure, self._erasure)
        self._show(ledger.view())

    def _show(self, shown: StepReflections) -> None:
        self._panel.show_reflections(shown)

    def _erasure(self, complete: bool) -> None:
        if self._notices is None:
            return
        if complete:
            self._notices.withdraw(OWNER)
            return
        self._notices.post(
            OWNER,
            _(
                "Reflektionen är borttagen ur sessionen, men texten är ännu inte helt raderad "
                "från disken, troligen för att ett annat program har databasen öppen. "
                "Facilitator raderar den helt av sig själv så snart det går; det här "
                "meddelandet försvinner då."
            ),
        )

    def close(self) -> None:
        self._subscriptions.cancel_all()
