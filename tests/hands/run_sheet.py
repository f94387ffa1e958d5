"""The run sheet (planner) by keyboard. It opens with the keyboard in the step table; the arrows
move between its cells, into and out of each row's minutes and "Ta med" box; Tab leaves the
table for the planner's other controls."""

from __future__ import annotations

from tests.hands import focus, keys, pixels, room
from tests.hands.app import App
from tests.hands.desk import Box
from tests.hands.windows import Window

# A row's own controls are small; the frame around the whole table is not.
CONTROL_HEIGHT = 40
MINUTES_WIDTH = (80, 130)


def is_minutes(box: Box) -> bool:
    return box.height < CONTROL_HEIGHT and MINUTES_WIDTH[0] <= box.width <= MINUTES_WIDTH[1]


def is_include_box(box: Box) -> bool:
    return box.height < CONTROL_HEIGHT and box.width < MINUTES_WIDTH[0]


def first_row_minutes(app: App, console: Window) -> Box:
    """Ctrl+Home puts the table's cursor on the first row's first cell (where it stands when
    the sheet opens varies); three to the right, past two text cells, is that row's minutes."""
    return focus.press_until(
        app,
        console,
        ["ctrl+Home", "Right", "Right", "Right"],
        "the first row's minutes",
        is_minutes,
    )


def set_minutes(app: App, minutes_box: Box, minutes: int) -> None:
    """Replace the number in the focused minutes field. Tab into it leaves the cursor before
    the old number, not the number selected (typing 8 into "3 min" makes "83 min"), so
    Ctrl+A first."""
    before = pixels.grab(app.desk, minutes_box)
    keys.press(app.desk, "ctrl+a")
    keys.type_text(app.desk, str(minutes))
    app.until(
        lambda: pixels.changed_share(before, pixels.grab(app.desk, minutes_box)) > 0.01,
        "the new minutes in the field",
    )


def leave_out_next_row(app: App, console: Window, minutes: Box) -> None:
    """From a row's minutes: Right to its "Ta med" box, Down to the next row's (which makes
    that row the selected one), clear it with Space."""
    include = focus.move(app, console, "Right")
    assert is_include_box(include) and include.top == minutes.top, f"not Ta med: {include}"
    below = focus.move(app, console, "Down")
    assert is_include_box(below) and include.top < below.top < include.top + 2 * below.height, (
        f"not the next row's Ta med: {below}"
    )
    before = pixels.grab(app.desk, below)
    keys.press(app.desk, "space")
    app.until(
        lambda: pixels.changed_share(before, pixels.grab(app.desk, below)) > 0.01,
        "the Ta med box cleared",
    )


def start_session(app: App) -> Window:
    """F5: the projector window opens full screen on the second monitor, showing text."""
    keys.press(app.desk, "F5")
    projector = app.until(app.projector, "the projector window")
    app.until(lambda: room.showing_text(app), "text on the projector")
    return projector


def move_selected_down(app: App, console: Window) -> None:
    """Alt+Down moves the selected step one row down; the table redraws."""
    table = Box(console.box.left + 24, console.box.top + 100, console.box.width - 48, 300)
    before = pixels.grab(app.desk, table)
    keys.press(app.desk, "alt+Down")
    app.until(
        lambda: pixels.changed_share(before, pixels.grab(app.desk, table)) > 0.005,
        "the step moved down in the table",
    )
