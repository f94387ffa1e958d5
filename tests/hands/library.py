"""The module library by keyboard: wait until it can be used, Tab to a card, Space to choose
it, a shorter length, Ctrl+Enter to the run sheet. Colours: resources/styles/console.qss."""

from __future__ import annotations

from tests.hands import focus, kept, keys, pixels
from tests.hands.app import App
from tests.hands.desk import Box
from tests.hands.windows import Window

CARD_FILL = (0xFF, 0xFF, 0xFF)
SELECTED_CARD_FILL = (0xEE, 0xF5, 0xFA)


def cards_area(console: Window) -> Box:
    """Where the library lists its cards: below the heading, above the length and plan row."""
    b = console.box
    return Box(b.left + 20, b.top + 95, b.width - 40, b.height - 160)


def footer(console: Window) -> Box:
    """The row under the cards: the length list, what is chosen, "Planera session"."""
    b = console.box
    return Box(b.left, b.top + b.height - 60, b.width, 60)


def wait_until_usable(app: App) -> Window:
    """The library is usable once its cards are on screen and the first-start check of every
    module's files is over (until then each check rebuilds the cards, dropping a choice)."""
    console = app.console()
    area = cards_area(console)
    app.until(
        lambda: pixels.share_of_colour(pixels.grab(app.desk, area), CARD_FILL) > 0.3,
        "module cards in the library",
    )
    app.until(lambda: kept.library_checked(app.home), "the check of the bundled modules")
    return console


def choose_module(app: App, console: Window, position: int) -> None:
    """Tab to the ``position``-th card (1 = first) and choose it with Space. The length list
    comes before the cards in the focus order."""
    area = cards_area(console)
    frame = focus.move(app, console)
    for _ in range(3):
        if area.contains(frame):
            break
        frame = focus.move(app, console)
    assert area.contains(frame), f"Tab did not reach a module card (focus frame at {frame})"
    for _ in range(position - 1):
        above = frame
        frame = focus.move(app, console)
        assert frame.top > above.top, "Tab did not move on to the next card"
    keys.press(app.desk, "space")
    app.until(
        lambda: pixels.share_of_colour(pixels.grab(app.desk, area), SELECTED_CARD_FILL) > 0.02,
        "the chosen card drawn as selected",
    )


def shorter_length(app: App, console: Window, position: int) -> None:
    """From the chosen ``position``-th card, Shift+Tab back past the cards, the "Planera
    session" button (at the footer's right end) and "Gå igenom på egen hand" (enabled with one
    module chosen) to the length list (at its left end); Up picks
    the next shorter length (the list opens on the second shortest: 75 of 45 · 75 · 90 · 120)."""
    row = footer(console)
    frame = focus.press_until(
        app,
        console,
        ["shift+Tab"] * (position + 2),
        "the length list",
        lambda box: row.contains(box) and box.left < row.left + row.width // 2,
    )
    before = pixels.grab(app.desk, frame)
    keys.press(app.desk, "Up")
    app.until(
        # One digit in a list wide enough for "120 min per modul": a small share of its frame.
        lambda: pixels.changed_share(before, pixels.grab(app.desk, frame)) > 0.002,
        "another length in the list",
    )


def open_planner(app: App, console: Window) -> None:
    """Ctrl+Enter: on to the run sheet (the library's chosen card leaves the screen)."""
    keys.press(app.desk, "ctrl+Return")
    app.until(
        lambda: (
            pixels.share_of_colour(pixels.grab(app.desk, console.box), SELECTED_CARD_FILL) < 0.01
        ),
        "the planner in place of the library",
    )
