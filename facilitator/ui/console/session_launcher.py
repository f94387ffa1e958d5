"""Opens a session: the console in the main window, the projector view on the second screen
(or, rehearsing or with one screen, only inside the console), and the controller between."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from facilitator.core.clock import Clock
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule, step_key
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.plan import SessionPlan
from facilitator.core.settings import Settings, SettingsStore
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.landing_offer import LandingOffer
from facilitator.ui.console.reflection_controller import ReflectionController
from facilitator.ui.console.session_controller import SessionController, StepContent
from facilitator.ui.console.session_recorder import SessionRecorder
from facilitator.ui.main_window import MainWindow
from facilitator.ui.projector.projector_view import ProjectorView
from facilitator.ui.projector.screens import ProjectorScreens
from facilitator.ui.session_store import SessionStore
from facilitator.ui.video.vlc_player import VlcPlayer
from facilitator.ui.widgets.key_help import KeyHelp
from facilitator.ui.widgets.reflection_panel import ReflectionPanel

log = logging.getLogger(__name__)

# Elapsed times reach the disk at least this often, for resuming after a crash.
AUTOSAVE_MS = 10_000


@dataclass
class RunningSession:
    controller: SessionController
    recorder: SessionRecorder
    reflections: ReflectionController
    console: ConsolePage
    projector: ProjectorView
    preview: ProjectorView
    screens: ProjectorScreens
    rehearsal: bool


class SessionLauncher(QObject):
    started = Signal(object)  # RunningSession
    finished = Signal(object)  # RunningSession

    def __init__(
        self,
        qapp: QGuiApplication,
        window: MainWindow,
        clock: Clock,
        settings_store: SettingsStore,
        settings: Callable[[], Settings],
        play_cue: Callable[[], None],
        language: Callable[[], str],
        make_player: Callable[[], VlcPlayer],
        store: SessionStore,
    ) -> None:
        super().__init__(window)
        self._qapp = qapp
        self._window = window
        self._clock = clock
        self._settings_store = settings_store
        self._settings = settings
        self._play_cue = play_cue
        self._language = language
        self._make_player = make_player
        self._store = store
        self.current: RunningSession | None = None

    def launch(
        self,
        plan: SessionPlan,
        modules: Mapping[str, OpenModule],
        rehearse: bool,
        engine: SessionEngine | None = None,
        session_uuid: str | None = None,
    ) -> RunningSession:
        """Start a new session, or continue one (``engine`` restored, ``session_uuid`` known)."""
        content = {
            step_key(m.manifest.id, step.id): StepContent(step, m.manifest, m.folder)
            for m in modules.values()
            for step in m.manifest.steps
        }
        console = ConsolePage()
        preview = ProjectorView()
        console.preview_layout.addWidget(preview)
        projector = ProjectorView()
        screens = ProjectorScreens(self._qapp, projector, self._window)
        resuming = engine is not None
        engine = engine or SessionEngine(plan, self._clock)
        recorder = SessionRecorder(self._store.writer, self._store.repository, session_uuid)
        film = FilmRunner(self._make_player, console)

        def film_surface() -> QWidget:
            return projector.film_surface if projector.isVisible() else preview.film_surface

        controller = SessionController(
            engine,
            content,
            console,
            [preview, projector],
            self._play_cue,
            self._language(),
            film,
            film_surface,
        )
        panel = ReflectionPanel()
        console.reflection_layout.addWidget(panel)

        def current_step() -> tuple[str, str] | None:
            key = engine.current_key
            if key is None:
                return None
            item = content.get(key)
            prompt = getattr(item.step, "question", "") if item else ""
            return key, prompt or (item.step.title if item else "")

        reflections = ReflectionController(panel, recorder, current_step)
        controller.step_changed.connect(lambda _key: reflections.show_step())
        self._store.writer.trouble.connect(lambda _message: reflections.failed())
        running = RunningSession(
            controller, recorder, reflections, console, projector, preview, screens, rehearse
        )
        self.current = running
        self._window.add_page(console)
        self._window.show_page(console)
        screens.projector_lost.connect(lambda: self._on_projector_lost(running))
        screens.projector_available.connect(lambda name: self._offer_screen(running, name))
        controller.ended.connect(lambda: self._finish(running))
        controller.changed.connect(lambda: recorder.progress(engine))
        controller.help_requested.connect(lambda: KeyHelp(console).exec())
        controller.leave_full_screen_requested.connect(
            lambda: projector.showNormal() if projector.isFullScreen() else None
        )
        autosave = QTimer(console)
        autosave.setInterval(AUTOSAVE_MS)
        autosave.timeout.connect(lambda: recorder.progress(engine))
        landing = LandingOffer(engine, console)
        autosave.timeout.connect(landing.check)
        controller.changed.connect(landing.check)
        autosave.start()
        if rehearse:
            console.preview_title.setText(_("Repetition: så här ser gruppen bilden"))
        else:
            self._place_projector(running)
        if resuming:
            controller.resume_display()
            recorder.progress(engine)
            recorder.load_reflections(reflections.load)
        else:
            controller.start()
            recorder.begin(engine, list(modules.values()))
        console.setFocus()
        self.started.emit(running)
        return running

    def _place_projector(self, running: RunningSession) -> None:
        screen = running.screens.choose(self._settings().projector_screen)
        if screen is None:
            running.console.show_notice(
                _(
                    "Ingen andra skärm hittades, så bilden till gruppen syns bara i "
                    "förhandsvisningen. Anslut projektorn så erbjuds den här."
                )
            )
            running.screens.wait_for_projector()
            return
        running.screens.show_on(screen)
        self._remember_screen(screen.name())

    def _remember_screen(self, name: str) -> None:
        settings = self._settings()
        if settings.projector_screen != name:
            try:
                self._settings_store.save(settings.with_changes(projector_screen=name))
            except OSError:
                log.warning("Could not remember the projector screen", exc_info=True)

    def _on_projector_lost(self, running: RunningSession) -> None:
        running.console.show_notice(
            _(
                "Projektorn kopplades bort. Sessionen fortsätter och tiden går som vanligt; "
                "bilden syns i förhandsvisningen. Anslut projektorn igen så erbjuds den här."
            )
        )

    def _offer_screen(self, running: RunningSession, name: str) -> None:
        def accept() -> None:
            for screen in self._qapp.screens():
                if screen.name() == name:
                    running.screens.show_on(screen)

        running.console.show_notice(
            _("En skärm anslöts ({name}). Vill du visa gruppens bild där?").format(name=name),
            _("Visa på projektorn"),
            accept,
        )

    def _finish(self, running: RunningSession) -> None:
        running.recorder.finish(running.controller.engine)
        running.screens.hide()
        running.projector.close()
        self.finished.emit(running)
        self.current = None
