"""Quitting while a session runs: ask first, then leave nothing behind.

Ctrl+Q or closing the console's window mid-session used to close the console and leave the
projector window open with the film playing, and the process never exited. Now the leader is
asked; on yes, where the session is reaches the disk (the next start offers to continue), the
projector window closes, the film stops and libVLC is released, and the app quits.
"""

from __future__ import annotations

from facilitator.core.application.sessions import Sessions
from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.i18n import _
from facilitator.ui.console.session_launcher import SessionLauncher
from facilitator.ui.console.unsaved_at_quit import may_quit_with_unsaved, waiting_writes
from facilitator.ui.main_window import MainWindow, window_place
from facilitator.ui.widgets.confirm import confirm


class QuitGuard:
    def __init__(
        self,
        window: MainWindow,
        sessions: Sessions,
        launcher: SessionLauncher,
        settings: SettingsService,
        storage: StorageGateway,
        *,
        ask: bool = True,
    ) -> None:
        self._window = window
        self._sessions = sessions
        self._launcher = launcher
        self._settings = settings
        self._storage = storage
        self._ask = ask
        window.may_close = self.may_close

    def quit_without_asking(self) -> None:
        """SIGTERM, logout, shutdown: quit as after "Avsluta appen", asking nothing — there may
        be no one to answer, and the recovery journal already holds what is not saved."""
        self._ask = False
        self._window.close()

    def may_close(self) -> bool:
        running = self._sessions.current
        if self._ask and waiting_writes(self._storage) > 0:
            # One question, not two: this one is about the session too.
            if not may_quit_with_unsaved(self._window, self._storage, running):
                return False
        elif (
            running is not None
            and self._ask
            and not confirm(
                self._window,
                _("Sessionen pågår"),
                _("Sessionen pågår. Vill du avsluta appen ändå?"),
                _(
                    "Allt som sparats finns kvar, och nästa gång appen startar erbjuds du att "
                    "fortsätta där ni var."
                ),
                _("Avsluta appen"),
            )
        ):
            return False
        if running is not None:
            # The projector window closes too: with the console it was the last window, and
            # the app quits when its last window closes.
            self._launcher.leave_for_quit()
        # The next start opens the window where the leader had it.
        self._settings.change(window_geometry=window_place(self._window))
        return True
