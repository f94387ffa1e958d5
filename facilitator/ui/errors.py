"""The last line of defence: an unexpected error is logged and explained calmly, and the app
keeps running where it can."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.core.i18n import _
from facilitator.core.logsetup import without_content

log = logging.getLogger(__name__)


class ExceptionHook:
    def __init__(self, log_file: Path, parent: QWidget | None = None) -> None:
        self._log_file = log_file
        self._parent = parent
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        # Where it happened, not what it said: the message may carry what the group wrote.
        log.error("Unexpected error: %s", without_content(error.with_traceback(tb)))
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        app = QApplication.instance()
        if self._showing or app is None:
            return
        if QThread.currentThread() is not app.thread():
            # Widgets belong to the GUI thread; a dialog opened from a worker hangs the app.
            # Work that can fail reports through BackgroundTasks; this is only logged.
            return
        self._showing = True
        try:
            box = QMessageBox(self._parent)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(_("Något gick fel"))
            box.setText(_("Något oväntat hände, men appen fortsätter."))
            box.setInformativeText(
                _(
                    "Det som redan är sparat finns kvar. Om felet kommer tillbaka, "
                    "skicka gärna loggfilen till den som stöttar er:\n{path}"
                ).format(path=self._log_file)
            )
            box.exec()
        finally:
            self._showing = False
