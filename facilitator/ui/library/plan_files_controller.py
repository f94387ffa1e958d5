"""Save the planner's plan as a template, and open saved or recent plans."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.i18n import _
from facilitator.core.plan_files import SUFFIX, PlanFileError, load_plan, save_plan
from facilitator.core.planning import OpenModule
from facilitator.core.session.plan import SessionPlan
from facilitator.ui.library.planner_page import PlannerPage

log = logging.getLogger(__name__)

RECENT = 10


class PlanFilesController(QObject):
    opened = Signal(SessionPlan, dict)  # the plan, {module id: OpenModule}

    def __init__(
        self,
        planner: PlannerPage,
        folder: Path,
        settings: SettingsService,
        modules: Callable[[], dict[str, OpenModule]],
        open_module: Callable[[str, str | None], OpenModule | None],
    ) -> None:
        super().__init__(planner)
        self._planner = planner
        self._folder = folder
        self._settings = settings
        self._modules = modules
        self._open_module = open_module
        planner.save_template_requested.connect(self.save)
        planner.open_template_requested.connect(self.choose)

    def save(self) -> None:
        suggested = self._folder / (self._planner.plan.title.replace("/", "-") + SUFFIX)
        name, _filter = QFileDialog.getSaveFileName(
            self._planner, _("Spara planen"), str(suggested), _("Planer (*.plan.json)")
        )
        if not name:
            return
        modules = tuple((m.manifest.id, m.manifest.version) for m in self._modules().values())
        try:
            path = save_plan(Path(name), self._planner.plan, modules)
        except OSError as error:
            QMessageBox.warning(
                self._planner,
                _("Planen sparades inte"),
                _("Planen kunde inte sparas ({error}). Välj en annan mapp.").format(
                    error=error.strerror or error
                ),
            )
            return
        self._remember(path)

    def choose(self) -> None:
        recent = [Path(p) for p in self._settings.current.recent_plans if Path(p).is_file()]
        menu = QMenu(self._planner)
        for path in recent:
            action = menu.addAction(path.name.removesuffix(SUFFIX))
            action.setData(str(path))
            action.triggered.connect(self._open_action)
        if recent:
            menu.addSeparator()
        menu.addAction(_("Bläddra…"), self._browse)
        menu.exec(
            self._planner.open_button.mapToGlobal(self._planner.open_button.rect().bottomLeft())
        )

    def _open_action(self) -> None:
        action = self.sender()
        data = action.data() if action is not None and hasattr(action, "data") else None
        if data:
            self.open(Path(str(data)))

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self._planner, _("Öppna en plan"), str(self._folder), _("Planer (*.plan.json)")
        )
        if name:
            self.open(Path(name))

    def open(self, path: Path) -> None:
        try:
            saved = load_plan(path)
        except PlanFileError as error:
            QMessageBox.warning(self._planner, _("Planen gick inte att öppna"), str(error))
            return
        modules: dict[str, OpenModule] = {}
        for module_id, version in saved.modules:
            opened = self._open_module(module_id, version) or self._open_module(module_id, None)
            if opened is None:
                QMessageBox.warning(
                    self._planner,
                    _("Planen gick inte att öppna"),
                    _("Modulen {id} som planen bygger på finns inte på den här datorn.").format(
                        id=module_id
                    ),
                )
                return
            modules[module_id] = opened
        self._remember(path)
        plan: SessionPlan = saved.plan
        self.opened.emit(plan, modules)

    def _remember(self, path: Path) -> None:
        recent = [str(path)] + [p for p in self._settings.current.recent_plans if p != str(path)]
        self._settings.change(recent_plans=tuple(recent[:RECENT]))
