"""One step of the path as one person reads it: title, a quiet estimate (never a countdown),
the text, how to do it alone, an activity's statements, the film, and the answer box."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.application.self_study import SelfStudyStep
from facilitator.core.content.kinds import StepKind
from facilitator.core.i18n import _
from facilitator.core.markdown.html import markdown_html
from facilitator.ui.self_study.answer_box import AnswerBox


def estimate(minutes: int) -> str:
    return _("ca {minutes} min").format(minutes=minutes)


def rich_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StepView(QWidget):
    play_requested = Signal()
    transcript_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.minutes = QLabel()
        self.minutes.setObjectName("muted")
        top.addWidget(self.minutes)
        layout.addLayout(top)
        self.text = rich_label("studyText")
        layout.addWidget(self.text)
        self.film = QFrame()
        self.film.setObjectName("filmSurface")
        # Dark from the palette (no colour of our own, as the module page's film), drawn into
        # by libVLC.
        self.film.setBackgroundRole(QPalette.ColorRole.Shadow)
        self.film.setAutoFillBackground(True)
        # Its own native window: libVLC draws into it.
        self.film.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
        self.film.setMinimumSize(480, 270)
        self.film.setAccessibleName(_("Filmen"))
        layout.addWidget(self.film, 2)
        self.film_bar = QWidget()
        bar = QHBoxLayout(self.film_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.play = QPushButton(_("Spela / pausa"))
        self.play.clicked.connect(self.play_requested.emit)
        bar.addWidget(self.play)
        self.transcript = QPushButton(_("Filmens text (T)"))
        self.transcript.clicked.connect(self.transcript_requested.emit)
        bar.addWidget(self.transcript)
        self.film_note = QLabel()
        self.film_note.setObjectName("muted")
        self.film_note.setWordWrap(True)
        bar.addWidget(self.film_note, 1)
        layout.addWidget(self.film_bar)
        # Where the film stops for a question (a pause point): the question, to think over alone.
        self.pause_question = QLabel()
        self.pause_question.setObjectName("answerQuestion")
        self.pause_question.setWordWrap(True)
        self.pause_question.setVisible(False)
        layout.addWidget(self.pause_question)
        self.instructions_heading = QLabel(_("Så gör du"))
        self.instructions_heading.setObjectName("sectionTitle")
        layout.addWidget(self.instructions_heading)
        self.instructions = rich_label("studyInstructions")
        layout.addWidget(self.instructions)
        self.statements = rich_label("studyStatements")
        layout.addWidget(self.statements)
        self.answer = AnswerBox()
        layout.addWidget(self.answer)
        layout.addStretch(1)

    def show_step(self, step: SelfStudyStep) -> None:
        self.title.setText(step.title)
        self.minutes.setText(estimate(step.minutes))
        # A talk's question is the step: alone it is asked once, in the words for one person
        # (the room's wording above it read as a second, different question).
        asked = step.kind in (StepKind.PROMPT, StepKind.REFLECTION) and bool(step.question)
        text = "" if asked else step.text
        self.text.setText(markdown_html(text) if text else "")
        self.text.setVisible(bool(text))
        is_film = step.kind == StepKind.FILM
        self.film.setVisible(is_film)
        self.film_bar.setVisible(is_film)
        self.film_note.setText("")
        self.pause_question.setVisible(False)
        instructions = step.instructions or ""
        self.instructions.setText(markdown_html(instructions) if instructions else "")
        self.instructions.setVisible(bool(instructions))
        self.instructions_heading.setVisible(bool(instructions))
        statements = step.statements
        self.statements.setText(
            "<ul>" + "".join(f"<li>{escape(s)}</li>" for s in statements) + "</ul>"
            if statements
            else ""
        )
        self.statements.setVisible(bool(statements))
        self.answer.setVisible(bool(step.question))

    def tell_about_film(self, text: str) -> None:
        self.film_note.setText(text)

    def show_pause_question(self, question: str) -> None:
        """The film has stopped at one of its questions."""
        self.pause_question.setText(question)
        self.pause_question.setVisible(True)
        self.film_note.setText(_("Filmen står still. Tänk efter en stund, och spela sedan vidare."))

    def film_plays(self) -> None:
        self.pause_question.setVisible(False)
        self.film_note.setText("")
