"""A number to count people with: large digits between a − and a + button.

QSpinBox's own arrows are a few pixels tall; on a touchpad, at the end of a session, with the
group waiting, they are too easy to miss. The buttons here are as large as the console's
controls. Keyboard users stay in the spin box (digits, Up/Down); the buttons take no focus, so
Tab goes straight from one count to the next, and
the count is selected on focus, so typing replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QHBoxLayout, QPushButton, QWidget

from facilitator.core.i18n import _
from facilitator.ui.widgets.number_field import NumberField

BUTTON_SIZE = 44
MAX_COUNT = 999


class CountSpin(QWidget):
    value_changed = Signal(int)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.spin = NumberField()
        self.spin.setRange(0, MAX_COUNT)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.spin.setAccessibleName(accessible_name)
        self.spin.setMinimumSize(76, BUTTON_SIZE)
        self.spin.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.spin.valueChanged.connect(self.value_changed.emit)
        self.minus = self._button("−", _("En färre: {name}").format(name=accessible_name))
        self.plus = self._button("+", _("En till: {name}").format(name=accessible_name))
        self.minus.clicked.connect(self.spin.stepDown)
        self.plus.clicked.connect(self.spin.stepUp)
        row.addWidget(self.minus)
        row.addWidget(self.spin)
        row.addWidget(self.plus)
        self.setFocusProxy(self.spin)

    def _button(self, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(tooltip)
        button.setFixedSize(BUTTON_SIZE, BUTTON_SIZE)
        button.setStyleSheet("font-size: 18pt; font-weight: 600; padding: 0;")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Holding the button counts on, as a stepper does: quicker for a room of thirty.
        button.setAutoRepeat(True)
        return button

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: int) -> None:
        self.spin.setValue(value)
