"""The run sheet (planner) by keyboard. It opens with the keyboard in the step table; Tab walks
each row's cells, then its minutes and its "Ta med" box, and on to the next row."""

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
    """Tab lands on the first row's "Ta med" box; Shift+Tab goes back to its minutes."""
    include = focus.press_until(app, console, ["Tab"], "the first row's Ta med", is_include_box)
    minutes = focus.move(app, console, "shift+Tab")
    assert is_minutes(minutes) and minutes.top == include.top, f"not the minutes: {minutes}"
    return minutes


def set_minutes(app: App, minutes_box: Box, minutes: int) -> None:
    """Type a number into the focused minutes field (Tab selected what was there)."""
    before = pixels.grab(app.desk, minutes_box)
    keys.type_text(app.desk, str(minutes))
    app.until(
        lambda: pixels.changed_share(before, pixels.grab(app.desk, minutes_box)) > 0.01,
        "the new minutes in the field",
    )


def leave_out_next_row(app: App, console: Window, minutes: Box) -> None:
    """From a row's minutes: Tab to its "Ta med" box, on to the next row's, clear it with
    Space. Tab through a row's text cells moves no frame, so only where it ends is awaited."""
    include = focus.move(app, console)
    assert is_include_box(include) and include.top == minutes.top, f"not Ta med: {include}"
    below = focus.press_until(
        app,
        console,
        ["Tab"] * 5,  # three text cells of the next row, its minutes, its Ta med
        "the next row's Ta med",
        lambda box: is_include_box(box) and include.top < box.top < include.top + 2 * box.height,
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
