"""A progress dialog for work on a worker thread: the worker reports a share done and asks
whether the leader cancelled; both are safe to call from any thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from facilitator.core.i18n import _

STEPS = 1000


class _Relay(QObject):
    moved = Signal(int)


class WorkProgress:
    def __init__(self, parent: QWidget, title: str, label: str) -> None:
        self._dialog = QProgressDialog(label, _("Avbryt"), 0, STEPS, parent)
        self._dialog.setWindowTitle(title)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(400)  # quick work never flashes a dialog
        self._cancelled = threading.Event()
        self._dialog.canceled.connect(self._cancelled.set)
        # The relay lives on the GUI thread: a worker's emit reaches the dialog queued.
        self._relay = _Relay(self._dialog)
        self._relay.moved.connect(self._dialog.setValue)

    def report(self, share: float) -> None:
        self._relay.moved.emit(round(max(0.0, min(1.0, share)) * STEPS))

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def close(self) -> None:
        self._dialog.reset()
        self._dialog.deleteLater()
