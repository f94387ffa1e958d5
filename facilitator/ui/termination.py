"""SIGTERM (a logout, a shutdown, ``kill``), SIGHUP and SIGINT end the app as quitting does:
the session's place is saved, the projector window and film close, queued writes get their
chance, and what the database refuses stays in the recovery journal.

A Python signal handler only runs when the interpreter gets control, which it does not while
Qt's event loop waits; the signal's number is written to a socket instead
(``signal.set_wakeup_fd``), and the event loop wakes on it.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class TerminationWatch(QObject):
    def __init__(self, quit_now: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit_now = quit_now
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in SIGNALS:
            signal.signal(number, self._noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._quitting = False

    def _noted(self, _number: int, _frame: object) -> None:
        """The work happens in ``_woken``, on the event loop, not inside the handler."""

    def _woken(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        if received and not self._quitting:
            self._quitting = True
            self._quit_now()
