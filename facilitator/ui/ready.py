"""`--exit-when-ready`: print first_paint_ms once the window is shown and painted and the event
loop has nothing left to do, then ready_ms once the library is usable — its module cards shown
and every part assembled, so a module can be selected and planned (what a leader waits for) —
then storage_ms once the database, which opens after that, is open or has told why not; and
quit. `--ready-then-wait` prints the same lines but keeps running until standard input closes,
so a test can look at the screen first."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

_IMPORTED_AT = time.perf_counter()


def seconds_since_process_start() -> float:
    """Time since the OS created this process (Linux), else since this module was imported:
    the start includes the interpreter's own, as a leader's wait does."""
    try:
        stat = Path("/proc/self/stat").read_text()
        # Field 22 (starttime) counts clock ticks since boot; fields after the command name.
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks = int(fields[19])
        hz = os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / hz
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED_AT


def when_idle(owner: QObject, callback: Callable[[], object]) -> None:
    """Run ``callback`` once the event loop has gone idle after what is queued now.

    A zero timer runs after every event already queued (show, expose, paint), i.e. when the
    loop first goes idle; the second hop lets deferred work queued by those run too."""
    QTimer.singleShot(0, owner, lambda: QTimer.singleShot(0, owner, callback))


def _say(name: str) -> None:
    sys.stdout.write(f"{name}={round(seconds_since_process_start() * 1000)}\n")
    sys.stdout.flush()


class ReadyReporter(QObject):
    def __init__(self, app: QApplication, window: QWidget, *, stay: bool = False) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._stay = stay
        self._stdin: QObject | None = None
        self._said_usable = False
        self._stored_waiting = False

    def arm(self) -> None:
        when_idle(self, self._painted)

    def _painted(self) -> None:
        self._window.repaint()
        _say("first_paint_ms")

    def usable(self) -> None:
        """The library can be used: its cards are shown. Said once they are laid out and painted
        (the loop idle again), as the first paint is."""
        when_idle(self, self._cards_painted)

    def _cards_painted(self) -> None:
        self._window.repaint()
        _say("ready_ms")
        self._said_usable = True
        if self._stored_waiting:
            self.stored()

    def stored(self) -> None:
        """The database is open, or the leader has been told why it is not: the start is over."""
        if not self._said_usable:
            self._stored_waiting = True  # said after ready_ms, never before
            return
        _say("storage_ms")
        if not self._stay:
            self._app.exit(0)
            return
        notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._on_stdin)
        self._stdin = notifier  # kept alive with the reporter

    def _on_stdin(self) -> None:
        if not sys.stdin.readline():
            self._app.exit(0)
