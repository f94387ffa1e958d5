"""Going through a module alone with real keys, as someone who missed the group meeting: from
the library to the self-study page by keyboard, answers typed into the answer box (the film
step's "T" for the film's text never takes a letter), kept on the disk as typed and when the
page is left before the save timer, the place kept, and the logbook (Arkiv → Min loggbok): an
answer edited where it stands, one deleted, then the module's, each after a question."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hands import dialogs, focus, kept, keys, library, pixels
from tests.hands.app import App, launched
from tests.hands.desk import Box, Desk
from tests.hands.windows import Window

pytestmark = pytest.mark.hands

GUIDE = "vagledning-samtalsledare"  # module 0, the first card: the leader's own preparation
DELETE_TITLE = "^Radera$"


def answers(app: App) -> dict[str, str]:
    return dict(
        kept.rows(
            app.home,
            "SELECT step_id, text FROM self_study_answers WHERE module_id = ?",
            GUIDE,
        )
    )


def place(app: App) -> str | None:
    found = kept.rows(
        app.home, "SELECT current_step_id FROM self_study_progress WHERE module_id = ?", GUIDE
    )
    return found[0][0] if found else None


def tab_to_answer(app: App, console: Window) -> Box:
    """Tab until the keyboard is in an answer box, which fills the width right of the list."""
    for _ in range(6):
        now = focus.move(app, console)
        if now.width > console.box.width // 2:
            return now
    raise AssertionError(f"Tab did not reach an answer box (focus at {now})")


def test_module_0_alone_by_keys_then_its_logbook(desk: Desk, tmp_path: Path) -> None:
    with launched(desk, tmp_path / "app") as app:
        console = library.wait_until_usable(app)
        keys.focus(desk, console.id)
        box = console.box
        area = library.cards_area(console)
        card = focus.move(app, console)
        while area.contains(card) is False:
            card = focus.move(app, console)
        # Space chooses the first card; Shift+Tab past "Planera session" to "Gå igenom på
        # egen hand", Enter presses it.
        keys.press(desk, "space", "shift+Tab", "shift+Tab", "Return")
        steps = app.until(
            lambda: (f := focus.frame(app, console)) and f.height > box.height // 2 and f,
            "the keyboard on the list of steps, left of the page",
        )
        assert steps.left < box.left + box.width // 4

        # PageDown twice: past "Välkomna" to the film; Tab past the film's two buttons into
        # the answer box.
        keys.press(desk, "Next", "Next")
        app.until(lambda: place(app) == "film", "the place kept at the film step")
        answer = tab_to_answer(app, console)
        keys.type_text(desk, "att tala tyst")  # "t" is the film's text outside the box
        app.until(lambda: answers(app).get("film") == "att tala tyst", "the answer on the disk")
        assert focus.frame(app, console) == answer, "a letter took the keyboard out of the box"
        assert place(app) == "film"

        # Alt+Right: the next step; the keyboard stays in the (same) answer box.
        keys.press(desk, "alt+Right")
        app.until(lambda: place(app) == "vard-inte-expert", "the next step")
        keys.type_text(desk, "jag fragar gruppen")
        app.until(lambda: answers(app).get("vard-inte-expert"), "the second answer kept")
        # Escape loses nothing; words typed just before leaving (Ctrl+L) are kept too.
        keys.type_text(desk, " nu")
        keys.press(desk, "Escape", "ctrl+l")
        app.until(
            lambda: answers(app).get("vard-inte-expert") == "jag fragar gruppen nu",
            "the words typed just before leaving",
        )
        app.until(
            lambda: pixels.share_of_colour(pixels.grab(desk, area), library.CARD_FILL) > 0.3,
            "the library again",
        )
        pixels.keep(pixels.grab(desk, box), "self-study-library-progress")

        # The logbook from the menu: Alt+A, L. The keyboard lands on "Exportera som PDF…".
        keys.press(desk, "alt+a", "l")
        app.until(
            lambda: (f := focus.frame(app, console)) and f.top < box.top + 80 and f,
            "the keyboard on the logbook's export buttons",
        )
        # PDF → Markdown → "Radera modulens svar…" → the first answer ("Till biblioteket" last).
        first = tab_to_answer(app, console)
        keys.press(desk, "ctrl+End")
        keys.type_text(desk, " och lyssna")
        app.until(lambda: answers(app).get("film") == "att tala tyst och lyssna", "the edit kept")
        pixels.keep(pixels.grab(desk, box), "self-study-logbook")

        # Its "Radera svaret…", then the question: Tab to "Radera", Space.
        focus.press_until(
            app, console, ["Tab"], "Radera svaret…", lambda f: f.top > first.top + first.height
        )
        keys.press(desk, "space")
        dialogs.choose_action(app, dialogs.appears(app, DELETE_TITLE))
        app.until(lambda: "film" not in answers(app), "the answer deleted")
        assert answers(app) == {"vard-inte-expert": "jag fragar gruppen nu"}

        # The whole module: its "Radera modulens svar…" (back on the logbook by the menu).
        keys.focus(desk, console.id)
        keys.press(desk, "alt+a", "l")
        focus.press_until(
            app,
            console,
            ["Tab"] * 2,
            "Radera modulens svar…",
            lambda f: box.top + 80 < f.top < box.top + 200,
        )
        keys.press(desk, "space")
        dialogs.choose_action(app, dialogs.appears(app, DELETE_TITLE))
        app.until(lambda: not answers(app) and place(app) is None, "the module's answers gone")
