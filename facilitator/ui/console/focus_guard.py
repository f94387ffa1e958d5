"""Keeps the keyboard (and so the presenter clicker) on the console during a session.

Showing or hiding the film's native window inside the projector view can move window
activation away from the console. When activation lands on a projector window, or on nothing
while this app is still the active one, it is handed back to the console. When the leader
switches to another program on purpose, the application is no longer active and nothing is
taken back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QWidget


class ConsoleFocusGuard(QObject):
    def __init__(self, app: QGuiApplication, console: QWidget, outputs: Sequence[QWidget]) -> None:
        super().__init__(console)
        self._app = app
        self._console = console
        self._outputs = list(outputs)
        self.enabled = True
        app.focusWindowChanged.connect(self._on_focus_window)

    def release(self) -> None:
        self.enabled = False
        self._app.focusWindowChanged.disconnect(self._on_focus_window)

    def _belongs_to_output(self, window: QWindow) -> bool:
        for output in self._outputs:
            handle = output.window().windowHandle()
            if handle is not None and (window is handle or handle.isAncestorOf(window)):
                return True
        return False

    def _on_focus_window(self, window: QWindow | None) -> None:
        if not self.enabled or not self._console.isVisible():
            return
        lost_to_nothing = (
            window is None and self._app.applicationState() == Qt.ApplicationState.ApplicationActive
        )
        if lost_to_nothing or (window is not None and self._belongs_to_output(window)):
            # Hand it back once the platform has finished its own activation change.
            QTimer.singleShot(0, self, self._console.window().activateWindow)
