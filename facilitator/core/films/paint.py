"""Shapes to pixels: the only place that draws with Pillow, imported inside functions so the
app (which never renders a film) never needs it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.core.films.stills import (
    BACKGROUND,
    Ellipse,
    Line,
    Polygon,
    RoundRect,
    Shape,
    Text,
)
from facilitator.core.films.tools import MissingToolError
from facilitator.core.paths import resources_dir

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont, ImageFont

__all__ = ["measure", "paint"]

_FONT_DIRS = (resources_dir() / "fonts", Path("/usr/share/fonts/truetype/dejavu"))


@lru_cache(maxsize=64)
def _font(size: int, bold: bool) -> FreeTypeFont | ImageFont:
    try:
        from PIL import ImageFont  # noqa: PLC0415 - Pillow is an author's tool, not the app's
    except ImportError:
        raise MissingToolError("Pillow", "pip install Pillow") from None

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        for folder in _FONT_DIRS:
            if (folder / name).is_file():
                return ImageFont.truetype(str(folder / name), size)
        return ImageFont.load_default(size)
    except ImportError:
        # A Pillow without its FreeType part (the installable app leaves it out, decision 0018).
        raise MissingToolError("Pillow", "pip install Pillow") from None


def measure(text: str, size: int, bold: bool) -> float:
    return float(_font(size, bold).getlength(text))


def paint(shapes: Sequence[Shape], size: tuple[int, int], out: Path) -> None:
    from PIL import Image, ImageDraw  # noqa: PLC0415 - as in _font

    image = Image.new("RGB", size, BACKGROUND[:3])
    # An RGBA draw blends translucent fills (the overlap of the two circles) onto the card.
    draw = ImageDraw.Draw(image, "RGBA")
    for shape in shapes:
        match shape:
            case Polygon():
                draw.polygon(shape.points, shape.fill, shape.outline, shape.width)
            case Ellipse():
                draw.ellipse(shape.box, shape.fill, shape.outline, shape.width)
            case Line():
                draw.line(shape.points, shape.fill, shape.width, joint="curve")
            case RoundRect():
                draw.rounded_rectangle(
                    shape.box, shape.radius, shape.fill, shape.outline, shape.width
                )
            case Text():
                font = _font(shape.size, shape.bold)
                draw.text(shape.xy, shape.text, shape.fill, font, anchor=shape.anchor)
    image.save(out, format="PNG")
