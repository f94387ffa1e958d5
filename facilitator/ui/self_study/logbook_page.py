"""Min loggbok: every answer written alone, grouped by module (the module last answered in
first), each editable where it stands (saved as in the self-study page), each deletable, and a
whole module's answers too; and the way to export it all as PDF or Markdown."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.self_study import Answer, AnswerSaved
from facilitator.core.export.logbook_wording import written_line
from facilitator.core.i18n import _
from facilitator.ui.self_study.answer_box import AnswerBox

Edit = Callable[[str, str], AnswerSaved]
"""(answer id, text) → the save to wait on."""
StateOf = Callable[[str, str], SaveState | None]
"""(module id, step id) → the state of the answer's last save in this run."""


class LogbookPage(QWidget):
    back_requested = Signal()
    delete_answer_requested = Signal(str, str)  # answer id, its question
    delete_module_requested = Signal(str, str)  # module id, its title
    pdf_requested = Signal()
    markdown_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logbookPage")
        self.boxes: dict[str, AnswerBox] = {}
        self._last_stop: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        top = QHBoxLayout()
        heading = QLabel(_("Min loggbok"))
        heading.setObjectName("pageTitle")
        top.addWidget(heading, 1)
        self.pdf = QPushButton(_("Exportera som PDF…"))
        self.pdf.clicked.connect(self.pdf_requested.emit)
        top.addWidget(self.pdf)
        self.markdown = QPushButton(_("Exportera som Markdown…"))
        self.markdown.clicked.connect(self.markdown_requested.emit)
        top.addWidget(self.markdown)
        layout.addLayout(top)
        hint = QLabel(
            _(
                "Det du har skrivit när du gått igenom moduler på egen hand. Bara du ser det: "
                "det kommer aldrig med i en sessions sammanfattning."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.body = QVBoxLayout()
        layout.addLayout(self.body)
        layout.addStretch(1)
        footer = QHBoxLayout()
        self.back = QPushButton(_("Till biblioteket"))
        self.back.clicked.connect(self._leave)
        footer.addWidget(self.back)
        footer.addStretch(1)
        layout.addLayout(footer)

    def show_answers(self, answers: Sequence[Answer], edit: Edit, state_of: StateOf) -> None:
        self.leave()
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes = {}
        self.pdf.setEnabled(bool(answers))
        self.markdown.setEnabled(bool(answers))
        if not answers:
            empty = QLabel(
                _(
                    "Loggboken är tom. Välj en modul i biblioteket och ”Gå igenom på egen hand” "
                    "för att börja."
                )
            )
            empty.setWordWrap(True)
            empty.setObjectName("emptyState")
            self.body.addWidget(empty)
            return
        module: str | None = None
        for answer in answers:
            if answer.module_id != module:
                module = answer.module_id
                self.body.addWidget(self._module_heading(answer))
            self.body.addWidget(self._answer(answer, edit, state_of))
        # "Till biblioteket" was made before the answers: Tab reaches it last, as it is placed.
        if self._last_stop is not None:
            QWidget.setTabOrder(self._last_stop, self.back)

    def settle_focus(self) -> None:
        """After a deletion rebuilt the page: the keyboard at the top, not nowhere."""
        (self.pdf if self.pdf.isEnabled() else self.back).setFocus()

    def leave(self) -> None:
        """Save what is typed: the page is left or rebuilt."""
        for box in self.boxes.values():
            box.flush()

    def _module_heading(self, answer: Answer) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 16, 0, 0)
        title = QLabel(answer.module_title)
        title.setObjectName("sectionTitle")
        title.setWordWrap(True)
        layout.addWidget(title, 1)
        delete = QPushButton(_("Radera modulens svar…"))
        delete.setAccessibleName(_("Radera alla svar i {title}").format(title=answer.module_title))
        delete.clicked.connect(
            lambda: self.delete_module_requested.emit(answer.module_id, answer.module_title)
        )
        layout.addWidget(delete)
        self._last_stop = delete
        return row

    def _answer(self, answer: Answer, edit: Edit, state_of: StateOf) -> QWidget:
        frame = QFrame()
        frame.setObjectName("card")
        layout = QVBoxLayout(frame)
        box = AnswerBox()
        box.editor.setMinimumHeight(80)
        box.bind(
            answer.question,
            answer.text,
            lambda text: edit(answer.id, text),
            state_of(answer.module_id, answer.step_id),
        )
        layout.addWidget(box)
        footer = QHBoxLayout()
        written = QLabel(written_line(answer))
        written.setObjectName("muted")
        footer.addWidget(written, 1)
        delete = QPushButton(_("Radera svaret…"))
        delete.setAccessibleName(_("Radera svaret på: {question}").format(question=answer.question))
        delete.clicked.connect(
            lambda: self.delete_answer_requested.emit(answer.id, answer.question)
        )
        footer.addWidget(delete)
        layout.addLayout(footer)
        self._last_stop = delete
        self.boxes[answer.id] = box
        return frame

    def _leave(self) -> None:
        self.leave()
        self.back_requested.emit()
