"""The calm messages above a running session, each with an owner.

Several parts of the app have something to say during a session (the projector, the film,
the disk, the landing offer). Each posts under its own name and withdraws only its own
message, so the storage's "recovered" cannot hide the projector's "unplugged". The newest
message shows; withdrawing it shows the one before. Its button belongs to it alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from facilitator.core.i18n import _
from facilitator.ui.widgets.announcer import Announcer
from facilitator.ui.widgets.command_button import CommandButton


@dataclass(frozen=True)
class Notice:
    owner: str
    text: str
    action: str | None = None
    on_action: Callable[[], None] | None = None


class NoticeBoard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        # Its fill, frame and text colour are the look's (console.qss, QFrame#notice).
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.button = CommandButton()
        self.button.clicked.connect(self._act)
        row.addWidget(self.button)
        self.close_button = CommandButton(_("Stäng"))
        self.close_button.clicked.connect(self._dismiss)
        row.addWidget(self.close_button)
        self._notices: list[Notice] = []
        self.announcer = Announcer(self)
        self.hide()

    @property
    def current(self) -> Notice | None:
        return self._notices[-1] if self._notices else None

    def post(
        self,
        owner: str,
        text: str,
        action: str | None = None,
        on_action: Callable[[], None] | None = None,
    ) -> None:
        """Show ``text`` for ``owner``, replacing that owner's earlier message."""
        self._notices = [n for n in self._notices if n.owner != owner]
        self._notices.append(Notice(owner, text, action, on_action))
        self._render()
        self.announcer.say(text, urgent=True)  # nothing moves focus to it

    def withdraw(self, owner: str) -> None:
        self._notices = [n for n in self._notices if n.owner != owner]
        self._render()

    def _dismiss(self) -> None:
        if self._notices:
            self._notices.pop()
        self._render()

    def _act(self) -> None:
        notice = self.current
        if notice is None:
            return
        self.withdraw(notice.owner)
        if notice.on_action is not None:
            notice.on_action()

    def _render(self) -> None:
        notice = self.current
        if notice is None:
            self.hide()
            return
        self.text.setText(notice.text)
        self.button.setVisible(notice.action is not None)
        self.button.setText(notice.action or "")
        self.show()
