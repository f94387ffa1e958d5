"""The composition root: builds settings, catalog, storage, services and windows, and wires
them. The only module that knows every part. The CLI imports it only to launch the app.

Start-up happens in two phases (docs/decisions/0004-startup.md): the window with its library
page appears first; the heavy parts (pydantic, SQLAlchemy, reportlab and the UI built on them)
are imported on a worker thread meanwhile and assembled on the GUI thread when they are ready.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QObject, QTimer, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from facilitator.core import i18n
from facilitator.core.i18n import _
from facilitator.core.paths import resources_dir
from facilitator.core.settings import Settings
from facilitator.startup import Startup, prepare, warm_up
from facilitator.ui.errors import ExceptionHook
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.main_window import MainWindow
from facilitator.ui.ready import ReadyReporter, when_idle
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.theme import stylesheet

if TYPE_CHECKING:
    from facilitator.core.clock import SystemClock
    from facilitator.core.content.media_probe import MediaProbe
    from facilitator.core.planning import OpenModule
    from facilitator.core.session.plan import SessionPlan
    from facilitator.ui.console.resume import Interrupted, Resumable
    from facilitator.ui.console.session_launcher import RunningSession
    from facilitator.ui.library.planner_page import PlannerPage
    from facilitator.ui.video.vlc_player import VlcPlayer
    from facilitator.ui.widgets.cue_sound import CueSound

# The Qt side, imported on the GUI thread after ``warm_up``, one module per turn of the event
# loop so the window never stalls for all of them at once; dependencies first, so each turn
# imports little (the first pays for PySide6's `Qt` namespace).
UI_MODULES = (
    "facilitator.ui.widgets.reflection_list",
    "facilitator.ui.widgets.reflection_panel",
    "facilitator.ui.console.evaluation_page",
    "facilitator.ui.console.closeout_pages",
    "facilitator.ui.console.closeout_flow",
    "facilitator.ui.console.session_controller",
    "facilitator.ui.console.film_runner",
    "facilitator.ui.console.session_launcher",
    "facilitator.ui.console.resume",
    "facilitator.ui.library.history_controller",
    "facilitator.ui.library.library_controller",
    "facilitator.ui.library.plan_files_controller",
    "facilitator.ui.library.module_importer",
    "facilitator.ui.export_runner",
)


log = logging.getLogger(__name__)


class Application(QObject):
    """Owns the windows and wires their signals to the services."""

    assembled = Signal()

    def __init__(self, qapp: QApplication, startup: Startup) -> None:
        super().__init__(qapp)
        self.qapp = qapp
        self.paths = startup.paths
        self.settings_store = startup.settings_store
        self.settings = startup.settings
        self.language = i18n.active_language
        self.tasks = BackgroundTasks(parent=qapp)
        # Before any widget exists, so each is styled once, not styled and then restyled.
        qapp.setStyleSheet(stylesheet("console"))
        self.window = MainWindow()
        self.hook = ExceptionHook(self.paths.log_file, self.window)
        self.library = LibraryPage()
        self.window.add_page(self.library)
        # The planner, the cue and the rest wait for _assemble, so the first paint is quick.
        self.planner: PlannerPage
        self.cue: CueSound
        self.clock: SystemClock
        self._probe: MediaProbe | None = None
        self._modules: dict[str, OpenModule] = {}
        self.is_assembled = False
        self.driven = False
        self._storage_problem: str | None = None
        w = self.window
        w.about_requested.connect(self.show_about)
        w.keys_requested.connect(self.show_keys)
        w.library_requested.connect(lambda: w.show_page(self.library))
        w.settings_requested.connect(self.edit_settings)

    def _import_ui(self, remaining: list[str]) -> None:
        if not remaining:
            self._assemble()
            return
        try:
            importlib.import_module(remaining.pop(0))
        except Exception as error:  # reported like any failure to load
            self._assembly_failed(error)
            return
        QTimer.singleShot(0, self, lambda: self._import_ui(remaining))

    def _assemble(self, _loaded: object = None) -> None:
        """Phase two, on the GUI thread once ``warm_up`` has imported the heavy parts."""
        from facilitator.core.clock import SystemClock
        from facilitator.core.content.catalog import Catalog
        from facilitator.core.export.gather import catalog_manifests
        from facilitator.ui.console.closeout_flow import CloseoutFlow
        from facilitator.ui.console.resume import ResumeController
        from facilitator.ui.console.session_launcher import SessionLauncher
        from facilitator.ui.export_runner import ExportRunner
        from facilitator.ui.library.history_controller import HistoryController
        from facilitator.ui.library.history_page import HistoryPage
        from facilitator.ui.library.library_controller import LibraryController
        from facilitator.ui.library.module_importer import ModuleImporter
        from facilitator.ui.library.plan_files_controller import PlanFilesController
        from facilitator.ui.library.planner_page import PlannerPage
        from facilitator.ui.session_store import SessionStore
        from facilitator.ui.widgets.cue_sound import CueSound

        self.clock = SystemClock()
        self.cue = CueSound(
            resources_dir() / "sounds" / "end-of-step.wav", self.settings.end_of_step_sound
        )
        self.planner = PlannerPage()
        self.window.add_page(self.planner)
        self.planner.back_requested.connect(lambda: self.window.show_page(self.library))
        self.catalog = Catalog.for_app(self.paths)
        self.store = SessionStore(self.paths, self.tasks, self.qapp)
        self.library_controller = LibraryController(
            self.catalog, self.library, self.tasks, self.language, self.media_probe
        )
        self.launcher = SessionLauncher(
            self.qapp,
            self.window,
            self.clock,
            self.settings_store,
            lambda: self.settings,
            self.cue.play,
            self.language,
            self._make_player,
            self.store,
        )
        self.resume = ResumeController(
            self.store, self.clock, self.library_controller.open_module, self._live_session
        )
        self.plan_files = PlanFilesController(
            self.planner,
            self.paths.data_dir / "plans",
            lambda: self.settings,
            self.settings_store,
            self._apply_settings,
            lambda: self._modules,
            self.library_controller.open_module,
        )
        self.exports = ExportRunner(self.tasks, self.window)
        self.importer = ModuleImporter(
            self.window, self.tasks, self.paths.user_modules_dir, self.media_probe
        )
        self.history_page = HistoryPage()
        self.window.add_page(self.history_page)
        self.history = HistoryController(
            self.history_page,
            self.store,
            self.exports,
            self.paths.export_dir,
            lambda: catalog_manifests(self.catalog),
            lambda: self.settings.knowledge_target_percent,
        )
        self.closeout = CloseoutFlow(
            self.window,
            self.store,
            self.history.export_pdf,
            lambda: self.settings.knowledge_target_percent,
        )
        self._wire()
        self.is_assembled = True
        self.assembled.emit()
        self.library_controller.reload()
        self.store.open()

    def _assembly_failed(self, error: Exception) -> None:
        log.error("The app could not load its parts: %r", error)
        self._tell(
            [
                _("Appen kunde inte läsa in alla sina delar ({error}). Se loggfilen.").format(
                    error=error
                )
            ]
        )

    def _live_session(self) -> str | None:
        running = self.launcher.current
        return running.recorder.session_uuid if running is not None else None

    def _apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        if self.is_assembled:
            self.cue.enabled = settings.end_of_step_sound

    def media_probe(self) -> MediaProbe | None:
        """libVLC reads film lengths where it is installed (it is what plays them); ffprobe
        where only that is; otherwise the library goes without film lengths."""
        from facilitator.core.content.media_probe import default_probe
        from facilitator.ui.video.vlc_probe import VlcMediaProbe

        if self._probe is None:
            self._probe = VlcMediaProbe.find() or default_probe()
        return self._probe

    def _make_player(self) -> VlcPlayer:
        from facilitator.ui.video.vlc_player import VlcPlayer

        # Without a real display (offscreen tests, CI) libVLC must not open any output.
        headless = self.qapp.platformName() in ("offscreen", "minimal")
        return VlcPlayer(
            video_output="dummy" if headless else None,
            audio_output="dummy" if headless else None,
            subtitle_size=self.settings.subtitle_size,
        )

    def _wire(self) -> None:
        w = self.window
        w.history_requested.connect(self.show_history)
        w.import_module_requested.connect(self.importer.choose)
        self.library.packs_dropped.connect(self.importer.run_all)
        self.importer.imported.connect(lambda _result: self.library_controller.reload())
        self.library_controller.plan_ready.connect(self.open_planner)
        self.plan_files.opened.connect(self.open_planner)
        self.closeout.finished.connect(lambda: w.show_page(self.library))
        self.library_controller.failed.connect(lambda text: self._tell([text]))
        self.planner.start_requested.connect(self.start_session)
        self.planner.screen_chosen.connect(self._choose_screen)
        self.planner.check_requested.connect(lambda: self.run_check(tuple(self._modules)))
        w.check_requested.connect(self._check_from_menu)
        self.launcher.finished.connect(self._session_finished)
        self.store.failed.connect(self._store_failed)
        self.launcher.started.connect(self._remind_storage_problem)
        self.store.opened.connect(self._apply_retention)
        self.store.opened.connect(self._tidy_modules)
        self.store.opened.connect(self.resume.look)
        self.resume.found.connect(self._offer_resume)
        self.resume.ready.connect(self._resume_session)
        self.resume.failed.connect(lambda text: self._tell([text]))
        self.store.writer.trouble.connect(self._storage_trouble)
        self.store.writer.recovered.connect(self._storage_recovered)

    def show_history(self) -> None:
        self.history_page.set_modules(
            [(entry.id, entry.title(self.language())) for entry in self.catalog.library()]
        )
        self.window.show_page(self.history_page)
        self.history.show()

    def open_planner(self, plan: SessionPlan, modules: dict[str, OpenModule]) -> None:
        self._modules = modules
        self.planner.set_plan(plan)
        laptop = self.window.screen()
        others = [s.name() for s in self.qapp.screens() if s is not laptop]
        self.planner.set_screens(others, self.settings.projector_screen)
        self.window.show_page(self.planner)
        self.planner.focus_table()

    def edit_settings(self) -> None:
        from facilitator.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.window)
        if not dialog.exec():
            return
        settings = dialog.result_settings()
        try:
            self.settings_store.save(settings)
        except OSError as error:
            self._tell([_("Inställningarna sparades inte ({error}).").format(error=error)])
            return
        self._apply_settings(settings)

    def _tidy_modules(self) -> None:
        """Finish or undo an import a power cut interrupted, and drop old module versions no
        saved session refers to any more."""
        from facilitator.core.content.importer import prune_old_versions, remove_leftovers

        folder = self.paths.user_modules_dir

        def tidy() -> list[object]:
            in_use = self.store.repository().sessions.module_versions_in_use()
            remove_leftovers(folder)
            return list(prune_old_versions(folder, lambda mid, version: (mid, version) in in_use))

        def done(removed: list[object]) -> None:
            if removed:
                self.library_controller.reload()

        self.store.writer.submit(tidy, done)

    def _apply_retention(self) -> None:
        """Sessions older than the retention period go, for real, at start-up."""
        days = self.settings.retention_days
        if days:
            self.store.writer.submit(
                lambda: self.store.repository().erasure.delete_older_than(days),
                lambda count: log.info("Retention: %s old sessions deleted", count),
            )

    def _check_from_menu(self) -> None:
        planning = self.window.current_page() is self.planner
        self.run_check(tuple(self._modules) if planning else ())

    def run_check(self, module_ids: tuple[str, ...]) -> None:
        """The pre-session check; ``()`` checks every module in the library."""
        from facilitator.ui.precheck_source import PrecheckSource
        from facilitator.ui.widgets.precheck_dialog import PrecheckDialog

        # Films are decoded silently and unseen: the check must not put anything on the projector.
        source = PrecheckSource(self.paths, module_ids=module_ids)
        PrecheckDialog(source, self.window, tasks=self.tasks).exec()

    def _choose_screen(self, name: str | None) -> None:
        settings = self.settings.with_changes(projector_screen=name)
        try:
            self.settings_store.save(settings)
        except OSError:
            log.warning("Could not save the projector screen", exc_info=True)
        self.settings = settings

    def start_session(self, rehearse: bool) -> None:
        self.launcher.launch(self.planner.plan, self._modules, rehearse)

    def _offer_resume(self, interrupted: Interrupted) -> None:
        from facilitator.ui.widgets.resume_dialog import (
            InterruptedSession,
            ResumeChoice,
            ResumeDialog,
        )

        if self.driven:
            return  # the driver answers for the leader
        import json

        from facilitator.core.session.plan import SessionPlan

        record = interrupted.record
        plan = SessionPlan.from_dict(json.loads(record.plan_json))
        key = record.current_step_key
        step = plan.step(key) if key is not None and key in plan else None
        choice = ResumeDialog.ask(
            InterruptedSession(
                record.title,
                record.place,
                record.started_at,
                step.title if step else None,
                interrupted.reflections,
            ),
            self.window,
        )
        if choice == ResumeChoice.RESUME:
            self.resume.resume(interrupted)
        elif choice == ResumeChoice.CLOSE_AS_INTERRUPTED:
            self.resume.close(interrupted)

    def _resume_session(self, resumable: Resumable) -> None:
        self._modules = resumable.modules
        self.launcher.launch(
            resumable.plan,
            resumable.modules,
            rehearse=False,
            engine=resumable.engine,
            session_uuid=resumable.record.uuid,
        )

    def _store_failed(self, message: str) -> None:
        """The database did not open: what the group says is kept in memory only, so every
        session offers to save a copy elsewhere."""
        self._storage_problem = message
        self._tell([message])
        self._storage_trouble(message)

    def _remind_storage_problem(self, _running: object) -> None:
        if self._storage_problem:
            self._storage_trouble(self._storage_problem)

    def _storage_trouble(self, message: str) -> None:
        running = self.launcher.current
        if running is not None:
            running.console.show_notice(message, _("Spara en kopia…"), self.save_copy)
            running.console.save_state.setText(_("Inte sparat ännu – försöker igen"))
        log.warning("Storage trouble shown to the leader: %s", message)

    def save_copy(self) -> None:
        """When the data folder cannot be written: put the session's reflections somewhere
        else the leader chooses (a USB stick), as plain text anyone can open."""
        from PySide6.QtWidgets import QFileDialog

        running = self.launcher.current
        if running is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            _("Spara en kopia av reflektionerna"),
            str(Path.home() / "reflektioner.md"),
            _("Text (*.md *.txt)"),
        )
        if not name:
            return
        lines = [f"# {running.controller.engine.plan.title}", ""]
        for record in running.reflections.all_records():
            lines.append(f"- {record.kind.label}: {record.text}  ({record.prompt_text})")
        try:
            Path(name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError as error:
            self._tell(
                [
                    _("Kopian kunde inte sparas där ({error}). Välj en annan plats.").format(
                        error=error
                    )
                ]
            )

    def _storage_recovered(self) -> None:
        running = self.launcher.current
        if running is not None:
            running.console.notice.hide()
            running.console.save_state.setText(_("Sparat"))

    def _session_finished(self, running: RunningSession) -> None:
        running.console.deleteLater()
        if self.driven:
            self.window.show_page(self.library)
            return
        self.closeout.begin(running.recorder.session_uuid, self._modules)

    def start(
        self, problems: Sequence[str], exit_when_ready: bool, ready_then_wait: bool = False
    ) -> None:
        self.hook.install()
        self.qapp.aboutToQuit.connect(self.shutdown)
        self.window.show()
        self.library.set_loading(True)
        if exit_when_ready or ready_then_wait:
            ReadyReporter(self.qapp, self.window, stay=ready_then_wait).arm()
        # Once the window is on screen (painted, and the loop idle), load the rest.
        when_idle(
            self,
            lambda: self.tasks.run(
                warm_up,
                lambda _loaded: self._import_ui(list(UI_MODULES)),
                self._assembly_failed,
                owner=self,
            ),
        )
        if exit_when_ready or ready_then_wait:
            return
        if problems:
            QTimer.singleShot(0, lambda: self._tell(problems))

    def shutdown(self) -> None:
        """Let queued writes reach the disk and background work end before the process does."""
        self.tasks.wait()
        if self.is_assembled:
            running = self.launcher.current
            if running is not None:
                running.recorder.progress(running.controller.engine)
            self.store.close()
            self.tasks.wait()
            self.cue.release()

    def show_keys(self) -> None:
        from facilitator.ui.widgets.key_help import KeyHelp

        KeyHelp(self.window).exec()

    def show_about(self) -> None:
        from facilitator.ui.about import AboutDialog
        from facilitator.ui.video.availability import probe_libvlc

        AboutDialog(probe_libvlc(), self.paths, self.window).exec()

    def _tell(self, problems: Sequence[str]) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, _("Bra att veta"), "\n\n".join(problems))


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """On Linux and BSD a window needs an X11 or Wayland display (or an explicit Qt platform)."""
    if not platform.startswith(("linux", "freebsd", "openbsd")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return _(
        "Ingen bildskärm hittades, så fönstret kan inte visas. Starta appen från skrivbordet, "
        "eller ange en skärm med DISPLAY. Kommandona (facilitator modules, check, export …) "
        "fungerar utan skärm."
    )


def install_qt_translation(qapp: QApplication, language: str) -> QTranslator | None:
    """Qt's own texts (standard buttons, file dialogs) in the app's language."""
    translator = QTranslator(qapp)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        qapp.installTranslator(translator)
        return translator
    log.info("No Qt translation for %s in %s", language, folder)
    return None


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
    application = Application(qapp, startup)
    if drive:
        from facilitator.ui.driver import Driver

        driver = Driver(application)
        application.assembled.connect(driver.attach)
        application.start([], exit_when_ready=False)
        return qapp.exec()
    application.start(startup.problems, exit_when_ready, ready_then_wait)
    return qapp.exec()
