"""Taking a module alone: the introduction, each step of the path, and "Klar" at the end, in
one page of the main window. A list of the steps to jump to; "Föregående" and "Nästa" (also
PageUp/PageDown outside the answer box, and Alt+←/→ anywhere) to walk. Typing in the answer box
never moves a step: the box keeps the keys it uses, PageUp/PageDown included."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.application.self_study import Answer, SelfStudyPath, SelfStudyStep
from facilitator.core.i18n import _
from facilitator.core.markdown.html import markdown_html
from facilitator.ui.self_study.step_view import StepView, estimate, rich_label

CONTEXT = Qt.ShortcutContext.WidgetWithChildrenShortcut
NBSP = "\u00a0"


def _row(step: SelfStudyStep) -> str:
    # The estimate wraps as one piece in the narrow list ("ca 6" never parted from "min").
    return f"{step.title}  ({estimate(step.minutes).replace(' ', NBSP)})"


class SelfStudyPage(QWidget):
    moved = Signal(int)
    """The place now shown: 0 the introduction, 1… the steps, the last "Klar"."""
    back_requested = Signal()
    logbook_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfStudyPage")
        self.path: SelfStudyPath | None = None
        self.index = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.heading = QLabel()
        self.heading.setObjectName("muted")
        layout.addWidget(self.heading)
        middle = QHBoxLayout()
        self.steps = QListWidget()
        self.steps.setObjectName("studySteps")
        self.steps.setAccessibleName(_("Stegen"))
        # Long step titles wrap rather than hide behind a sideways scroll bar.
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setMaximumWidth(340)
        # The list is where the page is: moving in it (arrows, a letter, a click) moves the page,
        # so the highlighted step is never another than the one shown.
        self.steps.currentRowChanged.connect(self._row_chosen)
        middle.addWidget(self.steps)
        self.stack = QStackedWidget()
        self.introduction = rich_label("studyIntroduction")
        self.introduction.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.introduction)
        self.step_view = StepView()
        self.stack.addWidget(self.step_view)
        self.end = QWidget()
        end = QVBoxLayout(self.end)
        end_title = QLabel(_("Klar"))
        end_title.setObjectName("pageTitle")
        end.addWidget(end_title)
        self.summary = rich_label("studySummary")
        end.addWidget(self.summary)
        self.open_logbook = QPushButton(_("Öppna loggboken"))
        self.open_logbook.clicked.connect(self.logbook_requested.emit)
        end.addWidget(self.open_logbook, 0, Qt.AlignmentFlag.AlignLeft)
        end.addStretch(1)
        self.stack.addWidget(self.end)
        # The step scrolls on its own, so "Föregående" and "Nästa" stay in view with large text.
        reading = QScrollArea()
        reading.setWidgetResizable(True)
        reading.setFrameShape(QFrame.Shape.NoFrame)
        reading.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a tab stop of its own
        reading.setWidget(self.stack)
        middle.addWidget(reading, 1)
        layout.addLayout(middle, 1)
        footer = QHBoxLayout()
        self.back = QPushButton(_("Till biblioteket"))
        self.back.clicked.connect(self._leave)
        footer.addWidget(self.back)
        footer.addStretch(1)
        self.previous_button = QPushButton(_("Föregående"))
        self.previous_button.setToolTip(_("Föregående steg (Page Up eller Alt+Vänsterpil)"))
        self.previous_button.clicked.connect(self.previous)
        footer.addWidget(self.previous_button)
        self.next_button = QPushButton(_("Nästa"))
        self.next_button.setObjectName("primary")
        self.next_button.setToolTip(_("Nästa steg (Page Down eller Alt+Högerpil)"))
        self.next_button.clicked.connect(self.next)
        footer.addWidget(self.next_button)
        layout.addLayout(footer)
        for keys, slot in (
            ("PgDown", self.next),
            ("Alt+Right", self.next),
            ("PgUp", self.previous),
            ("Alt+Left", self.previous),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=CONTEXT)

    @property
    def last(self) -> int:
        return len(self.path.steps) + 1 if self.path is not None else 0

    def show_path(self, path: SelfStudyPath, introduction: str, at: int) -> None:
        self.path = path
        self.heading.setText(_("På egen hand: {title}").format(title=path.title))
        self.introduction.setText(markdown_html(introduction))
        self.steps.blockSignals(True)  # filling the list is not choosing a step
        self.steps.clear()
        self.steps.addItem(_("Introduktion"))
        for step in path.steps:
            self.steps.addItem(_row(step))
        self.steps.addItem(_("Klar"))
        self.steps.blockSignals(False)
        self.index = -1
        self.go(at)

    def mark_answered(self, answered: Sequence[str]) -> None:
        if self.path is None:
            return
        for row, step in enumerate(self.path.steps, start=1):
            item = self.steps.item(row)
            done = step.step_id in answered
            item.setText(("✓ " + _row(step)) if done else _row(step))
            item.setToolTip(_("Besvarat") if done else "")

    def show_answers(self, answers: Sequence[Answer]) -> None:
        if not answers:
            self.summary.setText(escape(_("Du har inte skrivit några svar i den här modulen.")))
            return
        heading = _("Det här skrev du:")  # outside the f-string, where the extractor sees it
        parts = [f"<p>{escape(heading)}</p>"]
        for answer in answers:
            parts.append(f"<p><b>{escape(answer.question)}</b><br>")
            parts.append(escape(answer.text).replace("\n", "<br>") + "</p>")
        self.summary.setText("".join(parts))

    def go(self, index: int) -> None:
        index = max(0, min(self.last, index))
        if index == self.index:
            return
        self.step_view.answer.flush()
        self.index = index
        self.steps.setCurrentRow(index)
        if index == 0:
            self.stack.setCurrentWidget(self.introduction)
        elif index == self.last:
            self.stack.setCurrentWidget(self.end)
        else:
            self.stack.setCurrentWidget(self.step_view)
        leaving_next = self.next_button.hasFocus() and index == self.last
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.last)
        if leaving_next:
            # "Nästa" greys out under the keyboard at "Klar": on to the logbook, not elsewhere.
            self.open_logbook.setFocus()
        self.moved.emit(index)

    def _row_chosen(self, row: int) -> None:
        if row >= 0 and self.path is not None:
            self.go(row)

    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def leave(self) -> None:
        """Save what is typed: the page is left."""
        self.step_view.answer.flush()

    def _leave(self) -> None:
        self.leave()
        self.back_requested.emit()
