"""A module's own page with real keys on a real X display: Tab to a card, Enter opens the
module's page (the keyboard lands on "Tillbaka till biblioteket" at its top), Esc goes back to
the library with the keyboard on the same card, which is not chosen by it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hands import focus, keys, library, pixels
from tests.hands.app import launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands


def test_enter_on_a_card_opens_its_page_and_esc_comes_back_to_the_card(
    desk: Desk, tmp_path: Path
) -> None:
    with launched(desk, tmp_path / "app") as app:
        console = library.wait_until_usable(app)
        keys.focus(desk, console.id)
        area = library.cards_area(console)
        card = focus.move(app, console)
        for _ in range(3):
            if area.contains(card):
                break
            card = focus.move(app, console)
        assert area.contains(card), f"Tab did not reach a module card (focus frame at {card})"
        card = focus.move(app, console)  # the second card: Grund 1
        assert area.contains(card)

        keys.press(desk, "Return")
        back = app.until(
            lambda: (now := focus.frame(app, console)) is not None and now.top < area.top and now,
            "the keyboard on the module page's back button, above where the cards were",
        )
        pixels.keep(pixels.grab(desk, console.box), "module-page-opened")
        assert back.left < console.box.left + console.box.width // 3

        keys.press(desk, "Escape")
        app.until(lambda: focus.frame(app, console) == card, "the keyboard on the same card")
        shown = pixels.grab(desk, area)
        assert pixels.share_of_colour(shown, library.CARD_FILL) > 0.3, "the cards are back"
        assert pixels.share_of_colour(shown, library.SELECTED_CARD_FILL) < 0.01, (
            "Enter chose the card: it should only open it"
        )
