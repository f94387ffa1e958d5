"""The console's line about a talk's phases (1-2-4-All, pairs, go-around): the phase on, the
one after it, and a button that starts that one now. Hidden for steps without phases."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from facilitator.core.i18n import _
from facilitator.ui.accessible import set_text_named


class PhaseStrip(QFrame):
    skip_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseStrip")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        self.now_label = QLabel()
        self.now_label.setObjectName("phaseNow")
        self.now_label.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.next_label = QLabel()
        self.next_label.setObjectName("muted")
        self.skip_button = QPushButton()
        set_text_named(self.skip_button, _("Nästa fas ▶"))
        self.skip_button.setObjectName("phaseSkip")
        self.skip_button.setToolTip(_("Börja nästa fas i samtalet nu (N)"))
        self.skip_button.setMinimumHeight(48)
        # The clicker keys belong to the session, not to whichever button has focus.
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.skip_button.clicked.connect(self.skip_requested.emit)
        row.addWidget(self.now_label)
        row.addSpacing(16)
        row.addWidget(self.next_label, 1)
        row.addWidget(self.skip_button)
        self.hide()

    def show_phase(self, now: str, following: str) -> None:
        self.setVisible(bool(now))
        self.now_label.setText(now)
        self.next_label.setText(following)
        # In the last phase there is nothing to move on to inside the talk; Next moves the step.
        self.skip_button.setEnabled(bool(following))
