"""The library is usable before the rest of the app is assembled (issue 16, decision 0004): a
leader who picks a module and presses "Planera session" the moment the cards appear gets the
plan once the planner is assembled, and the menu's commands are greyed out, not silently
ignored, until the parts behind them exist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from facilitator.app import Application
from facilitator.startup import prepare
from tests.app_in_process import MODULE


def test_a_plan_asked_for_as_the_cards_appear_opens_once_assembled(
    qtbot: Any, facilitator_home: Path
) -> None:
    app = Application(QApplication.instance(), prepare(portable=False, language="sv"))
    qtbot.addWidget(app.window)
    seen: dict[str, object] = {}

    def press_plan() -> None:
        # The cards have just been shown; the parts are still being imported on a worker.
        seen["assembled"] = app.is_assembled
        seen["menu"] = [a.isEnabled() for a in _commands(app)]
        app.library.select(MODULE)
        app.library.set_minutes(75)
        QTest.mouseClick(app.library._plan_button, Qt.MouseButton.LeftButton)

    usable_now = app._usable_now

    def usable_then_press() -> None:
        usable_now()  # the library is usable: phase three's imports begin on a worker
        press_plan()

    app._usable_now = usable_then_press  # type: ignore[method-assign]
    app.start(problems=[], exit_when_ready=False)
    qtbot.waitUntil(lambda: app.is_settled, timeout=30_000)
    assert seen["assembled"] is False
    menu = seen["menu"]
    assert isinstance(menu, list) and not all(menu), "commands were offered before their parts"
    assert app.parts is not None
    qtbot.waitUntil(lambda: app.window.current_page() is app.parts.planner, timeout=10_000)
    assert MODULE in {step.module_id for step in app.parts.planner.plan.steps}
    assert all(a.isEnabled() for a in _commands(app))
    app.shutdown()


def _commands(app: Application) -> list[QAction]:
    """Every menu command, separators aside."""
    menus = [action.menu() for action in app.window.menuBar().actions()]
    return [a for menu in menus if menu is not None for a in menu.actions() if not a.isSeparator()]
