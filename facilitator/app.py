"""The composition root: builds the services and the windows and wires them; the only module
that knows every part. The CLI imports it only to launch the app.

Start-up happens in two phases (docs/decisions/0004-startup.md): the window with its library
page appears first; the rest (SQLAlchemy, pydantic, reportlab and the UI built on them) is
imported and assembled once that window has been painted.
"""

# The second phase's imports stay inside it: they are what the first paint does without.

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from facilitator.core import i18n
from facilitator.core.clock import Clock, SystemClock
from facilitator.core.i18n import _
from facilitator.startup import Startup, prepare
from facilitator.ui.errors import ExceptionHook
from facilitator.ui.leaving import leave
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.main_window import MainWindow, show_in_place
from facilitator.ui.process_guard import claim_folder, guard_process
from facilitator.ui.qt_setup import display_problem, install_qt_translation
from facilitator.ui.ready import ReadyReporter, when_idle
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.theme import stylesheet

if TYPE_CHECKING:
    from facilitator.core.application.services import AppServices
    from facilitator.core.films.playback import Player
    from facilitator.ui.parts import UiParts

log = logging.getLogger(__name__)


class Application(QObject):
    """Phase one builds the window; phase two (``_assemble``) the services and the rest."""

    assembled = Signal()

    def __init__(
        self,
        qapp: QApplication,
        startup: Startup,
        *,
        clock: Clock | None = None,
        interactive: bool = True,
    ) -> None:
        """``interactive=False`` (``--drive``, tests): the app asks the leader nothing at
        start-up or after a session (resume, close-out); its caller answers instead."""
        super().__init__(qapp)
        self.qapp = qapp
        self.startup = startup
        self.clock = clock or SystemClock()
        self.interactive = interactive
        self.tasks = BackgroundTasks(parent=qapp)
        # Before any widget exists, so each is styled once, not styled and then restyled.
        qapp.setStyleSheet(stylesheet("console"))
        self.window = MainWindow()
        self.hook = ExceptionHook(startup.paths.log_file, self.window)
        self.library = LibraryPage()
        self.window.add_page(self.library)
        self.services: AppServices | None = None
        self.parts: UiParts | None = None
        self._reporter: ReadyReporter | None = None
        self.shut_down = False

    @property
    def is_assembled(self) -> bool:
        return self.parts is not None

    def _assemble(self) -> None:
        from facilitator.core.application.housekeeping import apply_retention, tidy_modules
        from facilitator.core.application.recovery_journal import RecoveryJournal
        from facilitator.core.application.resume import SessionResumer
        from facilitator.core.application.services import AppServices
        from facilitator.core.application.sessions import Sessions
        from facilitator.core.application.settings_service import SettingsService
        from facilitator.core.application.storage_gateway import StorageGateway
        from facilitator.core.content.catalog import Catalog
        from facilitator.ui.parts import build_parts
        from facilitator.ui.serial_writer import SerialWriter

        paths = self.startup.paths
        settings = SettingsService(self.startup.settings_store, self.startup.settings)
        journal = RecoveryJournal.of_data_folder(paths.data_dir)
        storage = StorageGateway(SerialWriter(self), paths, journal=journal)
        sessions = Sessions(storage, self.clock, i18n.active_language())
        catalog = Catalog.for_app(paths)
        resumer = SessionResumer(storage, sessions, self.clock, catalog.open_module)
        services = AppServices(paths, self.clock, settings, storage, catalog, sessions, resumer)
        self.services = services
        parts = build_parts(self.qapp, self.window, self.library, services, self.tasks)
        parts.wire(self._make_player, interactive=self.interactive)
        self.parts = parts
        storage.failed.connect(lambda message: parts.shell.tell([message]))
        storage.refused_at_open.connect(lambda message: parts.shell.tell([message]))
        storage.opened.connect(
            lambda _none: apply_retention(storage, settings.current.retention_days)
        )

        def reload_if(removed: list[Path]) -> None:
            if removed:
                parts.library.reload()

        storage.opened.connect(
            lambda _none: tidy_modules(storage, paths.user_modules_dir, reload_if)
        )
        storage.opened.connect(lambda _none: resumer.look())
        self._report_usable(parts)
        self.assembled.emit()
        parts.library.reload()
        storage.open()

    def _report_usable(self, parts: UiParts) -> None:
        reporter, services = self._reporter, self.services
        if reporter is None or services is None:
            return
        waiting = {"library", "storage"}

        def done(what: str) -> None:
            waiting.discard(what)
            if not waiting:
                reporter.usable()

        parts.library.loaded.connect(lambda: done("library"))
        services.storage.opened.connect(lambda _none: done("storage"))
        services.storage.failed.connect(lambda _message: done("storage"))
        services.storage.refused_at_open.connect(lambda _message: done("storage"))

    def _assembly_failed(self, error: Exception) -> None:
        log.error("The app could not load its parts: %r", error)
        message = _("Appen kunde inte läsa in alla sina delar ({error}). Se loggfilen.")
        self._tell([message.format(error=error)])

    def _make_player(self) -> Player:
        from facilitator.ui.video.vlc_player import VlcPlayer

        # Without a real display (offscreen tests, CI) libVLC must not open any output.
        headless = self.qapp.platformName() in ("offscreen", "minimal")
        assert self.services is not None
        return VlcPlayer(
            video_output="dummy" if headless else None,
            audio_output="dummy" if headless else None,
            subtitle_size=self.services.settings.current.subtitle_size,
        )

    def start(
        self, problems: Sequence[str], exit_when_ready: bool, ready_then_wait: bool = False
    ) -> None:
        self.hook.install()
        self.qapp.aboutToQuit.connect(self.shutdown)
        show_in_place(self.window, self.startup.settings.window_geometry)
        self.library.set_loading(True)
        if exit_when_ready or ready_then_wait:
            self._reporter = ReadyReporter(self.qapp, self.window, stay=ready_then_wait)
            self._reporter.arm()
        # Once the window is on screen (painted, and the loop idle), load the rest.
        when_idle(self, self._assemble_safely)
        if problems and not (exit_when_ready or ready_then_wait):
            QTimer.singleShot(0, self, lambda: self._tell(problems))

    def _assemble_safely(self) -> None:
        try:
            self._assemble()
        except Exception as error:  # reported like any failure to load
            self._assembly_failed(error)

    def shutdown(self) -> None:
        """Let queued writes reach the disk and background work end before the process does."""
        if self.parts is not None:
            self.parts.library.stop_checking()
        self.tasks.wait()
        if self.parts is not None and self.services is not None:
            self.parts.shutdown()
            # What the disk refuses even now stays in the recovery journal for the next start.
            self.services.storage.close()
            self.tasks.wait()
        self.shut_down = True

    def quit_now(self) -> None:
        """Quit without asking (a termination signal): as "Avsluta appen" would."""
        guard = self.parts.quit_guard if self.parts is not None else None
        if guard is not None:
            guard.quit_without_asking()
        self.qapp.quit()

    def _tell(self, problems: Sequence[str]) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, _("Bra att veta"), "\n\n".join(problems))


