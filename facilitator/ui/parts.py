"""The UI's last phase: the pages and controllers built on the services, and how they are
wired. Built by the composition root (``facilitator.app``) once the library is usable; the
library's own controller and media probe come from the phase before (decision 0004)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from facilitator.core.application.phone_room import PhoneRoom
from facilitator.core.application.self_study import SelfStudyService
from facilitator.core.application.services import AppServices
from facilitator.core.application.session_service import SessionService
from facilitator.core.content.manifest import Manifest
from facilitator.core.export.gather import catalog_manifests
from facilitator.core.films.playback import Player
from facilitator.core.paths import resources_dir
from facilitator.core.planning import OpenModule
from facilitator.ui.console.closeout_flow import CloseoutFlow
from facilitator.ui.console.quit_guard import QuitGuard
from facilitator.ui.console.resume_offer import ResumeOffer
from facilitator.ui.console.session_launcher import SessionLauncher
from facilitator.ui.console.session_phones import SessionPhones
from facilitator.ui.export_destination import ExportDestination
from facilitator.ui.export_runner import ExportRunner
from facilitator.ui.library.history_controller import HistoryController
from facilitator.ui.library.history_page import SessionHistoryPage
from facilitator.ui.library.library_controller import LibraryController
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.library.module_importer import ModuleImporter
from facilitator.ui.library.module_pages import ModulePages
from facilitator.ui.library.module_printing import ModulePrinting
from facilitator.ui.library.plan_files_controller import PlanFilesController
from facilitator.ui.library.planner_page import PlannerPage
from facilitator.ui.library.planning_flow import PlanningFlow
from facilitator.ui.library.session_exports import SessionExporter
from facilitator.ui.main_window import MainWindow
from facilitator.ui.media_probes import MediaProbes
from facilitator.ui.self_study.library_progress import LibraryProgress
from facilitator.ui.self_study.logbook_flow import LogbookFlow
from facilitator.ui.self_study.logbook_page import LogbookPage
from facilitator.ui.self_study.self_study_flow import SelfStudyFlow
from facilitator.ui.self_study.self_study_page import SelfStudyPage
from facilitator.ui.shell import Shell
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.widgets.cue_sound import CueSound

if TYPE_CHECKING:
    from facilitator.phones_web.server import PhoneServer


@dataclass
class UiParts:
    qapp: QApplication
    window: MainWindow
    services: AppServices
    shell: Shell
    library: LibraryController
    planner: PlannerPage
    planning: PlanningFlow
    plan_files: PlanFilesController
    importer: ModuleImporter
    history_page: SessionHistoryPage
    history: HistoryController
    closeout: CloseoutFlow
    cue: CueSound
    library_page: LibraryPage
    tasks: BackgroundTasks
    exports: ExportRunner
    self_study: SelfStudyService
    study_page: SelfStudyPage
    logbook_page: LogbookPage
    logbook: LogbookFlow
    study_progress: LibraryProgress
    study: SelfStudyFlow | None = None
    launcher: SessionLauncher | None = None
    quit_guard: QuitGuard | None = None
    module_pages: ModulePages | None = None

    def _session_phones(
        self, service: SessionService, tell: Callable[[str], None], changed: Callable[[], None]
    ) -> SessionPhones:
        s = self.services

        def make_server(room: PhoneRoom, address: str) -> PhoneServer:
            from facilitator.phones_web.server import PhoneServer  # noqa: PLC0415

            return PhoneServer(room, address, locale_dir=resources_dir() / "locale")

        def address() -> str | None:
            from facilitator.phones_web.network import listening_address  # noqa: PLC0415

            return listening_address()

        return SessionPhones(
            service, s.storage, s.settings, s.clock, address, make_server, tell, changed
        )

    def wire(self, make_player: Callable[[], Player], *, interactive: bool) -> None:
        w, s = self.window, self.services
        self.launcher = SessionLauncher(
            self.qapp,
            w,
            s.sessions,
            s.settings,
            s.storage,
            self.cue.play,
            make_player,
            self._session_phones,
        )
        self.module_pages = ModulePages(
            w,
            self.library_page,
            self.library,
            self._module_printing,
            make_player,
            lambda: s.settings.current.subtitle_language,
            self.shell.tell,
        )
        w.library_requested.connect(lambda: w.show_page(self.library_page))
        w.history_requested.connect(self.show_history)
        w.import_module_requested.connect(self.importer.choose)
        self.planner.back_requested.connect(lambda: w.show_page(self.library_page))
        self.planner.check_requested.connect(
            lambda: self.shell.run_check(tuple(self.planning.modules))
        )
        self.library_page.packs_dropped.connect(self.importer.run_all)
        self.importer.imported.connect(lambda _result: self.library.reload())
        self.library.plan_ready.connect(self.planning.open)
        self.plan_files.opened.connect(self.planning.open)
        self.closeout.finished.connect(lambda: w.show_page(self.library_page))
        s.settings.changed.connect(lambda settings: self.cue.enable(settings.end_of_step_sound))
        s.resumer.failed.connect(lambda text: self.shell.tell([text]))
        s.storage.opened.connect(
            lambda _none: self.self_study.load(s.settings.current.retention_days)
        )
        self._wire_self_study(make_player)
        self.quit_guard = QuitGuard(
            w, s.sessions, self.launcher, s.settings, s.storage, ask=interactive
        )
        if interactive:
            ResumeOffer(w, s.resumer)
            self.launcher.closed.connect(self._after_session)
        else:
            self.launcher.closed.connect(lambda _service: w.show_page(self.library_page))

    def _wire_self_study(self, make_player: Callable[[], Player]) -> None:
        w, progress = self.window, self.study_progress
        self.study = SelfStudyFlow(
            w, self.study_page, self.self_study, self._open_module, make_player
        )
        self.study.failed.connect(lambda text: self.shell.tell([text]))
        w.self_study_requested.connect(self.study.open)
        self.library_page.self_study_requested.connect(w.open_self_study)
        if self.module_pages is not None:
            # The module page's "Gå igenom på egen hand" is greyed out until this is connected.
            self.module_pages.self_study_requested.connect(w.open_self_study)
        w.logbook_requested.connect(self._show_logbook)
        self.study_page.logbook_requested.connect(self._show_logbook)
        self.study_page.back_requested.connect(self.show_library)
        self.logbook_page.back_requested.connect(self.show_library)
        w.library_requested.connect(progress.refresh)
        # Once, when the answers have loaded: the library is usable long before (decision 0004).
        loaded = self.self_study.changed.connect(lambda _none: first_read())

        def first_read() -> None:
            if self.self_study.loaded:
                loaded.cancel()
                progress.refresh()

    def _open_module(self, module_id: str) -> OpenModule | None:
        return self.services.catalog.open_module(module_id)

    def _show_logbook(self) -> None:
        if self.study is not None:
            self.study.leave()
        self.logbook.show()

    def show_library(self) -> None:
        if self.study is not None:
            self.study.leave()
        self.study_progress.refresh()
        self.window.show_page(self.library_page)

    def _after_session(self, service: SessionService) -> None:
        self.closeout.begin(
            service.session_uuid, service.modules, service.engine.initial_plan, service.rehearsal
        )

    def _module_printing(self) -> ModulePrinting:
        return ModulePrinting(ExportDestination(self.window, self.services.settings), self.exports)

    def show_history(self) -> None:
        language = self.services.sessions.language
        self.history_page.set_modules(
            [
                (entry.id, entry.title(language))
                for entry in self.services.catalog.library(language)
            ],
            language,
        )
        self.window.show_page(self.history_page)
        self.history.show()

    def shutdown(self) -> None:
        running = self.services.sessions.current
        if running is not None:
            running.save_progress()
        if self.module_pages is not None:
            self.module_pages.release()
        self.cue.release()


def build_parts(
    qapp: QApplication,
    window: MainWindow,
    library_page: LibraryPage,
    library: LibraryController,
    probe: MediaProbes,
    services: AppServices,
    tasks: BackgroundTasks,
) -> UiParts:
    s = services
    planner = PlannerPage()
    window.add_page(planner)
    planning = PlanningFlow(qapp, window, planner, s.settings, s.sessions)
    shell = Shell(window, s.paths, s.settings, tasks, planning.planned_module_ids)
    exports = ExportRunner(tasks, window)
    history_page = SessionHistoryPage()
    window.add_page(history_page)
    exporter = SessionExporter(
        s.storage,
        exports,
        ExportDestination(window, s.settings),
        lambda: catalog_manifests(s.catalog),
        s.settings,
    )
    history = HistoryController(history_page, s.storage, exporter)
    self_study = SelfStudyService(
        s.storage, s.clock, lambda mid, v: _manifest(s, mid, v), s.sessions.language
    )
    study_page = SelfStudyPage()
    window.add_page(study_page)
    logbook_page = LogbookPage()
    window.add_page(logbook_page)
    return UiParts(
        qapp=qapp,
        window=window,
        services=s,
        shell=shell,
        library=library,
        planner=planner,
        planning=planning,
        plan_files=PlanFilesController(
            planner,
            s.paths.data_dir / "plans",
            s.settings,
            lambda: planning.modules,
            s.catalog.open_module,
        ),
        importer=ModuleImporter(window, tasks, s.paths.user_modules_dir, probe),
        history_page=history_page,
        history=history,
        closeout=CloseoutFlow(window, s.storage, exporter.export_pdf, s.settings),
        cue=CueSound(
            resources_dir() / "sounds" / "end-of-step.wav", s.settings.current.end_of_step_sound
        ),
        library_page=library_page,
        tasks=tasks,
        exports=exports,
        self_study=self_study,
        study_page=study_page,
        logbook_page=logbook_page,
        logbook=LogbookFlow(
            window,
            logbook_page,
            self_study,
            s.clock,
            exports,
            ExportDestination(window, s.settings),
        ),
        study_progress=LibraryProgress(library_page, self_study, s.catalog.open_module),
    )


def _manifest(services: AppServices, module_id: str, version: str) -> Manifest | None:
    found = services.catalog.open_module(module_id, version)
    return found.manifest if found is not None else None
