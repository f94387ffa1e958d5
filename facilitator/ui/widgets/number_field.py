"""A spin box whose number is selected whenever it gets focus, so typing replaces it.

QSpinBox selects its text only when focus comes by Tab. Focus given by the page (the first count
field of the attendance page) or by a mouse click leaves the cursor after the 0, and typing 7
recorded 70 — which reached a summary PDF as "Kvinnor 70". Every field where the leader types a
number uses this class instead.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QSpinBox


class NumberField(QSpinBox):
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        # Deferred: a mouse click delivers its press (which places the cursor and clears any
        # selection) after the focus event, so selecting now would be undone at once. The
        # context object drops the call if the field is deleted first.
        QTimer.singleShot(0, self, self._select_if_focused)

    def _select_if_focused(self) -> None:
        if self.hasFocus():
            self.selectAll()
