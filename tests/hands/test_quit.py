"""Ctrl+Q in the middle of a session: the app ends, and nothing stays on the projector.

PRODUCT.md: quitting while a session runs asks first; nothing keeps running once the app has
closed. (Ctrl+Q used to close the console window only: the projector window stayed up, full
screen in front of the room, and the process never exited.)"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.hands import keys, leader, pixels, windows
from tests.hands.app import App, launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

# Closing writes the session's state and releases the player: a moment, not seconds.
EXIT_WITHIN = 5.0


class StillRunning(AssertionError):
    """The app did not exit after Ctrl+Q (and the answer to any question it asked)."""


def exited(app: App, within: float) -> bool:
    try:
        app.proc.wait(timeout=within)
    except subprocess.TimeoutExpired:
        return False
    return True


def answer_a_question_to_quit(app: App, known: set[str]) -> bool:
    """If the app asks before quitting (as PRODUCT.md wants), say yes by keyboard: the safe
    button is the default (widgets/confirm.py), so Tab to the other one and press it. False
    when no new window appeared."""
    new = [w for w in windows.find(app.desk, ".*") if w.id not in known]
    if not new:
        return False
    keys.focus(app.desk, new[0].id)
    keys.press(app.desk, "Tab", "space")
    return True


def test_ctrl_q_mid_session_ends_the_app_and_clears_the_projector(
    desk: Desk, tmp_path: Path
) -> None:
    with launched(desk, tmp_path / "app") as app:
        leader.run_a_session(app)
        known = {w.id for w in windows.find(desk, ".*")}
        keys.press(desk, "ctrl+q")
        done = exited(app, EXIT_WITHIN) or (
            answer_a_question_to_quit(app, known) and exited(app, EXIT_WITHIN)
        )
        if not done:
            shot = pixels.keep(pixels.projector(desk), "quit-projector-left-behind")
            raise StillRunning(
                f"the app still runs {EXIT_WITHIN:.0f} s after Ctrl+Q; projector window "
                f"{app.projector()} shows {shot}"
            )
        assert app.projector() is None, "a projector window outlived the app"
