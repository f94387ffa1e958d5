"""What the room sees: the projector monitor's pixels, judged.

Measured on the 1280x1024 projector: a new card (next step, the rules) moves 10–14 % of the
pixels, the countdown's tick about 0.5 %. NEW_CARD_SHARE lies between the two."""

from __future__ import annotations

from PIL import Image

from tests.hands import pixels
from tests.hands.app import App
from tests.hands.desk import PROJECTOR, Box

NEW_CARD_SHARE = 0.03


def settled(app: App, box: Box = PROJECTOR) -> Image.Image:
    """A shot of ``box`` once two shots in a row agree (nothing half drawn)."""
    last: list[Image.Image] = [pixels.grab(app.desk, box)]

    def same_again() -> Image.Image | None:
        now = pixels.grab(app.desk, box)
        same = pixels.changed_share(last[0], now) == 0
        last[0] = now
        return now if same else None

    return app.until(same_again, f"a steady picture in {box}")


def changed_from(app: App, before: Image.Image) -> Image.Image | None:
    """The projector now, when it shows another card than ``before``."""
    now = pixels.projector(app.desk)
    return now if pixels.changed_share(before, now) > NEW_CARD_SHARE else None


def same_as(app: App, before: Image.Image) -> Image.Image | None:
    """The projector now, when it shows the card of ``before`` (the clock may have ticked)."""
    now = pixels.projector(app.desk)
    return now if pixels.changed_share(before, now) < NEW_CARD_SHARE / 3 else None


def black(app: App) -> Image.Image | None:
    now = pixels.projector(app.desk)
    return now if pixels.is_black(now) else None


def showing_text(app: App) -> Image.Image | None:
    now = pixels.projector(app.desk)
    return now if not pixels.is_black(now) and pixels.has_text(now) else None
