"""Reached by the keyboard alone (issue 17, EN 301 549 11.2.1.1): "Avsluta", which the audit
found out of the keyboard's reach, is walked to with Tab — no shortcut, no mouse — and Enter
on it ends the session. Judged by the focus frame on screen and the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hands import closeout, dialogs, focus, kept, keys, leader, pixels
from tests.hands.app import App, launched
from tests.hands.desk import Box, Desk
from tests.hands.windows import Window

pytestmark = pytest.mark.hands

FIRST_STEP = "grund-1-vad-ar-kultur/valkommen"
# Every stop of the console, about 30, and then some: Tab goes round, so "Avsluta" comes.
MOST_PRESSES = 60


def is_end_button(console: Window, box: Box) -> bool:
    """The last button of the bottom row: at the console's right edge, in its bottom tenth."""
    right = console.box.left + console.box.width
    bottom = console.box.top + console.box.height
    return right - (box.left + box.width) < 40 and bottom - (box.top + box.height) < 60


def tab_to_end_button(app: App, console: Window) -> Box:
    for _press in range(MOST_PRESSES):
        frame = focus.move(app, console, "Tab")
        if is_end_button(console, frame):
            return frame
    raise AssertionError(f"Tab never reached Avsluta in {MOST_PRESSES} presses")


def test_ending_the_session_with_tab_and_enter(desk: Desk, tmp_path: Path) -> None:
    with launched(desk, tmp_path / "app") as app:
        leader.run_a_session(app)
        app.until(lambda: kept.current_step(app.home) == FIRST_STEP, "the first step kept")
        console = app.console()
        tab_to_end_button(app, console)
        pixels.keep(pixels.grab(app.desk, console.box), "reach-avsluta-focused")
        keys.press(app.desk, "Return")  # on the button: not the clicker's "next step"
        question = dialogs.appears(app, dialogs.END_TITLE)
        assert kept.current_step(app.home) == FIRST_STEP, "Enter moved the session on"
        dialogs.choose_action(app, question)
        dialogs.closed(app, question, console)
        closeout.attendance_page(app, console)
        assert kept.session_status(app.home) == "finished"
