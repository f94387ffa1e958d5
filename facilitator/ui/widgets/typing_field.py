"""A console text field the leader types into beside the clicker: it takes letters as text
(the console is in typing mode while it has focus), leaves the clicker's keys to the window,
and says what Enter and Esc mean (each field decides)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from facilitator.ui.widgets.typing_keys import CLICKER_KEYS, TYPING_FIELD, claim_typing_keys


class TypingField(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty(TYPING_FIELD, True)
        self.setTabChangesFocus(True)

    def on_enter(self) -> None:
        """Enter without Shift (Shift+Enter is a new line)."""

    def on_escape(self) -> None:
        self.clearFocus()

    def event(self, event: QEvent) -> bool:
        if claim_typing_keys(event):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.on_enter()
            return
        if key == Qt.Key.Key_Escape:
            self.on_escape()
            return
        if key in CLICKER_KEYS:
            event.ignore()  # no shortcut took it; nor does the field scroll by pages
            return
        super().keyPressEvent(event)