def run_app(
    *,
    startup: Startup | None = None,
    portable: bool = False,
    language: str | None = None,
    exit_when_ready: bool = False,
    ready_then_wait: bool = False,
    drive: bool = False,
    argv: Sequence[str] = (),
) -> int:
    if startup is None:
        startup = prepare(portable, language)
    problem = display_problem(os.environ, sys.platform)
    if problem:
        # Without this, Qt aborts the process with a message about platform plugins.
        sys.stderr.write(problem + "\n")
        return 1
    qapp = QApplication(list(argv) or sys.argv[:1])
    qapp.setApplicationName("Facilitator")
    install_qt_translation(qapp, i18n.active_language())
    data_dir = startup.paths.data_dir
    lock = claim_folder(data_dir)  # held while the app runs
    if lock is None:
        from facilitator.ui.single_instance import hand_over

        return hand_over(data_dir, interactive=not (drive or exit_when_ready or ready_then_wait))
    application = Application(qapp, startup, interactive=not drive)
    guard_process(
        application, application.window, application.quit_now, data_dir, application.assembled
    )
    if drive:
        from facilitator.ui.driver import Driver

        def attach() -> None:
            # Once the parts exist: the driver listens, then says ready.
            assert application.services is not None and application.parts is not None
            Driver(application.services, application.parts)

        application.assembled.connect(attach)
        application.start([], exit_when_ready=False)
    else:
        application.start(startup.problems, exit_when_ready, ready_then_wait)
    code = qapp.exec()
    # Everything durable is done once shutdown has run (see ui/leaving.py).
    return leave(code) if application.shut_down else code
