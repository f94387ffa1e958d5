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
from PySide6.QtWidgets import QApplication, QWidget


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

    def _another_window_open(self) -> bool:
        """One of our own windows besides the console and the room's, open on purpose (the
        film's text, a dialog): activation passes through nothing on its way there, and must
        not be pulled back to the console."""
        ours = {self._console.window(), *(output.window() for output in self._outputs)}
        return any(
            widget.isWindow() and widget.isVisible() and widget not in ours
            for widget in QApplication.topLevelWidgets()
        )

    def should_take_back(self, window: QWindow | None) -> bool:
        if not self.enabled or not self._console.isVisible():
            return False
        if window is not None:
            return self._belongs_to_output(window)
        active = self._app.applicationState() == Qt.ApplicationState.ApplicationActive
        return active and not self._another_window_open()

    def _on_focus_window(self, window: QWindow | None) -> None:
        if self.should_take_back(window):
            # Hand it back once the platform has finished its own activation change.
            QTimer.singleShot(0, self, self._console.window().activateWindow)
