"""What the main window's menus open that belongs to no page: the settings, the key sheet,
the about box and the pre-session check; and the one place that tells the leader a problem
in a message box."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.i18n import _
from facilitator.core.paths import AppPaths
from facilitator.ui.about import AboutDialog
from facilitator.ui.main_window import MainWindow
from facilitator.ui.precheck.dialog import PrecheckDialog
from facilitator.ui.precheck.source import PrecheckSource
from facilitator.ui.settings_dialog import SettingsDialog
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.video.availability import probe_libvlc
from facilitator.ui.widgets.key_help import KeyHelp
from facilitator.ui.widgets.notice_box import show_notice


class Shell:
    def __init__(
        self,
        window: MainWindow,
        paths: AppPaths,
        settings: SettingsService,
        tasks: BackgroundTasks,
        planned_modules: Callable[[], tuple[str, ...]],
    ) -> None:
        """``planned_modules``: the modules of the plan on screen, which the check from the
        menu looks at (none: the whole library)."""
        self._window = window
        self._paths = paths
        self._settings = settings
        self._tasks = tasks
        self._planned_modules = planned_modules
        self._notice: QMessageBox | None = None
        window.about_requested.connect(self.show_about)
        window.keys_requested.connect(self.show_keys)
        window.settings_requested.connect(self.edit_settings)
        window.check_requested.connect(lambda: self.run_check(self._planned_modules()))

    def tell(self, problems: Sequence[str]) -> None:
        """One box however many things there are to tell: a later problem is added to the box
        still showing (a data folder refused at start, then its database), not stacked."""
        box = self._notice
        if box is not None and box.isVisible():
            new = [p for p in problems if p not in box.text()]
            if new:
                box.setText("\n\n".join([box.text(), *new]))
            return
        self._notice = show_notice(self._window, _("Bra att veta"), "\n\n".join(problems))
        self._notice.finished.connect(self._forget_notice)

    def _forget_notice(self) -> None:
        self._notice = None  # deleted on close

    def show_keys(self) -> None:
        KeyHelp(self._window).exec()

    def show_about(self) -> None:
        AboutDialog(probe_libvlc(), self._paths, self._window).exec()

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self._settings.current, self._window)
        if not dialog.exec():
            return
        problem = self._settings.replace(dialog.result_settings())
        if problem:
            self.tell([problem])

    def run_check(self, module_ids: tuple[str, ...]) -> None:
        """The pre-session check; ``()`` checks every module in the library."""
        # Films are decoded silently and unseen: the check must not put anything on the projector.
        source = PrecheckSource(self._paths, module_ids=module_ids)
        PrecheckDialog(source, self._window, tasks=self._tasks).exec()
