"""Between the reflection panel and the session's ledger: the panel's intents go to the
ledger, and the panel draws what the ledger announces. The ledger alone says "saved"."""

from __future__ import annotations

from PySide6.QtCore import QObject

from facilitator.core.application.broadcast import Subscriptions
from facilitator.core.application.reflection_ledger import ReflectionLedger, StepReflections
from facilitator.ui.widgets.reflection_panel import ReflectionPanel


class ReflectionController(QObject):
    def __init__(self, panel: ReflectionPanel, ledger: ReflectionLedger) -> None:
        super().__init__(panel)
        self._panel = panel
        self._ledger = ledger
        self._subscriptions = Subscriptions()
        panel.submitted.connect(ledger.submit)
        panel.edited.connect(ledger.edit)
        panel.deleted.connect(ledger.delete)
        self._subscriptions.connect(ledger.changed, self._show)
        self._show(ledger.view())

    def _show(self, shown: StepReflections) -> None:
        self._panel.show_reflections(shown)

    def close(self) -> None:
        self._subscriptions.cancel_all()
