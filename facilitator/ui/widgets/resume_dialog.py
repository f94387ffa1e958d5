"""Shown at start when a session was cut off (battery, lid, crash): what it was, and a clear
choice between carrying on and closing it. Nothing is lost either way; the dialog says so,
because a leader who has just lost the laptop mid-session will be worried about exactly that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.dates import format_date_time
from facilitator.core.i18n import _, active_language, ngettext


class ResumeChoice(Enum):
    RESUME = "resume"
    CLOSE_AS_INTERRUPTED = "close"
    LATER = "later"


@dataclass(frozen=True)
class InterruptedSummary:
    title: str
    place: str
    started_at: datetime | None
    step_title: str | None  # the step it was at; None if it never got past the start
    reflection_count: int


class ResumeDialog(QDialog):
    def __init__(self, session: InterruptedSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeDialog")
        self.setWindowTitle(_("En session avbröts"))
        self.setModal(True)
        self._choice = ResumeChoice.LATER
        self._choices = QButtonGroup(self)
        self._choices.idClicked.connect(self._on_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        heading = QLabel(_("En session avbröts innan den var klar"))
        heading.setObjectName("pageTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(self._facts(session))
        reassurance = QLabel(
            _("Allt som sparades finns kvar. Du kan fortsätta där ni var, eller avsluta den.")
        )
        reassurance.setWordWrap(True)
        reassurance.setStyleSheet("font-size: 12pt;")
        layout.addWidget(reassurance)
        layout.addLayout(self._buttons())

    def _facts(self, session: InterruptedSummary) -> QFormLayout:
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(6)
        started = (
            format_date_time(session.started_at, active_language())
            if session.started_at
            else _("Inte startad")
        )
        count = session.reflection_count
        rows = (
            (_("Session"), session.title),
            (_("Plats"), session.place or "–"),
            (_("Startade"), started),
            (_("Var vid steget"), session.step_title or _("Början")),
            (
                _("Sparade reflektioner"),
                ngettext("{n} reflektion", "{n} reflektioner", count).format(n=count),
            ),
        )
        for label, value in rows:
            name = QLabel(label)
            name.setObjectName("muted")
            name.setStyleSheet("font-size: 11pt;")
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setStyleSheet("font-size: 13pt; font-weight: 600;")
            form.addRow(name, text)
        return form

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        later = self._button(
            _("Bestäm senare"),
            _("Stäng rutan. Frågan kommer tillbaka nästa gång appen startar."),
            ResumeChoice.LATER,
        )
        close = self._button(
            _("Avsluta den som avbruten"),
            _("Sessionen sparas i historiken som avbruten, med allt som skrevs."),
            ResumeChoice.CLOSE_AS_INTERRUPTED,
        )
        resume = self._button(
            _("Fortsätt sessionen"),
            _("Öppna konsolen vid steget där ni var, med tiderna och reflektionerna."),
            ResumeChoice.RESUME,
        )
        resume.setObjectName("primary")
        resume.setDefault(True)
        self._resume = resume
        row.addWidget(later)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(resume)
        return row

    def _button(self, text: str, tooltip: str, choice: ResumeChoice) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setMinimumHeight(48)
        button.setStyleSheet("font-size: 12pt;")
        # Room for the 3 px focus frame, so a focused button's text is not cut off.
        button.ensurePolished()
        button.setMinimumWidth(button.sizeHint().width() + 24)
        button.setAutoDefault(False)
        self._choices.addButton(button, list(ResumeChoice).index(choice))
        return button

    def _on_clicked(self, index: int) -> None:
        choice = list(ResumeChoice)[index]
        self._choice = choice
        if choice is ResumeChoice.LATER:
            self.reject()
        else:
            self.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Carrying on is the usual wish: Enter chooses it, and the focus frame says so.
        self._resume.setFocus(Qt.FocusReason.OtherFocusReason)

    def choice(self) -> ResumeChoice:
        """What the leader chose; closing the window or Esc counts as "Bestäm senare"."""
        return self._choice

    @classmethod
    def ask(cls, session: InterruptedSummary, parent: QWidget | None = None) -> ResumeChoice:
        dialog = cls(session, parent)
        dialog.exec()
        return dialog.choice()
