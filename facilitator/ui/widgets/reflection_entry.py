"""The text field the leader types reflections into, while the clicker stays in charge.

The console binds single keys (Space, ←, →, B, ., P, R, +) as window shortcuts for the
presenter clicker. A shortcut wins over the focused widget unless the widget claims the key
in its ShortcutOverride event; this field claims every key that types or edits, so a sentence
with spaces is text, not "next step" — and Esc, so Esc leaves the field (keeping the draft)
instead of reaching the window's "leave full screen". It gives PageUp, PageDown and F5 back on
purpose: that is what clickers send, and the leader must be able to move on with the cursor
still in here. While it has focus the console is in *typing mode* (``TYPING_FIELD``; see
facilitator/ui/console/key_mode.py).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

# Keys the clicker sends: never the field's, even while typing.
CLICKER_KEYS = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_F5})
# A widget with this property true takes letters as text: the console is in typing mode.
TYPING_FIELD = "typingField"
# Keys without text that still edit or move within the text.
EDITING_KEYS = frozenset(
    {
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Escape,
    }
)
TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
MIN_LINES = 2
MAX_LINES = 6


def is_typing(event: QKeyEvent) -> bool:
    """A key that, in a text field, types or edits rather than commands."""
    if event.modifiers() & ~TYPING_MODIFIERS:
        return False  # Ctrl/Alt/Meta combinations stay shortcuts (Ctrl+1…4, Ctrl+Q)
    if Qt.Key(event.key()) in EDITING_KEYS:
        return True
    text = event.text()
    return bool(text) and text.isprintable()


class ReflectionEntry(QPlainTextEdit):
    """Enter submits, Shift+Enter breaks the line, Esc cancels; grows from 2 to 6 lines."""

    submit = Signal()
    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionEntry")
        self.setProperty(TYPING_FIELD, True)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setStyleSheet("font-size: 13pt;")
        self.document().contentsChanged.connect(self._fit_height)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if Qt.Key(event.key()) in CLICKER_KEYS:
                event.ignore()  # not ours: let the window's shortcut have it
                return True
            if is_typing(event):
                event.accept()  # ours: the window's single-key shortcut must not fire
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submit.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancel.emit()
            return
        if key in CLICKER_KEYS:
            event.ignore()  # no shortcut took it; nor does the field scroll by pages
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # The stylesheet's font arrives with polishing, after the first measurement.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the text, within bounds: a long quote stays readable without scrolling,
        and an empty field does not take the space of the list below."""
        metrics = self.fontMetrics()
        margin = self.document().documentMargin()
        width = max(1, self.viewport().width() - int(2 * margin))
        bounds = metrics.boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, self.toPlainText() or " "
        )
        lines = math.ceil(bounds.height() / max(1, metrics.lineSpacing()))
        lines = max(MIN_LINES, min(MAX_LINES, lines))
        frame = self.frameWidth() * 2 + int(2 * margin) + 8
        self.setFixedHeight(lines * metrics.lineSpacing() + frame)
