"""What is on the X server's screen, measured: how dark, how flat, how different.

Levels are greyscale 0..1. The projector's card background (#0f1b2d) is about 0.09, a card with
text about 0.15, the black screen 0.0 — so "black" is a mean below 0.02."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image, ImageChops, ImageGrab, ImageStat

from tests.hands.desk import PROJECTOR, Box, Desk

BLACK_BELOW = 0.02
# A pixel counts as changed when its grey level moves by more than this (of 255): well above
# anti-aliasing noise, well below any real text-on-background contrast.
CHANGE_STEP = 40
# Large text on a flat card: the grey levels spread; a flat or black card has no spread.
TEXT_SPREAD = 8.0

# HANDS_SHOTS: another folder, so that two runs side by side keep their shots apart.
SHOTS = Path(os.environ.get("HANDS_SHOTS", "/tmp/hands-shots"))


def grab(desk: Desk, box: Box | None = None) -> Image.Image:
    shot = ImageGrab.grab(xdisplay=desk.display)
    return shot.crop(box.crop) if box is not None else shot


def projector(desk: Desk) -> Image.Image:
    return grab(desk, PROJECTOR)


def level(image: Image.Image) -> float:
    return ImageStat.Stat(image.convert("L")).mean[0] / 255


def is_black(image: Image.Image) -> bool:
    return level(image) < BLACK_BELOW


def has_text(image: Image.Image) -> bool:
    return ImageStat.Stat(image.convert("L")).stddev[0] > TEXT_SPREAD


def changed_share(before: Image.Image, after: Image.Image) -> float:
    """The share of pixels whose grey level moved clearly between two shots of one region."""
    diff = ImageChops.difference(before.convert("L"), after.convert("L"))
    moved = diff.point(lambda value: 255 if value > CHANGE_STEP else 0)
    return ImageStat.Stat(moved).mean[0] / 255


def _colour_mask(image: Image.Image, rgb: tuple[int, int, int], slack: int) -> Image.Image:
    bands = image.convert("RGB").split()
    masks = [
        band.point(lambda value, want=want: 255 if abs(value - want) <= slack else 0)
        for band, want in zip(bands, rgb, strict=True)
    ]
    return ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])


def share_of_colour(image: Image.Image, rgb: tuple[int, int, int], slack: int = 6) -> float:
    """How much of ``image`` is (nearly) one colour: a style's fill, a focus frame."""
    return ImageStat.Stat(_colour_mask(image, rgb, slack)).mean[0] / 255


def colour_box(
    image: Image.Image, rgb: tuple[int, int, int], slack: int = 6
) -> tuple[int, int, int, int] | None:
    """The bounding box of the pixels of (nearly) one colour, or None when there are none."""
    return _colour_mask(image, rgb, slack).getbbox()


def keep(image: Image.Image, name: str) -> Path:
    """Save a shot for a person to look at (and for the failure message to point to)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    image.save(path)
    return path
