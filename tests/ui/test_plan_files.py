"""Saved plans open in the planner with the modules they were made from."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.plan_files import save_plan
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for
from facilitator.core.settings import Settings, SettingsStore
from facilitator.ui.library.plan_files_controller import PlanFilesController
from facilitator.ui.library.planner_page import PlannerPage
from tests.ui.session_fixtures import EXAMPLE, example_manifest


def test_open_saved_plan_and_remember_it(qtbot, tmp_path: Path) -> None:
    manifest = example_manifest()
    plan = plan_for([ModuleChoice(manifest, manifest.variant(45))]).set_minutes(
        "exempel-modul/samtal-1", 20
    )
    path = save_plan(tmp_path / "plans" / "tisdag", plan, ((manifest.id, manifest.version),))
    planner = PlannerPage()
    qtbot.addWidget(planner)
    store = SettingsStore(tmp_path / "settings.toml")
    settings = SettingsService(store, Settings())
    opened_modules = OpenModule(manifest, EXAMPLE.parent)
    controller = PlanFilesController(
        planner,
        tmp_path / "plans",
        settings,
        dict,
        lambda mid, version: opened_modules if mid == manifest.id else None,
    )
    with qtbot.waitSignal(controller.opened) as opened:
        controller.open(path)
    restored, modules = opened.args
    assert restored.step("exempel-modul/samtal-1").planned_minutes == 20
    assert modules == {manifest.id: opened_modules}
    assert settings.current.recent_plans == (str(path),)
    assert store.load().settings.recent_plans == (str(path),)
