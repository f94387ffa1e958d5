"""The console's list of answers from the phones that wait for the leader (issue 20): each as
plain text, whatever it contains, with "Visa för gruppen" and "Dölj" beside it.

Nothing reaches the room without a deliberate yes: a click, or Tab to the button and Enter.
The clicker's keys (Space, PageDown, the arrows, B) keep their session meaning even when a
button here has the focus, so a presenter pressing "next" never approves an answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.i18n import _, ngettext

_ENTER = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


@dataclass(frozen=True)
class WaitingAnswer:
    uuid: str
    text: str
    question: str


class ModerationButton(QPushButton):
    """Pressed by a click or by Enter once reached with Tab; never by Space, which stays the
    clicker's "next step" (a window shortcut that this button does not claim)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumHeight(36)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and Qt.Key(event.key()) in _ENTER
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if Qt.Key(event.key()) in _ENTER and not event.isAutoRepeat():
            self.click()
            return
        event.ignore()  # Space and the rest: not a yes

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        event.ignore()


class AnswerRow(QFrame):
    def __init__(self, answer: WaitingAnswer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneAnswer")
        self.uuid = answer.uuid
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.text = QLabel(answer.text)
        # A participant's words, shown as typed: never markup, never a link.
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addWidget(self.text)
        self.question = QLabel(answer.question)
        self.question.setObjectName("muted")
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        buttons = QHBoxLayout()
        self.approve = ModerationButton(_("Visa för gruppen"))
        self.approve.setToolTip(
            _("Gruppen ser svaret på projektorn, utan namn (klicka, eller Tab och Enter)")
        )
        self.reject = ModerationButton(_("Dölj"))
        self.reject.setToolTip(_("Svaret visas aldrig för gruppen (klicka, eller Tab och Enter)"))
        for button in (self.approve, self.reject):
            # A screen reader names the answer the button acts on.
            button.setAccessibleDescription(answer.text)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)


class PhoneAnswersPanel(QFrame):
    approve_requested = Signal(str)
    reject_requested = Signal(str)
    question_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneAnswers")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        title = QLabel(_("Svar från mobilerna"))
        title.setObjectName("phoneAnswersTitle")
        layout.addWidget(title)
        self.count = QLabel()
        self.count.setObjectName("phoneAnswersWaiting")
        layout.addWidget(self.count)
        self.question_button = ModerationButton(_("Visa frågan igen"))
        self.question_button.setToolTip(
            _("Projektorn visar stegets fråga i stället för de godkända svaren")
        )
        self.question_button.clicked.connect(self.question_requested.emit)
        self.question_button.hide()
        layout.addWidget(self.question_button)
        self._list = QWidget()
        self._rows_layout = QVBoxLayout(self._list)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self._list)
        layout.addWidget(scroll, 1)
        self.rows: list[AnswerRow] = []
        self.show_waiting(())

    def show_waiting(self, answers: Sequence[WaitingAnswer]) -> None:
        """The answers still waiting, oldest first. Rows already shown stay as they are (and
        keep the focus), so an answer arriving never moves the button under the mouse."""
        wanted = [answer.uuid for answer in answers]
        focused = self._focused_row()
        for row in [row for row in self.rows if row.uuid not in wanted]:
            self.rows.remove(row)
            row.deleteLater()
        shown = {row.uuid for row in self.rows}
        for answer in answers:
            if answer.uuid not in shown:
                row = AnswerRow(answer)
                row.approve.clicked.connect(lambda _c=False, u=answer.uuid: self._decided(u, True))
                row.reject.clicked.connect(lambda _c=False, u=answer.uuid: self._decided(u, False))
                self._rows_layout.insertWidget(self._rows_layout.count() - 1, row)
                if self.isVisible():
                    row.show()  # at once, not after the next turn of the event loop
                self.rows.append(row)
        n = len(self.rows)
        self.count.setText(
            ngettext("{n} svar väntar", "{n} svar väntar", n).format(n=n)
            if n
            else _("Inga svar väntar")
        )
        if focused is not None and focused not in self.rows and self.rows:
            self.rows[0].approve.setFocus(Qt.FocusReason.TabFocusReason)

    def show_question_button(self, shown: bool) -> None:
        """While the room sees the approved answers: a way back to the step's question."""
        self.question_button.setVisible(shown)

    def _focused_row(self) -> AnswerRow | None:
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        return next((row for row in self.rows if row.isAncestorOf(focus)), None)

    def _decided(self, uuid: str, approve: bool) -> None:
        (self.approve_requested if approve else self.reject_requested).emit(uuid)

    def row_for(self, uuid: str) -> AnswerRow | None:
        return next((row for row in self.rows if row.uuid == uuid), None)
