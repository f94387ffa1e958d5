"""From a plan to a running session: the planner shows the plan and the screens to choose
from, remembers the chosen projector, the place and the leader's name, and starts the session
(or a rehearsal) with them."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from facilitator.core.application.sessions import Sessions
from facilitator.core.application.settings_service import SettingsService
from facilitator.core.planning import OpenModule
from facilitator.core.session.plan import SessionPlan
from facilitator.core.user_text import clean_user_text
from facilitator.ui.library.planner_page import PlannerPage
from facilitator.ui.main_window import MainWindow


class PlanningFlow:
    def __init__(
        self,
        qapp: QGuiApplication,
        window: MainWindow,
        planner: PlannerPage,
        settings: SettingsService,
        sessions: Sessions,
    ) -> None:
        self._qapp = qapp
        self._window = window
        self._planner = planner
        self._settings = settings
        self._sessions = sessions
        self.modules: dict[str, OpenModule] = {}
        planner.start_requested.connect(self.start)
        planner.screen_chosen.connect(lambda name: settings.change(projector_screen=name))
        planner.phones_toggled.connect(lambda on: settings.change(phones_on=on))

    def open(self, plan: SessionPlan, modules: dict[str, OpenModule]) -> None:
        self.modules = dict(modules)
        self._planner.set_plan(plan)
        current = self._settings.current
        self._planner.set_facts(current.last_place, current.leader_name)
        self._planner.set_phones_on(current.phones_on)
        laptop = self._window.screen()
        others = [s.name() for s in self._qapp.screens() if s is not laptop]
        self._planner.set_screens(others, self._settings.current.projector_screen)
        self._window.show_page(self._planner)
        self._planner.focus_table()

    def planned_module_ids(self) -> tuple[str, ...]:
        """The modules the check from the menu looks at: the plan's, while it is on screen."""
        planning = self._window.current_page() is self._planner
        return tuple(self.modules) if planning else ()

    def start(self, rehearse: bool) -> None:
        place = clean_user_text(self._planner.place())
        leader = clean_user_text(self._planner.leader())
        # Remembered for the next plan: a leader mostly holds sessions in the same room.
        self._settings.change(last_place=place, leader_name=leader)
        self._sessions.begin(
            self._planner.plan, self.modules, rehearsal=rehearse, place=place, leader=leader or None
        )
