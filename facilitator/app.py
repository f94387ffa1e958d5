"""The composition root: builds the services and the windows and wires them; the only module
that knows every part. The CLI imports it only to launch the app.

Start-up happens in three phases (docs/decisions/0004-startup.md):
1. the window with its (empty) library page is shown and painted;
2. the library fills in: the catalog and its controller, the cards from the card cache — the
   library is usable (``ready_ms``);
3. the rest (the services, the pages and dialogs, pydantic's manifest models) is imported on a
   worker where it is Qt-free, then assembled on the GUI thread; then the database opens, on the
   storage executor, where SQLAlchemy is first imported.
Each later phase's imports stay inside it: they are what the phase before does without.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from facilitator.core import i18n
from facilitator.core.clock import Clock, SystemClock
from facilitator.core.i18n import _
from facilitator.startup import Startup
from facilitator.ui.errors import ExceptionHook
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.main_window import MainWindow, show_in_place
from facilitator.ui.ready import ReadyReporter, when_idle
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.theme import Look

if TYPE_CHECKING:
    from facilitator.core.application.services import AppServices
    from facilitator.core.content.catalog import Catalog
    from facilitator.core.films.playback import Player
    from facilitator.ui.library.library_controller import LibraryController
    from facilitator.ui.media_probes import MediaProbes
    from facilitator.ui.parts import UiParts

log = logging.getLogger(__name__)


class Application(QObject):
    """Phase one builds the window, phase two (``_open_library``) the library, phase three
    (``_assemble``) the services and the rest."""

    assembled = Signal()
    settled = Signal()
    """Every part assembled and the database open, or the leader told why it is not."""

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
        self.look = Look(qapp)
        self.look.apply(startup.settings.high_contrast)
        self.window = MainWindow()
        self.hook = ExceptionHook(startup.paths.log_file, self.window)
        self.library = LibraryPage()
        self.window.add_page(self.library)
        self.catalog: Catalog | None = None
        self.probe: MediaProbes | None = None
        self.library_controller: LibraryController | None = None
        self.services: AppServices | None = None
        self.parts: UiParts | None = None
        self._reporter: ReadyReporter | None = None
        self.shut_down = False
        self.is_settled = False
        self._usable = False
        self._untold: list[str] = []  # problems found before the parts that tell them

    @property
    def is_assembled(self) -> bool:
        return self.parts is not None

    def _open_library(self) -> None:
        """Phase two: the cards, read from the card cache where it holds them, with neither
        pydantic nor SQLAlchemy imported."""
        from facilitator.core.content.catalog import Catalog
        from facilitator.ui.library.library_controller import LibraryController
        from facilitator.ui.media_probes import MediaProbes

        self.catalog = Catalog.for_app(self.startup.paths)
        self.probe = MediaProbes()
        library = LibraryController(
            self.catalog, self.library, self.tasks, i18n.active_language, self.probe
        )
        self.library_controller = library
        library.loaded.connect(self._usable_now)
        library.failed.connect(self._library_problem)
        library.reload()

    def _library_problem(self, text: str) -> None:
        self._usable_now()  # as usable as it gets: the leader is told why
        if self.parts is not None:
            self.parts.shell.tell([text])
        else:
            self._untold.append(text)

    def _usable_now(self) -> None:
        if self._usable:
            return  # a later reload (an import, a tidy-up) is not a start
        self._usable = True
        if self._reporter is not None:
            self._reporter.usable()
        # Phase three once the cards are painted: its Qt-free imports on a worker, so the
        # library answers meanwhile (failed there, they fail again here and are told).
        from facilitator.core.application.preload import import_services

        def assemble(_result: object) -> None:
            self._assemble_safely()

        when_idle(self, lambda: self.tasks.run(import_services, assemble, assemble, owner=self))

    def _assemble(self) -> None:
        from facilitator.core.application.housekeeping import keep_house_once_open
        from facilitator.core.application.recovery_journal import RecoveryJournal
        from facilitator.core.application.resume import SessionResumer
        from facilitator.core.application.services import AppServices
        from facilitator.core.application.sessions import Sessions
        from facilitator.core.application.settings_service import SettingsService
        from facilitator.core.application.storage_gateway import StorageGateway
        from facilitator.ui.parts import build_parts
        from facilitator.ui.serial_writer import SerialWriter

        assert self.catalog is not None and self.library_controller is not None
        assert self.probe is not None
        paths = self.startup.paths
        settings = SettingsService(self.startup.settings_store, self.startup.settings)
        journal = RecoveryJournal.of_data_folder(paths.data_dir)
        storage = StorageGateway(SerialWriter(self), paths, journal=journal)
        sessions = Sessions(storage, self.clock, i18n.active_language())
        catalog = self.catalog
        resumer = SessionResumer(storage, sessions, self.clock, catalog.open_module)
        services = AppServices(paths, self.clock, settings, storage, catalog, sessions, resumer)
        self.services = services
        parts = build_parts(
            self.qapp,
            self.window,
            self.library,
            self.library_controller,
            self.probe,
            services,
            self.tasks,
        )
        parts.wire(self._make_player, interactive=self.interactive)
        self.parts = parts
        storage.failed.connect(lambda message: parts.shell.tell([message]))
        settings.changed.connect(lambda changed: self.look.apply(changed.high_contrast))
        storage.refused_at_open.connect(lambda message: parts.shell.tell([message]))

        def reload_if(removed: list[Path]) -> None:
            if removed:
                parts.library.reload()

        keep_house_once_open(
            storage, lambda: settings.current.retention_days, paths.user_modules_dir, reload_if
        )
        storage.opened.connect(lambda _none: resumer.look())
        for told in (storage.opened, storage.failed, storage.refused_at_open):
            told.connect(lambda _value: self._settle())
        self.window.set_parts_ready(True)
        self.library_controller.let_plans_through()
        if self._untold:
            parts.shell.tell(self._untold)
            self._untold = []
        storage.open()  # first in the executor's line: whatever is asked of it waits behind
        self.assembled.emit()

    def _settle(self) -> None:
        if self.is_settled:
            return
        self.is_settled = True
        if self._reporter is not None:
            self._reporter.stored()
        self.settled.emit()

    def _assembly_failed(self, error: Exception) -> None:
        log.error("The app could not load its parts: %r", error)
        message = _("Appen kunde inte läsa in alla sina delar ({error}). Se loggfilen.")
        self._settle()  # the start is over, if not as it should be
        self._tell([message.format(error=error)])

    def _make_player(self) -> Player:
        from facilitator.ui.video.room_player import make_room_player

        assert self.services is not None
        return make_room_player(self.qapp, self.services.settings.current.subtitle_size)

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
        # Once the window is on screen (painted, and the loop idle), fill the library.
        self.window.set_parts_ready(False)
        when_idle(self, self._open_library)
        if problems and not (exit_when_ready or ready_then_wait):
            QTimer.singleShot(0, self, lambda: self._tell(problems))

    def _assemble_safely(self) -> None:
        try:
            self._assemble()
        except Exception as error:  # reported like any failure to load
            self._assembly_failed(error)

    def shutdown(self) -> None:
        """Let queued writes reach the disk and background work end before the process does."""
        if self.library_controller is not None:
            self.library_controller.stop_checking()
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
