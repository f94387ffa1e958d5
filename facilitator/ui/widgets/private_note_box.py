"""The leader's own note for the current step, typed in the console under the step's guidance.

Layout and signals only: the session's ``PrivateNotebook`` keeps the text and alone says
"Sparat". The box says plainly who sees the note (only the leader: never the room, never an
export), because a leader who is unsure will not write what they actually think. Keys follow
the reflection entry's rule (``typing_keys``): letters and Space type, the clicker's PageUp and
PageDown still steer, and Enter or Esc hand the keys back to the session (Shift+Enter breaks
the line).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from facilitator.core.application.private_notebook import StepNote
from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.i18n import _
from facilitator.ui.widgets.save_state_label import SaveStateLabel
from facilitator.ui.widgets.typing_field import TypingField


class PrivateNoteEdit(TypingField):
    """Enter or Esc: done (back to steering); Shift+Enter: a new line."""

    done = Signal()
    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privateNote")
        self.setStyleSheet("font-size: 12pt;")

    def on_enter(self) -> None:
        self.on_escape()

    def on_escape(self) -> None:
        self.clearFocus()
        self.done.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


class PrivateNoteBox(QWidget):
    edited = Signal(str, str)  # step key, the whole text as it stands
    finished = Signal()  # Enter, Esc or a click elsewhere: the leader stopped typing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privateNoteBox")
        self._step_key: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        heading = QHBoxLayout()
        title = QLabel(_("Egen anteckning – bara du ser den"))
        title.setStyleSheet("font-weight: 600;")
        heading.addWidget(title, 1)
        self.save_state = SaveStateLabel()
        self.save_state.setObjectName("privateNoteSaveState")
        heading.addWidget(self.save_state)
        layout.addLayout(heading)
        self.edit = PrivateNoteEdit()
        self.edit.setAccessibleName(_("Egen anteckning för steget"))
        self.edit.setPlaceholderText(
            _(
                "Skriv något du vill minnas om steget. Visas aldrig för gruppen och "
                "följer inte med i exporten. Enter eller Esc: tillbaka till styrningen."
            )
        )
        self.edit.setToolTip(
            _("Bara du ser anteckningen, i konsolen och i sessionens historik. Ny rad: Shift+Enter")
        )
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.done.connect(self.finished.emit)
        self.edit.left.connect(self.finished.emit)
        layout.addWidget(self.edit, 1)

    @property
    def step_key(self) -> str | None:
        return self._step_key

    def text(self) -> str:
        return self.edit.toPlainText()

    def show_note(self, note: StepNote) -> None:
        self._step_key = note.step_key
        self.edit.setEnabled(note.step_key is not None)
        # The notebook holds what was typed, so its text differs from the box's only when
        # the step changed or saved notes came back after a resume: never mid-word.
        if note.text != self.edit.toPlainText():
            self.edit.blockSignals(True)
            self.edit.setPlainText(note.text)
            self.edit.blockSignals(False)
        self.set_save_state(note.state)

    def set_save_state(self, state: SaveState | None) -> None:
        self.save_state.show_state(state)

    def _on_text_changed(self) -> None:
        if self._step_key is not None:
            self.edited.emit(self._step_key, self.edit.toPlainText())
