"""What a leader does at the laptop, by keyboard only, each step ending when the screen shows
it happened. The colours are the console's stylesheet (resources/styles/console.qss)."""

from __future__ import annotations

from PIL import Image

from tests.hands import kept, keys, pixels
from tests.hands.app import App
from tests.hands.desk import PROJECTOR, Box
from tests.hands.windows import Window

CARD_FILL = (0xFF, 0xFF, 0xFF)
SELECTED_CARD_FILL = (0xEE, 0xF5, 0xFA)
FOCUS_FRAME = (0xE0, 0xA1, 0x00)


def cards_area(console: Window) -> Box:
    """Where the library lists its cards: below the heading, above the length and plan row."""
    b = console.box
    return Box(b.left + 20, b.top + 95, b.width - 40, b.height - 160)


def wait_for_library(app: App) -> Window:
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


def focus_frame(app: App, console: Window) -> Box | None:
    """Where the keyboard focus is drawn (its frame) in the console, in screen coordinates."""
    found = pixels.colour_box(pixels.grab(app.desk, console.box), FOCUS_FRAME)
    if found is None:
        return None
    left, top, right, bottom = found
    return Box(console.box.left + left, console.box.top + top, right - left, bottom - top)


def tab_once(app: App, console: Window) -> Box:
    """Tab, and wait until the focus frame has moved; where it is now."""
    before = focus_frame(app, console)
    keys.press(app.desk, "Tab")
    return app.until(
        lambda: (now := focus_frame(app, console)) != before and now,
        "the focus frame to move on Tab",
    )


def choose_module(app: App, console: Window, position: int) -> None:
    """Tab to the ``position``-th card (1 = first) and select it with Space. The length list
    comes before the cards in the focus order."""
    area = cards_area(console)
    frame = tab_once(app, console)
    for _ in range(3):
        if area.contains(frame):
            break
        frame = tab_once(app, console)
    assert area.contains(frame), f"Tab did not reach a module card (focus frame at {frame})"
    for _ in range(position - 1):
        above = frame
        frame = tab_once(app, console)
        assert frame.top > above.top, "Tab did not move on to the next card"
    keys.press(app.desk, "space")
    app.until(
        lambda: pixels.share_of_colour(pixels.grab(app.desk, area), SELECTED_CARD_FILL) > 0.02,
        "the chosen card drawn as selected",
    )


def open_planner(app: App, console: Window) -> None:
    """Ctrl+Enter: on to the run sheet (the library's selected card leaves the screen)."""
    keys.press(app.desk, "ctrl+Return")
    app.until(
        lambda: (
            pixels.share_of_colour(pixels.grab(app.desk, console.box), SELECTED_CARD_FILL) < 0.01
        ),
        "the planner in place of the library",
    )


def start_session(app: App) -> Window:
    """F5 in the planner: the projector window opens full screen on the second monitor."""
    keys.press(app.desk, "F5")
    projector = app.until(app.projector, "the projector window")
    app.until(lambda: pixels.has_text(pixels.grab(app.desk, PROJECTOR)), "text on the projector")
    return projector


def run_a_session(app: App, position: int = 2) -> Window:
    """From a fresh start to a running session by keyboard; the console window."""
    console = wait_for_library(app)
    keys.focus(app.desk, console.id)
    choose_module(app, console, position)
    open_planner(app, console)
    start_session(app)
    return console


# --- what the room sees ---------------------------------------------------------------------

# Measured on the 1280x1024 projector: a new card (next step, the rules) moves 10–14 % of the
# pixels, the countdown's tick about 0.5 %. Between the two, this share tells a new card from a
# ticking clock.
NEW_CARD_SHARE = 0.03


def settled(app: App, box: Box) -> Image.Image:
    """A shot of ``box`` once two shots in a row agree (nothing half drawn)."""
    last: list[Image.Image] = [pixels.grab(app.desk, box)]

    def same_again() -> Image.Image | None:
        now = pixels.grab(app.desk, box)
        same = pixels.changed_share(last[0], now) == 0
        last[0] = now
        return now if same else None

    return app.until(same_again, f"a steady picture in {box}")


def changed_from(app: App, before: Image.Image, box: Box = PROJECTOR) -> Image.Image | None:
    now = pixels.grab(app.desk, box)
    return now if pixels.changed_share(before, now) > NEW_CARD_SHARE else None


def same_as(app: App, before: Image.Image, box: Box = PROJECTOR) -> Image.Image | None:
    """The shot when it shows the same card as ``before`` (the clock may have ticked)."""
    now = pixels.grab(app.desk, box)
    return now if pixels.changed_share(before, now) < NEW_CARD_SHARE / 3 else None


def black(app: App) -> Image.Image | None:
    now = pixels.projector(app.desk)
    return now if pixels.is_black(now) else None


def showing_text(app: App) -> Image.Image | None:
    now = pixels.projector(app.desk)
    return now if not pixels.is_black(now) and pixels.has_text(now) else None


# --- the console ----------------------------------------------------------------------------


def reflection_column(console: Window) -> Box:
    """The console's right column, where the reflection entry is."""
    b = console.box
    left = b.left + round(b.width * 0.66)
    return Box(left, b.top, b.left + b.width - left, b.height)


def focus_reflection_entry(app: App, console: Window) -> None:
    """Ctrl+1 (kind "note") puts the keyboard in the reflection entry; its frame shows it."""
    keys.press(app.desk, "ctrl+1")
    column = reflection_column(console)
    app.until(
        lambda: (frame := focus_frame(app, console)) is not None and column.contains(frame),
        "the focus frame on the reflection entry",
    )
