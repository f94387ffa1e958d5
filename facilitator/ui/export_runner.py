"""Long exports off the GUI thread with a progress dialog that can cancel, and "open folder"
when done. The export functions themselves live in facilitator.core.export."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from facilitator.core.export.progress import ExportCancelled
from facilitator.core.i18n import _
from facilitator.ui.tasks import BackgroundTasks

log = logging.getLogger(__name__)

# The export work: called on a worker thread with (progress 0..1, is_cancelled).
ExportWork = Callable[[Callable[[float], None], Callable[[], bool]], Any]


class _Progress(QObject):
    moved = Signal(int)


class ExportRunner(QObject):
    finished = Signal(object)  # the result (a path or a list of paths)

    def __init__(self, tasks: BackgroundTasks, parent: QWidget) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._parent = parent

    def run(self, title: str, work: ExportWork) -> None:
        dialog = QProgressDialog(title, _("Avbryt"), 0, 100, self._parent)
        dialog.setWindowTitle(_("Export"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(500)
        cancelled = threading.Event()
        dialog.canceled.connect(cancelled.set)
        progress = _Progress(dialog)
        progress.moved.connect(dialog.setValue)

        def job() -> Any:
            return work(lambda share: progress.moved.emit(round(share * 100)), cancelled.is_set)

        def done(result: Any) -> None:
            dialog.reset()
            dialog.deleteLater()
            self.finished.emit(result)
            first = result[0] if isinstance(result, list) and result else result
            if isinstance(first, Path):
                self._offer_folder(first)

        def failed(error: Exception) -> None:
            dialog.reset()
            dialog.deleteLater()
            if isinstance(error, ExportCancelled):
                return
            message = getattr(error, "message", None) or str(error)
            QMessageBox.warning(
                self._parent,
                _("Exporten misslyckades"),
                _("Filen kunde inte skapas: {error}").format(error=message),
            )

        self._tasks.run(job, done, failed, owner=self)

    def _offer_folder(self, path: Path) -> None:
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Klart"))
        box.setText(_("Filen är sparad:\n{path}").format(path=path))
        open_button = QPushButton(_("Öppna mappen"))
        box.addButton(open_button, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Stäng"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
