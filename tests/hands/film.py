"""A film step as the room and the leader see it: the film letterboxed on the projector, or a
question card in its place; the console's preview, whose clock ticks while the film plays.

The module films are 16:9: on the 1280x1024 projector the picture is 1280x720 between two
black bars (152 px each). A card (the pause question, the question after the film) fills the
whole screen, so the bars tell film from card. The films are mostly still pictures with
subtitles, so a playing film changes its picture every few seconds (at each subtitle), while
the preview's clock ("0:12 / 3:25") changes every second."""

from __future__ import annotations

import time

from PIL import Image

from tests.hands import keys, pixels
from tests.hands.app import App
from tests.hands.desk import PROJECTOR, Box
from tests.hands.windows import Window

PICTURE_HEIGHT = PROJECTOR.width * 9 // 16
BAR = (PROJECTOR.height - PICTURE_HEIGHT) // 2
PICTURE = Box(PROJECTOR.left, PROJECTOR.top + BAR, PROJECTOR.width, PICTURE_HEIGHT)
# The upper part of the picture: the film's own slide, above where subtitles are drawn.
SLIDE = Box(PICTURE.left, PICTURE.top, PICTURE.width, PICTURE.height * 3 // 5)
# The card colour (#0f1b2d) the console's preview ("Det här ser gruppen") is drawn in.
PREVIEW_FILL = (0x0F, 0x1B, 0x2D)

# The longest a playing film here goes without a new subtitle or picture is about 6.5 s
# (modules/01-grund-1-vad-ar-kultur/film/film.sv.vtt); a wait for the next one allows more.
NEXT_PICTURE_WITHIN = 12.0
# A still film is watched this long: a playing one would tick the preview's clock twice.
STILL_FOR = 2.5
# J and L skip 10 s back and on; libVLC takes a seek at once, so presses in a row add up.
# J from anywhere in a 3:37 film back to its start, with presses to spare.
SKIPS_BACK_TO_THE_START = 22
# From the start, 6 presses land 7 s before the pause point at 1:07: the film plays into it.
SKIPS_TO_BEFORE_THE_PAUSE_POINT = 6
# From the pause point, 14 presses land 9 s before the end (3:37).
SKIPS_TO_BEFORE_THE_END = 14


def skip(app: App, tens: int, from_the_start: bool = False) -> None:
    """L ``tens`` times: ten seconds on each; first J to 0:00 with ``from_the_start``."""
    back = ["j"] * SKIPS_BACK_TO_THE_START if from_the_start else []
    keys.press(app.desk, *back, *(["l"] * tens))


def letterboxed(image: Image.Image) -> bool:
    """A projector shot showing a film: black bars above, a picture between."""
    bar = image.crop((0, 0, PROJECTOR.width, BAR))
    picture = image.crop((0, BAR, PROJECTOR.width, BAR + PICTURE_HEIGHT))
    return pixels.is_black(bar) and not pixels.is_black(picture)


def showing_film(app: App) -> Image.Image | None:
    """The projector, when it shows the film (not a card, not black)."""
    now = pixels.projector(app.desk)
    return now if letterboxed(now) else None


def showing_card(app: App) -> Image.Image | None:
    """The projector, when it shows a text card over the whole screen (no film bars)."""
    now = pixels.projector(app.desk)
    bar = now.crop((0, 0, PROJECTOR.width, BAR))
    return now if not pixels.is_black(bar) and pixels.has_text(now) else None


def slide(image: Image.Image) -> Image.Image:
    """The film's own picture in a projector shot, without the subtitles."""
    top = SLIDE.top - PROJECTOR.top
    return image.crop((0, top, PROJECTOR.width, top + SLIDE.height))


def preview(app: App, console: Window) -> Box:
    """Where the console shows what the room sees (found by its colour)."""
    found = app.until(
        lambda: pixels.colour_box(pixels.grab(app.desk, console.box), PREVIEW_FILL),
        "the console's preview",
    )
    left, top, right, bottom = found
    return Box(console.box.left + left, console.box.top + top, right - left, bottom - top)


def clock_ticks(app: App, console: Window, what: str) -> None:
    """Wait until the preview's clock shows another time: the film runs."""
    box = preview(app, console)
    clock = pixels.grab(app.desk, box)
    app.until(
        lambda: pixels.changed_share(clock, pixels.grab(app.desk, box)) > 0,
        f"the film's clock to tick ({what})",
    )


def plays(app: App, console: Window, what: str) -> Image.Image:
    """Wait until the film visibly plays: the preview's clock ticks and the projector shows a
    new film picture. Returns the projector then."""
    clock_ticks(app, console, what)
    start = app.until(lambda: showing_film(app), f"the film on the projector ({what})")
    return app.until(
        lambda: (
            (now := showing_film(app)) is not None and pixels.changed_share(start, now) > 0 and now
        ),
        f"a new film picture ({what})",
        timeout=NEXT_PICTURE_WITHIN,
    )


def stands_still(app: App, console: Window, what: str) -> Image.Image:
    """Wait until the film has shown one picture, and the preview one clock time, for
    STILL_FOR seconds: paused. (A playing film's clock never stays that long.) Returns the
    projector it held."""
    box = preview(app, console)
    last: list[tuple[Image.Image, Image.Image, float]] = []

    def still_long_enough() -> Image.Image | None:
        now = pixels.projector(app.desk), pixels.grab(app.desk, box), time.monotonic()
        if not letterboxed(now[0]):
            last.clear()
            return None
        if not last or any(
            pixels.changed_share(a, b) > 0 for a, b in zip(last[0][:2], now[:2], strict=True)
        ):
            last[:] = [now]
            return None
        return now[0] if now[2] - last[0][2] >= STILL_FOR else None

    return app.until(still_long_enough, f"a still film ({what})", timeout=STILL_FOR + 4)
