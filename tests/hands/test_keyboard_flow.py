"""The core flow with the keyboard only: library → run sheet → session on two screens →
clicker keys → a reflection typed and kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hands import entry, kept, keys, library, pixels, room, run_sheet
from tests.hands.app import launched
from tests.hands.desk import LAPTOP, PROJECTOR, Desk

pytestmark = pytest.mark.hands

MODULE = "grund-1-vad-ar-kultur"  # the second card in the library
FIRST_STEP = f"{MODULE}/valkommen"
SECOND_STEP = f"{MODULE}/ordet-kultur"
REFLECTION = "vi pratade om fika, kö och nåt för alla"


def test_a_session_by_keyboard_from_library_to_a_kept_reflection(
    desk: Desk, tmp_path: Path
) -> None:
    with launched(desk, tmp_path / "app") as app:
        console = library.wait_until_usable(app)
        pixels.keep(pixels.grab(desk, console.box), "flow-1-library")
        keys.focus(desk, console.id)
        library.choose_module(app, console, position=2)
        library.open_planner(app, console)
        pixels.keep(pixels.grab(desk, console.box), "flow-2-planner")

        projector = run_sheet.start_session(app)
        assert projector.box == PROJECTOR, "the projector view is not full screen on monitor 2"
        assert LAPTOP.contains(console.box), "the console left the laptop's monitor"
        first = room.settled(app)
        pixels.keep(first, "flow-3-projector-first-step")
        assert not pixels.is_black(first) and pixels.has_text(first)
        app.until(lambda: kept.session_modules(app.home) == [MODULE], "the session in the file")
        app.until(lambda: kept.current_step(app.home) == FIRST_STEP, "the first step kept")

        keys.press(desk, "Next")  # PageDown, as a clicker sends it
        app.until(lambda: kept.current_step(app.home) == SECOND_STEP, "the second step kept")
        second = app.until(lambda: room.changed_from(app, first), "a new card for the room")
        pixels.keep(second, "flow-4-projector-second-step")

        keys.press(desk, "b")
        pixels.keep(app.until(lambda: room.black(app), "a black projector"), "flow-5-black")
        keys.press(desk, "b")
        app.until(lambda: room.showing_text(app), "the card back on the projector")

        entry.focus_reflection_entry(app, console)
        # The text's spaces and letters must stay text: a Space taken as "next step" would
        # file the reflection under another step, a B would black the room out.
        keys.type_text(desk, REFLECTION)
        pixels.keep(pixels.grab(desk, console.box), "flow-6-console-typed")
        keys.press(desk, "Return")
        app.until(
            lambda: (SECOND_STEP, "note", REFLECTION) in kept.reflections(app.home),
            "the reflection in the database",
        )
        assert room.showing_text(app), "typing changed what the room sees"
