"""The look of a film still (the picture a scene shows while its narration plays) as plain
shapes: where the heading, text and drawing go. ("Card" is the projector's word; a film has
stills.)

Layout is kept apart from pixels so that it needs no imaging library: the renderer passes in
a function that measures text and turns the shapes into an image. Sizes are given for a
720-pixel-high still and scaled, so a 1080p film looks the same, only sharper.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from facilitator.core.i18n import _

Color = tuple[int, int, int, int]
Point = tuple[float, float]
Box = tuple[float, float, float, float]
Measure = Callable[[str, int, bool], float]
"""Width in pixels of one line of text at a size, bold or not."""

# A calm, high-contrast palette that survives a washed-out projector.
BACKGROUND: Color = (16, 27, 51, 255)
FOREGROUND: Color = (245, 241, 232, 255)
ACCENT: Color = (242, 184, 75, 255)
MUTED: Color = (150, 165, 195, 255)
PANEL: Color = (36, 54, 92, 255)
LEADING = 1.3


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    fill: Color | None
    outline: Color | None = None
    width: int = 0


@dataclass(frozen=True)
class Ellipse:
    box: Box
    fill: Color | None
    outline: Color | None = None
    width: int = 0


@dataclass(frozen=True)
class Line:
    points: tuple[Point, ...]
    fill: Color
    width: int


@dataclass(frozen=True)
class RoundRect:
    box: Box
    radius: float
    fill: Color | None
    outline: Color | None = None
    width: int = 0


@dataclass(frozen=True)
class Text:
    """One line of text. ``anchor`` is Pillow's: "la" top-left, "mm" centred."""

    xy: Point
    text: str
    size: int
    fill: Color
    bold: bool = False
    anchor: str = "la"


Shape = Polygon | Ellipse | Line | RoundRect | Text


class StillOverflowError(ValueError):
    """Text that does not fit even at the smallest readable size."""


@dataclass(frozen=True)
class _Row:
    text: str
    indent: float = 0.0
    bullet: bool = False
    space_before: float = 0.0  # in line heights


def wrap_words(text: str, size: int, bold: bool, width: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and measure(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _rows(text: str, size: int, bold: bool, width: float, measure: Measure) -> list[_Row]:
    """Lines as written, wrapped; "- " starts a bullet, a blank line starts a paragraph."""
    rows: list[_Row] = []
    gap = 0.0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            gap = 0.5 if rows else 0.0
            continue
        bullet = line.startswith(("- ", "* ", "• "))
        if bullet:
            line = line[2:].strip()
        indent = measure("•  ", size, bold) if bullet else 0.0
        for number, piece in enumerate(wrap_words(line, size, bold, width - indent, measure)):
            first = number == 0
            rows.append(_Row(piece, indent, bullet and first, gap if first else 0.0))
        gap = 0.0
    return rows


def _height(rows: Sequence[_Row], size: int) -> float:
    return sum((1 + row.space_before) * size * LEADING for row in rows)


def fit_text(
    text: str, sizes: range, bold: bool, box: Box, measure: Measure
) -> tuple[int, list[_Row]]:
    """The largest size in ``sizes`` (largest first) at which the text fits in the box."""
    width, height = box[2] - box[0], box[3] - box[1]
    for size in sizes:
        rows = _rows(text, size, bold, width, measure)
        too_wide = any(measure(r.text, size, bold) + r.indent > width for r in rows)
        if not too_wide and _height(rows, size) <= height:
            return size, rows
    shown = " ".join(text.split())
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    raise StillOverflowError(
        _("texten får inte plats på bilden, korta den: {text}").format(text=shown)
    )


def text_shapes(
    rows: Sequence[_Row], size: int, bold: bool, origin: Point, fill: Color, *, centre: bool
) -> list[Shape]:
    """Rows stacked from ``origin`` (their top; left edge, or the centre line if ``centre``)."""
    shapes: list[Shape] = []
    x, y = origin
    for row in rows:
        y += row.space_before * size * LEADING
        if row.bullet:
            shapes.append(Text((x, y), "•", size, ACCENT, bold))
        anchor = "ma" if centre else "la"
        shapes.append(Text((x + row.indent, y), row.text, size, fill, bold, anchor))
        y += size * LEADING
    return shapes


def label_shapes(
    text: str,
    centre: Point,
    max_width: float,
    scale: float,
    measure: Measure,
    fill: Color = FOREGROUND,
    max_lines: int = 1,
) -> list[Shape]:
    """A short label centred on a point, shrunk until it fits (in up to ``max_lines`` lines)."""
    for size in range(round(26 * scale), round(17 * scale) - 1, -1):
        lines = wrap_words(text, size, False, max_width, measure)
        if len(lines) <= max_lines and all(measure(ln, size, False) <= max_width for ln in lines):
            top = centre[1] - len(lines) * size * LEADING / 2 + size * (LEADING - 1) / 2
            return [
                Text((centre[0], top + i * size * LEADING), ln, size, fill, False, "ma")
                for i, ln in enumerate(lines)
            ]
    raise StillOverflowError(_("etiketten får inte plats, korta den: {text}").format(text=text))
