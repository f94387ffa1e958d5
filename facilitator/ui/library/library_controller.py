"""Fills the library from the catalog (off the GUI thread) and turns a choice of modules and
a length into a plan for the planner.

It is built before the rest of the app, so the cards can show as soon as the window is up
(decision 0004): the module checker and the planning code are imported when first used, and a
plan asked for before the planner is assembled is made once it is."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from facilitator.core.content.catalog import Catalog
from facilitator.core.content.entry import ModuleEntry
from facilitator.core.content.media_probe import MediaProbe
from facilitator.core.i18n import _
from facilitator.ui.library.card import ModuleCardData
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.tasks import BackgroundTasks

if TYPE_CHECKING:
    from facilitator.core.content.report import ModuleReport
    from facilitator.core.planning import OpenModule

log = logging.getLogger(__name__)


def card_data(entry: ModuleEntry, language: str) -> ModuleCardData:
    # A module whose files are still being checked can be chosen; one with errors cannot.
    return ModuleCardData(
        key=entry.id,
        title=entry.title(language),
        summary=entry.summary(language),
        variant_minutes=entry.variant_minutes,
        film_seconds=entry.film_seconds,
        languages=entry.languages,
        problems=tuple(p.describe(entry.path) for p in entry.problems),
        runnable=entry.version is not None and not entry.errors,
    )


class LibraryController(QObject):
    loaded = Signal()
    checked = Signal()
    plan_ready = Signal(object, dict)  # the SessionPlan, {module id: OpenModule}
    failed = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        page: LibraryPage,
        tasks: BackgroundTasks,
        language: Callable[[], str],
        probe: Callable[[], MediaProbe | None],
    ) -> None:
        super().__init__(page)
        self._catalog = catalog
        self._page = page
        self._tasks = tasks
        self._language = language
        self._probe = probe
        self._checking = True
        self.all_checked = False
        """Every module's files checked (``checked`` was emitted)."""
        self._plans_wait = True
        self._waiting_plan: tuple[list[str], int] | None = None
        page.plan_requested.connect(self.make_plan)

    def reload(self) -> None:
        self._page.set_loading(True)
        language = self._language()  # read here: the load runs on a worker

        def load() -> list[ModuleEntry]:
            self._catalog.load()
            return self._catalog.library(language)

        self._tasks.run(load, self._show, self._load_failed, owner=self)

    def _show(self, entries: list[ModuleEntry]) -> None:
        self._refresh_cards(entries)
        self.loaded.emit()
        self._check_next()

    def _refresh_cards(self, entries: list[ModuleEntry]) -> None:
        language = self._language()
        self._page.set_modules([card_data(e, language) for e in entries])

    def _check_next(self) -> None:
        """Check the modules' files one at a time in the background; each result updates the
        cards (film length, problems) as it arrives."""
        pending = self._catalog.unchecked() if self._checking else []
        if not pending:
            self.all_checked = True
            self.checked.emit()
            return
        folder = pending[0].path

        def check() -> ModuleReport:
            from facilitator.core.content.validate import validate_module  # on the worker

            return validate_module(folder, self._probe())

        self._tasks.run(
            check,
            self._checked,
            self._check_failed,
            owner=self,
        )

    def stop_checking(self) -> None:
        """At shutdown: the check in hand finishes, no other starts; the next start goes on
        where this one stopped (the catalog cache keeps each result)."""
        self._checking = False

    def _checked(self, report: ModuleReport) -> None:
        self._catalog.record(report)
        self._refresh_cards(self._catalog.library(self._language()))
        self._check_next()

    def _check_failed(self, error: Exception) -> None:
        log.error("Module check failed: %s", error)
        self.all_checked = True
        self.checked.emit()

    def _load_failed(self, error: Exception) -> None:
        self._page.set_modules([])
        self.failed.emit(
            _("Modulerna gick inte att läsa in ({error}). Se loggfilen.").format(error=error)
        )

    def open_module(self, module_id: str, version: str | None = None) -> OpenModule | None:
        return self._catalog.open_module(module_id, version)

    def let_plans_through(self) -> None:
        """The planner is assembled: make the plan asked for before it was, if any."""
        self._plans_wait = False
        waiting, self._waiting_plan = self._waiting_plan, None
        if waiting is not None:
            self.make_plan(*waiting)

    def make_plan(self, module_ids: list[str], minutes: int) -> None:
        if self._plans_wait:
            self._waiting_plan = (list(module_ids), minutes)
            return
        from facilitator.core.planning import ModuleChoice, plan_for

        manifests: dict[str, OpenModule] = {}
        choices: list[ModuleChoice] = []
        for module_id in module_ids:
            opened = self.open_module(module_id)
            if opened is None:
                self.failed.emit(_("Modulen {id} gick inte att öppna.").format(id=module_id))
                return
            manifests[module_id] = opened
            choices.append(ModuleChoice(opened.manifest, opened.manifest.variant(minutes)))
        plan = plan_for(choices, self._language())
        self.plan_ready.emit(plan, manifests)
