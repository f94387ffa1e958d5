"""Where one person writes an answer: saved as they type (a second after the last key, and
when they leave the step or the page), with a quiet word that says "Sparat" only once the
service says the answer is committed. A failed save leaves the text where it is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget
from shiboken6 import isValid

from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.self_study import AnswerSaved
from facilitator.core.i18n import _
from facilitator.ui.widgets.save_state_label import SaveStateLabel

SAVE_AFTER_MS = 1000

Save = Callable[[str], AnswerSaved]


class AnswerBox(QWidget):
    saved = Signal()
    """An answer (or its erasure) reached the disk."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setObjectName("answerQuestion")
        layout.addWidget(self.question)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("answerEditor")
        self.editor.setTabChangesFocus(True)  # Tab leaves the box, as everywhere else
        self.editor.setMinimumHeight(120)
        self.question.setBuddy(self.editor)
        layout.addWidget(self.editor)
        self.state = SaveStateLabel()
        layout.addWidget(self.state)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        self._save: Save | None = None
        self._current: AnswerSaved | None = None
        self._dirty = False
        self.editor.textChanged.connect(self._typed)
        self.editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """PageUp/PageDown scroll the text while typing: the page's step keys must not take
        them from the box (a shortcut wins unless the focused widget claims the key)."""
        if (
            watched is self.editor
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def bind(self, question: str, text: str, save: Save, state: SaveState | None = None) -> None:
        """Show ``question`` and the answer held; what is typed from now on goes to ``save``.
        ``state`` is that of the answer's last save in this run (None: none was made)."""
        self.flush()
        self._save = None  # setting the text is not typing
        self.question.setText(question)
        self.editor.setAccessibleName(_("Ditt svar: {question}").format(question=question))
        self.editor.setPlainText(text)
        self._dirty = False
        self._current = None
        self.state.show_state(state)
        self._save = save

    def text(self) -> str:
        return self.editor.toPlainText()

    def flush(self) -> None:
        """Save now what is typed and not yet sent (leaving the step or the page)."""
        self._timer.stop()
        if not self._dirty or self._save is None:
            return
        self._dirty = False
        result = self._save(self.text())
        self._current = result
        self.state.show_state(result.state)
        result.settled.connect(self._settled)

    def refresh(self) -> None:
        """The service's state may have moved (waiting for the disk, trying again)."""
        if self._current is not None:
            self.state.show_state(self._current.state)

    def _typed(self) -> None:
        if self._save is None:
            return
        if not self._dirty:
            # What is on the disk is no longer what the box holds: no "Sparat" until it is.
            self.state.show_state(None)
        self._dirty = True
        self._timer.start()

    def _settled(self, result: AnswerSaved) -> None:
        if not isValid(self) or result is not self._current:
            return  # the box is gone, or this is an older save and a newer one is on its way
        self.state.show_state(result.state)
        if result.saved:
            self.saved.emit()
