"""Typing never eats the clicker (PRODUCT.md): PageDown steers even while the leader types,
and once the leader has left the reflection entry (Enter, Esc), the clicker's keys steer the
session again (they used to keep typing into the entry)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hands import entry, kept, keys, leader, pixels, room, waiting
from tests.hands.app import launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

SECOND_STEP = "grund-1-vad-ar-kultur/ordet-kultur"
REFLECTION = "alla har en kultur"


class KeysStillTyped(AssertionError):
    """The clicker's key did not steer: the entry still had the keyboard."""


@pytest.mark.parametrize("leave", ["Return", "Escape"], ids=["after-Enter", "after-Esc"])
def test_b_blacks_the_projector_once_the_entry_is_left(
    desk: Desk, tmp_path: Path, leave: str
) -> None:
    """Enter (saving the reflection) or Esc leaves the entry; B must then black the room's
    screen, not type a "b" into the entry."""
    with launched(desk, tmp_path / "app") as app:
        console = leader.run_a_session(app)
        keys.press(desk, "Next")
        app.until(lambda: kept.current_step(app.home) == SECOND_STEP, "the second step")
        entry.focus_reflection_entry(app, console)
        keys.type_text(desk, REFLECTION)
        keys.press(desk, leave)
        if leave == "Return":
            app.until(
                lambda: (SECOND_STEP, "note", REFLECTION) in kept.reflections(app.home),
                "the reflection in the database",
            )
        keys.press(desk, "b")
        try:
            app.until(lambda: room.black(app), "B to black the projector", timeout=3)
        except waiting.GaveUp as gave_up:
            shot = pixels.keep(pixels.grab(desk, console.box), f"typing-mode-{leave}-console")
            raise KeysStillTyped(
                f"after {leave} in the entry, B did not black the projector (console: {shot})"
            ) from gave_up


def test_page_down_steers_while_typing_and_keeps_the_text(desk: Desk, tmp_path: Path) -> None:
    """The clicker's PageDown moves on with the cursor still in the entry; the half-typed
    text stays there, and Enter then saves all of it, to the step now showing."""
    with launched(desk, tmp_path / "app") as app:
        console = leader.run_a_session(app)
        first = room.settled(app)
        entry.focus_reflection_entry(app, console)
        keys.type_text(desk, "alla har")
        keys.press(desk, "Next")
        app.until(lambda: kept.current_step(app.home) == SECOND_STEP, "the next step kept")
        app.until(lambda: room.changed_from(app, first), "the next card for the room")
        keys.type_text(desk, " en kultur")
        keys.press(desk, "Return")
        app.until(
            lambda: (SECOND_STEP, "note", REFLECTION) in kept.reflections(app.home),
            "the whole reflection, on the step now showing",
        )
        assert kept.current_step(app.home) == SECOND_STEP, "typing moved the session"
