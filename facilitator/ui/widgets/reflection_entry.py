"""The text field the leader types reflections into, while the clicker stays in charge: which
keys type and which steer is decided in ``typing_keys`` (shared with the private note).
QPlainTextEdit happens to decide most of this the same way today; the rule is written out
because losing a word to "next step", or a clicker press to the text field, would be worse
than a few lines of code.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from facilitator.ui.widgets.typing_field import TypingField

MIN_LINES = 2
MAX_LINES = 6


class ReflectionEntry(TypingField):
    """Enter submits, Shift+Enter breaks the line, Esc cancels; grows from 2 to 6 lines."""

    submit = Signal()
    cancel = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflectionEntry")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setStyleSheet("font-size: 13pt;")
        self.document().contentsChanged.connect(self._fit_height)
        self._fit_height()

    def text(self) -> str:
        return self.toPlainText()

    def on_enter(self) -> None:
        self.submit.emit()

    def on_escape(self) -> None:
        self.cancel.emit()

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
