"""Shows a session the moment it starts: the console in the main window, the projector view
on the second screen (or, rehearsing or with one screen, only inside the console), and the
controllers between them and the session's service. When the session ends, all of it goes:
windows closed, signals and subscriptions let go."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from facilitator.core.application.broadcast import Subscriptions
from facilitator.core.application.session_service import SessionService
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.films.playback import Player
from facilitator.core.i18n import _
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.landing_offer import LandingOffer
from facilitator.ui.console.phones_controller import PhonesController
from facilitator.ui.console.private_note_controller import PrivateNoteController
from facilitator.ui.console.reflection_controller import ReflectionController
from facilitator.ui.console.session_controller import SessionController
from facilitator.ui.console.session_phones import LINGER_MS, SessionPhones
from facilitator.ui.console.storage_notice import StorageNotice
from facilitator.ui.main_window import MainWindow
from facilitator.ui.projector.projector_view import ProjectorView
from facilitator.ui.projector.screens import ProjectorScreens
from facilitator.ui.widgets.key_help import KeyHelp
from facilitator.ui.widgets.reflection_panel import ReflectionPanel

log = logging.getLogger(__name__)

# Elapsed times reach the disk at least this often, for resuming after a crash.
AUTOSAVE_MS = 10_000


@dataclass
class RunningSession:
    service: SessionService
    controller: SessionController
    reflections: ReflectionController
    console: ConsolePage
    projector: ProjectorView
    preview: ProjectorView
    screens: ProjectorScreens
    film: FilmRunner
    notes: PrivateNoteController
    phones: PhonesController
    session_phones: SessionPhones | None
    subscriptions: Subscriptions = field(default_factory=Subscriptions)


MakePhones = Callable[[SessionService, Callable[[str], None], Callable[[], None]], SessionPhones]
"""(the session, a notice for the leader, redraw the projector) → the session's phones."""


class SessionLauncher(QObject):
    opened = Signal(RunningSession)  # on screen
    closed = Signal(SessionService)  # after its windows are gone

    def __init__(
        self,
        qapp: QGuiApplication,
        window: MainWindow,
        sessions: Sessions,
        settings: SettingsService,
        storage: StorageGateway,
        play_cue: Callable[[], None],
        make_player: Callable[[], Player],
        make_phones: MakePhones | None = None,
    ) -> None:
        """``make_phones``: a running session's phones (the room and its server); None: the
        phones are not offered (tests of other things)."""
        super().__init__(window)
        self._qapp = qapp
        self._window = window
        self._sessions = sessions
        self._settings = settings
        self._storage = storage
        self._play_cue = play_cue
        self._make_player = make_player
        self._make_phones = make_phones
        self.current: RunningSession | None = None
        sessions.started.connect(self._open)
        sessions.finished.connect(self._close)

    def _open(self, service: SessionService) -> None:
        console = ConsolePage()
        preview = ProjectorView()
        console.preview_layout.addWidget(preview)
        projector = ProjectorView()
        screens = ProjectorScreens(self._qapp, projector, self._window)
        film = FilmRunner(
            self._make_player, console, lambda: self._settings.current.subtitle_language
        )

        def film_surface() -> QWidget:
            return projector.film_surface if projector.isVisible() else preview.film_surface

        def leave_full_screen() -> None:
            if projector.isFullScreen():
                projector.showNormal()

        panel = ReflectionPanel()
        console.reflection_layout.addWidget(panel)

        def redraw() -> None:  # the session's controller is built after the phones'
            controller.show_again()

        session_phones = (
            self._make_phones(service, lambda text: console.notices.post("phones", text), redraw)
            if self._make_phones is not None
            else None
        )
        phones = PhonesController(
            self._settings,
            console,
            room=session_phones.room if session_phones is not None else None,
            address=lambda: session_phones.address if session_phones is not None else None,
            current_step=lambda: service.engine.current_key,
            projector_changed=redraw,
        )
        controller = SessionController(
            service,
            console,
            [preview, projector],
            self._play_cue,
            film,
            film_surface,
            show_help=lambda: self._show_keys(console),
            leave_full_screen=leave_full_screen,
            dress=phones.dress,
        )
        reflections = ReflectionController(panel, service.reflections, console.notices)
        notes = PrivateNoteController(console.private_note, service.notes)
        running = RunningSession(
            service,
            controller,
            reflections,
            console,
            projector,
            preview,
            screens,
            film,
            notes,
            phones,
            session_phones,
        )
        self.current = running
        StorageNotice(console, service, self._storage, running.subscriptions)
        self._window.add_page(console)
        self._window.show_page(console)
        screens.projector_lost.connect(lambda: self._on_projector_lost(running))
        screens.projector_available.connect(lambda name: self._offer_screen(running, name))
        autosave = QTimer(console)
        autosave.setInterval(AUTOSAVE_MS)
        autosave.timeout.connect(service.save_progress)
        autosave.timeout.connect(service.reflections.finish_erasure)
        landing = LandingOffer(service, console)
        autosave.timeout.connect(landing.check)
        running.subscriptions.connect(service.acted, lambda _none: landing.check())
        autosave.start()
        if service.rehearsal:
            console.preview_title.setText(_("Repetition: så här ser gruppen bilden"))
        else:
            self._place_projector(running)
        controller.start()
        console.setFocus()
        self.opened.emit(running)

    @staticmethod
    def _show_keys(console: ConsolePage) -> None:
        KeyHelp(console).exec()

    def _place_projector(self, running: RunningSession) -> None:
        screen = running.screens.choose(self._settings.current.projector_screen)
        if screen is None:
            running.console.notices.post(
                "projector",
                _(
                    "Ingen andra skärm hittades, så bilden till gruppen syns bara i "
                    "förhandsvisningen. Anslut projektorn så erbjuds den här."
                ),
            )
            running.screens.wait_for_projector()
            return
        running.screens.show_on(screen)
        self._settings.change(projector_screen=screen.name())

    def _on_projector_lost(self, running: RunningSession) -> None:
        running.console.notices.post(
            "projector",
            _(
                "Projektorn kopplades bort. Sessionen fortsätter och tiden går som vanligt; "
                "bilden syns i förhandsvisningen. Anslut projektorn igen så erbjuds den här."
            ),
        )

    def _offer_screen(self, running: RunningSession, name: str) -> None:
        def accept() -> None:
            for screen in self._qapp.screens():
                if screen.name() == name:
                    running.screens.show_on(screen)
                    self._settings.change(projector_screen=name)

        running.console.notices.post(
            "projector",
            _("En skärm anslöts ({name}). Vill du visa gruppens bild där?").format(name=name),
            _("Visa på projektorn"),
            accept,
        )

    def leave_for_quit(self) -> None:
        """The app quits mid-session: where the session is goes to disk (it stays running
        there, so the next start offers to continue); its windows and film go now."""
        running = self.current
        if running is None:
            return
        running.service.save_progress()
        self._dismantle(running, quitting=True)

    def _close(self, service: SessionService) -> None:
        running = self.current
        if running is None or running.service is not service:
            return
        self._dismantle(running)
        self.closed.emit(service)

    def _dismantle(self, running: RunningSession, quitting: bool = False) -> None:
        self.current = None
        running.controller.close()
        running.reflections.close()
        running.phones.close()
        if running.session_phones is not None:
            running.session_phones.close(0 if quitting else LINGER_MS)
        running.notes.close()
        running.subscriptions.cancel_all()
        running.film.release()
        running.screens.release()
        running.projector.close()
        running.projector.deleteLater()
        running.console.deleteLater()
