"""Moving a step or adding a break keeps the keyboard on the moved row's same field (found by a
real-keys run: the rows were rebuilt and the focus went nowhere, so arrows did nothing and the
next Tab landed in the start time)."""

from __future__ import annotations

from facilitator.core.content.kinds import StepKind
from tests.ui.planner_keys import cell_of, focused, press, shown_planner


def test_moving_a_step_keeps_the_keyboard_on_its_minutes(qtbot) -> None:
    planner = shown_planner(qtbot)
    press("Ctrl+Home", "Right", "Right", "Right")
    assert cell_of(planner, focused()) == (0, 3)
    first = planner.plan.steps[0]

    press("Alt+Down")
    assert planner.plan.steps[1] == first
    assert cell_of(planner, focused()) == (1, 3)
    press("Up")  # the arrow still works: one more minute for the step moved
    assert planner.plan.steps[1].planned_minutes == first.planned_minutes + 1

    press("Alt+Up")
    assert planner.plan.steps[0].key == first.key
    assert cell_of(planner, focused()) == (0, 3)


def test_adding_a_break_puts_the_keyboard_on_the_breaks_minutes(qtbot) -> None:
    planner = shown_planner(qtbot)
    press("Ctrl+Home", "Down", "Right", "Right", "Right")
    assert cell_of(planner, focused()) == (1, 3)

    press("Ctrl+B")
    added = planner.plan.steps[2]
    assert added.kind is StepKind.BREAK
    assert cell_of(planner, focused()) == (2, 3)
    press("Down")
    assert planner.plan.steps[2].planned_minutes == added.planned_minutes - 1


def test_moving_a_step_keeps_the_keyboard_on_its_ta_med_box(qtbot) -> None:
    planner = shown_planner(qtbot)
    press("Ctrl+Home", "Down", "Down", "End")
    assert cell_of(planner, focused()) == (2, 4)
    moved = planner.plan.steps[2]

    press("Alt+Up")
    assert cell_of(planner, focused()) == (1, 4)
    press("Space")  # leave the moved step out, with the key where the keyboard is
    assert planner.plan.step(moved.key).skipped
