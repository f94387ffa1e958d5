"""The text field the leader types reflections into, while the clicker stays in charge: which
keys type and which steer is decided in ``typing_keys`` (shared with the private note).
QPlainTextEdit happens to decide most of this the same way today; the rule is written out
because losing a word to "next step", or a clicker press to the text field, would be worse
than a few lines of code.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from facilitator.ui.widgets.typing_keys import CLICKER_KEYS, TYPING_FIELD, claim_typing_keys

MIN_LINES = 2
MAX_LINES = 6


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
        if claim_typing_keys(event):
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
