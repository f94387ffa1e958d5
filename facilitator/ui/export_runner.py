"""Long exports off the GUI thread with a progress dialog that can cancel, and "open folder"
when done. The export functions themselves live in facilitator.core.export."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from facilitator.core.export.progress import ExportCancelled
from facilitator.core.i18n import _
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.widgets.work_progress import WorkProgress

log = logging.getLogger(__name__)

# The export work: called on a worker thread with (progress 0..1, is_cancelled).
ExportWork = Callable[[Callable[[float], None], Callable[[], bool]], Any]


class ExportRunner(QObject):
    finished = Signal(object)  # the result (a path or a list of paths)

    def __init__(self, tasks: BackgroundTasks, parent: QWidget) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._parent = parent

    def run(self, title: str, work: ExportWork) -> None:
        progress = WorkProgress(self._parent, _("Export"), title)

        def job() -> Any:
            return work(progress.report, progress.is_cancelled)

        def done(result: Any) -> None:
            progress.close()
            self.finished.emit(result)
            first = result[0] if isinstance(result, list) and result else result
            if isinstance(first, Path):
                self._offer_folder(first)

        def failed(error: Exception) -> None:
            progress.close()
            self.report_failure(error)

        self._tasks.run(job, done, failed, owner=self)

    def report_failure(self, error: Exception) -> None:
        if isinstance(error, ExportCancelled):
            return
        message = getattr(error, "message", None) or str(error)
        QMessageBox.warning(
            self._parent,
            _("Exporten misslyckades"),
            _("Filen kunde inte skapas: {error}").format(error=message),
        )

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
