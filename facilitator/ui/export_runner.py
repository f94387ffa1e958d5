"""Long exports off the GUI thread with a progress dialog that can cancel; when done, what was
written where (``export_done``). The export functions themselves live in
facilitator.core.export."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.export.progress import ExportCancelled
from facilitator.core.i18n import _
from facilitator.ui.export_done import OpenUrl, tell_written
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.widgets.work_progress import WorkProgress

log = logging.getLogger(__name__)

# The export work: called on a worker thread with (progress 0..1, is_cancelled).
ExportWork = Callable[[Callable[[float], None], Callable[[], bool]], Any]


class ExportRunner(QObject):
    finished = Signal(object)  # the result (a path or a list of paths)

    def __init__(
        self, tasks: BackgroundTasks, parent: QWidget, open_url: OpenUrl = QDesktopServices.openUrl
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._parent = parent
        self._open_url = open_url

    def run(
        self,
        title: str,
        work: ExportWork,
        written: Callable[[list[Path]], None] | None = None,
    ) -> None:
        """``written`` hears of the files once they are complete, before the leader is told."""
        progress = WorkProgress(self._parent, _("Export"), title)

        def job() -> Any:
            return work(progress.report, progress.is_cancelled)

        def done(result: Any) -> None:
            progress.close()
            paths = files_in(result)
            if paths and written is not None:
                written(paths)
            self.finished.emit(result)
            if paths:
                tell_written(self._parent, paths, self._open_url)

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


def files_in(result: object) -> list[Path]:
    """What an export function returned (a path or a list of them), as a list of paths."""
    items = result if isinstance(result, list) else [result]
    return [item for item in items if isinstance(item, Path)]
