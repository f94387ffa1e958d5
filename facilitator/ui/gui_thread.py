"""Work handed to the GUI thread from any other (the phone server's): run soon, in order,
through a queued signal. The phone room's ``on_storage_thread`` in the app (the storage
gateway and every widget live on the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal


class GuiThread(QObject):
    _queued = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queued.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def run_soon(self, work: Callable[[], None]) -> None:
        """Safe from any thread; ``work`` runs on the thread this object lives on."""
        self._queued.emit(work)

    @staticmethod
    def _run(work: Callable[[], None]) -> None:
        work()
