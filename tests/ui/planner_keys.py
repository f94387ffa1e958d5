"""A run sheet of the bundled Grund 1 on screen, and keys pressed where the keyboard is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.core.content.loader import load_manifest
from facilitator.core.paths import bundled_modules_dir
from facilitator.core.planning import ModuleChoice, plan_for
from facilitator.ui.library.planner_page import PlannerPage

FOLDER = "01-grund-1-vad-ar-kultur"
BUTTON_PRESS_MS = 150
MODIFIERS = {
    "Ctrl": Qt.KeyboardModifier.ControlModifier,
    "Alt": Qt.KeyboardModifier.AltModifier,
    "Shift": Qt.KeyboardModifier.ShiftModifier,
}


def shown_planner(qtbot: Any, minutes: int = 75) -> PlannerPage:
    manifest = load_manifest(bundled_modules_dir() / FOLDER).manifest
    assert manifest is not None
    planner = PlannerPage()
    qtbot.addWidget(planner)
    planner.set_plan(plan_for([ModuleChoice(manifest, manifest.variant(minutes))]))
    planner.set_screens(["HDMI-1"], None)
    planner.resize(1100, 700)
    planner.show()
    qtbot.waitExposed(planner)
    planner.activateWindow()
    qtbot.waitUntil(planner.isActiveWindow)
    planner.focus_table()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is planner.table)
    return planner


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard is nowhere"
    return widget


def press(*keys: str) -> None:
    """Keys as Qt writes them ("Tab", "Alt+Down", "Shift+Tab"), each to the focused widget."""
    for text in keys:
        *modifier_names, name = text.split("+")
        modifiers = Qt.KeyboardModifier.NoModifier
        for modifier in modifier_names:
            modifiers |= MODIFIERS[modifier]
        key = Qt.Key.Key_Backtab if name == "Tab" and "Shift" in modifier_names else None
        QTest.keyClick(focused(), key or getattr(Qt.Key, f"Key_{name}"), modifiers)
        if {"Ctrl", "Alt"} & set(modifier_names):
            # A button's shortcut clicks it as the mouse would, held down for 100 ms.
            QTest.qWait(BUTTON_PRESS_MS)


def cell_of(planner: PlannerPage, widget: QWidget) -> tuple[int, int] | None:
    table = planner.table
    for row in range(table.rowCount()):
        for column in (3, 4):
            cell = table.cellWidget(row, column)
            if cell is widget or cell.isAncestorOf(widget):
                return row, column
    return None
