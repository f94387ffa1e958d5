"""Every control of the planner can be reached by keyboard (found by a real-keys run: Tab
walked only the step table, so the start time, the projector screen, "◀ Moduler" and the
check before the session could not be reached). Tab leaves the table; the arrows move inside
it, into and out of each row's minutes and "Ta med"."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from facilitator.ui.library.planner_page import PlannerPage
from tests.ui.planner_keys import cell_of, focused, press, shown_planner


def button(planner: PlannerPage, text: str) -> QPushButton:
    (found,) = [b for b in planner.findChildren(QPushButton) if b.text() == text]
    return found


def tab_order(planner: PlannerPage) -> list[QWidget]:
    """Every control as it sits on the page: top row, place and leader, the table, the row
    of edit buttons, the row that goes on (the fit button only shows when the plan is long)."""
    return [
        planner.start_edit,
        planner.place_edit,
        planner.leader_edit,
        planner.table,
        planner.up_button,
        planner.down_button,
        planner.break_button,
        planner.save_button,
        planner.open_button,
        button(planner, "◀ Moduler"),
        button(planner, "Kontroll före session"),
        planner.phones_check,
        planner.screen_combo,
        planner.rehearse_button,
        planner.start_button,
    ]


def walk(key: str, count: int) -> list[QWidget]:
    """The next ``count`` controls the key goes to, one press each: the start time lets go at
    once too (its parts are for the arrows, not for Tab)."""
    visited: list[QWidget] = []
    for _ in range(count):
        press(key)
        visited.append(focused())
    return visited


def test_tab_reaches_every_control_in_reading_order_and_back(qtbot) -> None:
    planner = shown_planner(qtbot)
    order = tab_order(planner)
    after_table = order[order.index(planner.table) + 1 :] + order[: order.index(planner.table)]

    assert walk("Tab", len(order)) == [*after_table, planner.table]
    assert walk("Shift+Tab", len(order)) == [*reversed(after_table), planner.table]


def test_tab_from_a_rows_field_leaves_the_table(qtbot) -> None:
    planner = shown_planner(qtbot)
    press("Ctrl+Home", "Down", "Right", "Right", "Right")
    assert cell_of(planner, focused()) == (1, 3)
    press("Tab")
    assert focused() is planner.up_button

    press("Shift+Tab")
    assert focused() is planner.table
    press("End")
    assert cell_of(planner, focused()) == (1, 4)
    press("Shift+Tab")
    assert focused() is planner.leader_edit


def test_arrows_move_between_a_rows_cells_and_fields(qtbot) -> None:
    planner = shown_planner(qtbot)
    press("Ctrl+Home", "Right", "Right")
    assert focused() is planner.table and planner.table.currentColumn() == 2
    press("Right")
    assert cell_of(planner, focused()) == (0, 3)
    press("Right")
    assert cell_of(planner, focused()) == (0, 4)
    press("Down", "Down")
    assert cell_of(planner, focused()) == (2, 4)
    assert planner.table.currentRow() == 2  # the row Alt+Up and Ctrl+B act on
    press("Left")
    assert cell_of(planner, focused()) == (2, 3)
    minutes = planner.plan.steps[2].planned_minutes
    press("Up")  # in the number field, Up is one more minute
    assert planner.plan.steps[2].planned_minutes == minutes + 1
    press("Left")
    assert focused() is planner.table
    assert (planner.table.currentRow(), planner.table.currentColumn()) == (2, 2)


def test_alt_p_chooses_the_projector_screen(qtbot) -> None:
    planner = shown_planner(qtbot)
    assert "(Alt+P)" in planner.screen_combo.toolTip()
    press("Alt+P")
    assert focused() is planner.screen_combo
    press("Down")
    assert planner.screen_combo.currentText() == "HDMI-1"
