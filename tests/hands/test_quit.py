"""Ctrl+Q in the middle of a session, and the next start: the app asks first, and on "Avsluta
appen" it ends with nothing left on the projector; started again on the same data folder it
offers to continue, and the session goes on at the step it was at, to its end — where Next
goes straight to the close-out, with no question.

PRODUCT.md: quitting while a session runs asks first; nothing keeps running once the app has
closed; the session can be continued at the next start. (Ctrl+Q used to close the console
window only: the projector window stayed up, full screen in front of the room, and the
process never exited.)"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.hands import closeout, dialogs, kept, keys, leader, pixels, room
from tests.hands.app import App, launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

MODULE = "grund-1-vad-ar-kultur"
SECOND_STEP = f"{MODULE}/ordet-kultur"
LAST_STEP = f"{MODULE}/avslutning"
# Closing writes the session's state and releases the player: a moment, not seconds.
EXIT_WITHIN = 5.0


def quit_by_keyboard(app: App) -> None:
    """Ctrl+Q, then "Avsluta appen" in the question "Sessionen pågår"; the process ends."""
    keys.press(app.desk, "ctrl+q")
    question = dialogs.appears(app, dialogs.QUIT_TITLE)
    pixels.keep(pixels.grab(app.desk, question.box), "quit-1-question")
    dialogs.choose_action(app, question)
    try:
        app.proc.wait(timeout=EXIT_WITHIN)
    except subprocess.TimeoutExpired:
        shot = pixels.keep(pixels.grab(app.desk), "quit-still-running")
        raise AssertionError(
            f"the app still runs {EXIT_WITHIN:.0f} s after Avsluta appen: {shot}"
        ) from None


def continue_at_start(app: App) -> None:
    """The offer to continue the cut-off session; Enter takes its default, "Fortsätt
    sessionen", and the session's windows come back."""
    offer = dialogs.appears(app, dialogs.RESUME_TITLE)
    pixels.keep(pixels.grab(app.desk, offer.box), "quit-2-resume-offer")
    keys.press(app.desk, "Return")
    dialogs.closed(app, offer, app.console())
    app.until(app.projector, "the projector window again")


def test_quit_mid_session_asks_and_the_next_start_continues_the_session(
    desk: Desk, tmp_path: Path
) -> None:
    home = tmp_path / "app"
    with launched(desk, home) as app:
        leader.run_a_session(app)
        keys.press(desk, "Next")
        app.until(lambda: kept.current_step(home) == SECOND_STEP, "the second step kept")
        card: Image.Image = room.settled(app)
        quit_by_keyboard(app)
        assert app.projector() is None, "a projector window outlived the app"
        assert kept.session_status(home) == "running", "quitting closed the session"
        assert kept.current_step(home) == SECOND_STEP

    with launched(desk, home) as app:
        continue_at_start(app)
        app.until(lambda: room.same_as(app, card), "the step's card on the projector again")
        pixels.keep(pixels.projector(desk), "quit-3-continued")
        assert kept.current_step(home) == SECOND_STEP, "the session went on at another step"

        console = app.console()
        leader.go_to_step(app, LAST_STEP)
        before = dialogs.known(app)
        keys.press(desk, "Next")  # on the last step: the close-out, without a question
        closeout.attendance_page(app, console)
        assert dialogs.new_windows(app, before) == [], "Next on the last step asked something"
