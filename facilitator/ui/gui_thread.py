"""Run a callable on the GUI thread, soon and in order, from any thread: what the phones'
room needs to reach the storage gateway, which lives on the GUI thread (decision 0016). A
queued signal is Qt's own way across threads; nothing waits here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class GuiThread(QObject):
    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        """Made on the GUI thread: the object (and so every call) belongs to that thread."""
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def call(self, work: Callable[[], None]) -> None:
        self._posted.emit(work)

    @staticmethod
    def _run(work: Callable[[], None]) -> None:
        work()
