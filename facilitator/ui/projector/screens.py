"""Which screen the projector view lives on, and what happens when a screen comes or goes.

The projector view goes full screen only on a screen other than the console's. When that
screen disappears mid-session the view is hidden at once — never moved over the console — and
the session goes on; when a screen appears again, `projector_available` offers it back.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class ProjectorScreens(QObject):
    projector_lost = Signal()
    projector_available = Signal(str)
    placed = Signal(str)

    def __init__(self, app: QGuiApplication, view: QWidget, console: QWidget) -> None:
        super().__init__(view)
        self._app = app
        self._view = view
        self._console = console
        self._screen: QScreen | None = None
        self._wanted = False
        app.screenRemoved.connect(self.on_screen_removed)
        app.screenAdded.connect(self.on_screen_added)

    @property
    def screen(self) -> QScreen | None:
        return self._screen

    def candidates(self) -> list[QScreen]:
        console_screen = self._console_screen()
        return [s for s in self._app.screens() if s is not console_screen]

    def choose(self, preferred_name: str | None) -> QScreen | None:
        options = self.candidates()
        for screen in options:
            if screen.name() == preferred_name:
                return screen
        return options[0] if options else None

    def show_on(self, screen: QScreen) -> bool:
        if screen is self._console_screen() or screen not in self._app.screens():
            return False
        self._wanted = True
        self._screen = screen
        self._view.setScreen(screen)
        self._view.setGeometry(screen.geometry())
        self._view.showFullScreen()
        self.placed.emit(screen.name())
        log.info("Projector view on %s (%s)", screen.name(), screen.geometry())
        return True

    def wait_for_projector(self) -> None:
        """No projector yet: offer the first screen that is plugged in."""
        self._wanted = True
        self._screen = None
        self._view.hide()

    def hide(self) -> None:
        self._wanted = False
        self._screen = None
        self._view.hide()

    def release(self) -> None:
        """The session is over: stop following the screens now, not when Qt gets round to
        deleting this object."""
        self.hide()
        self._app.screenRemoved.disconnect(self.on_screen_removed)
        self._app.screenAdded.disconnect(self.on_screen_added)

    def on_screen_removed(self, screen: QScreen) -> None:
        if screen is not self._screen:
            return
        log.warning("The projector screen %s went away; hiding the projector view", screen.name())
        self._screen = None
        self._view.hide()
        self.projector_lost.emit()

    def on_screen_added(self, screen: QScreen) -> None:
        if self._wanted and self._screen is None and screen is not self._console_screen():
            self.projector_available.emit(screen.name())

    def _console_screen(self) -> QScreen | None:
        handle = self._console.windowHandle()
        if handle is not None and handle.screen() is not None:
            return handle.screen()
        return self._console.screen() or self._app.primaryScreen()
