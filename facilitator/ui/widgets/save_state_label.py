"""The quiet word beside what the leader types that says whether it is on disk: the ledger's
or the notebook's save state, never the widget's own guess."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.i18n import N_, _

SAVE_WORDS = {
    SaveState.SAVING: N_("Sparar…"),
    SaveState.SAVED: N_("Sparat"),
    SaveState.WAITING: N_("Inte sparat ännu – försöker igen"),
    SaveState.UNSAVED: N_("Inte sparat – databasen går inte att nå"),
}


class SaveStateLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("muted")
        self.setAccessibleName(_("Sparstatus"))

    def show_state(self, state: SaveState | None) -> None:
        self.setText(_(SAVE_WORDS[state]) if state is not None else "")
        # The words carry the meaning; the look's warning colour only makes a problem easier
        # to notice (resources/styles/console.qss, chosen by the property).
        trouble = state in (SaveState.WAITING, SaveState.UNSAVED)
        if bool(self.property("trouble")) != trouble:
            self.setProperty("trouble", trouble)
            self.style().unpolish(self)
            self.style().polish(self)
