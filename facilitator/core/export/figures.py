"""The drawings a printable page asks for with a ``figure <name>`` fence, as vector graphics
across the text width: worksheets to write on and stick notes to, so the drawing is simple,
its lines calm and most of its area empty."""

from __future__ import annotations

import math
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from facilitator.core.export.fonts import LATIN
from facilitator.core.export.styles import INK, MUTED
from facilitator.core.markdown.figures import FIGURES

ICE = colors.Color(0.93, 0.93, 0.93)
"""The iceberg below the water: pale enough to write on in pencil."""
RING_TINT = colors.Color(0.95, 0.95, 0.95)

# The iceberg's outline as (x, y) in shares of the figure's width (x from its middle) and of
# the height above or below the water line.
_TIP = [
    (-0.14, 0.0),
    (-0.11, 0.22),
    (-0.07, 0.30),
    (-0.04, 0.62),
    (0.00, 0.88),
    (0.035, 0.70),
    (0.07, 0.66),
    (0.10, 0.34),
    (0.15, 0.0),
]
_MASS = [
    (0.15, 0.0),
    (0.22, -0.10),
    (0.25, -0.24),
    (0.31, -0.38),
    (0.29, -0.56),
    (0.24, -0.68),
    (0.20, -0.84),
    (0.08, -0.95),
    (-0.04, -0.92),
    (-0.15, -0.97),
    (-0.24, -0.80),
    (-0.28, -0.62),
    (-0.32, -0.44),
    (-0.26, -0.26),
    (-0.22, -0.10),
    (-0.14, 0.0),
]


_ICE_MIDDLE = 0.64
"""Where the berg's centre stands, as a share of the width."""
_ICE_SCALE = 0.85
"""The outline's width as drawn, so the left third stays free for the labels."""


class _Figure(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    def __init__(self, labels: tuple[str, ...], width: float) -> None:
        super().__init__()
        self.labels = labels
        self.width = width
        self.height = 0.0

    def _label(self, text: str, x: float, y: float, size: float, *, centred: bool) -> None:
        canvas: Any = self.canv
        canvas.setFont(LATIN.bold, size)
        canvas.setFillColor(INK)
        if centred:
            canvas.drawCentredString(x, y, text)
        else:
            canvas.drawString(x, y, text)


class IcebergFigure(_Figure):
    """A small tip above a wavy water line, a large mass below, the two labels wrapped at the
    left by the line, and wide empty margins on both sides for notes."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # As tall as the page allows, within reason: the space is what the group writes in.
        self.height = max(110 * mm, min(avail_height, self.width * 1.25))
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        width, height = self.width, self.height
        water = height * 0.70
        above, below = height - water - 4 * mm, water - 4 * mm
        # The berg stands right of the middle so the labels have the left to themselves and
        # never cross the ice, however long an author writes them.
        middle, scale = width * _ICE_MIDDLE, _ICE_SCALE

        def polygon(points: list[tuple[float, float]]) -> Any:
            path = canvas.beginPath()
            path.moveTo(*points[0])
            for point in points[1:]:
                path.lineTo(*point)
            path.close()
            return path

        tip = [(middle + x * scale * width, water + y * above) for x, y in _TIP]
        mass = [(middle + x * scale * width, water + y * below) for x, y in _MASS]
        canvas.saveState()
        canvas.setLineJoin(1)
        canvas.setFillColor(ICE)
        canvas.drawPath(polygon(mass), stroke=0, fill=1)
        # The surface through the ice: thin and grey, so the berg still reads as one.
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.5)
        canvas.line(tip[0][0], water, tip[-1][0], water)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.2)
        canvas.drawPath(polygon(tip[:-1] + mass[:-1]), stroke=1, fill=0)
        self._water(water, 0, tip[0][0])
        self._water(water, tip[-1][0], width)
        canvas.restoreState()
        room = min(x for x, _y in mass) - 6 * mm
        size, leading = 12.0, 15.0
        over = simpleSplit(self.labels[0], LATIN.bold, size, room)
        under = simpleSplit(self.labels[1], LATIN.bold, size, room)
        for row, text in enumerate(reversed(over)):
            self._label(text, 0, water + 3 * mm + row * leading, size, centred=False)
        for row, text in enumerate(under):
            self._label(text, 0, water - 3 * mm - size - row * leading, size, centred=False)

    def _water(self, level: float, start: float, end: float) -> None:
        """A gently waving line from ``start`` to ``end``, meeting the ice on the level."""
        canvas: Any = self.canv
        waves = max(1, round((end - start) / (16 * mm)))
        length = (end - start) / waves
        rise = 2.2
        path = canvas.beginPath()
        path.moveTo(start, level)
        for wave in range(waves):
            x = start + wave * length
            quarter, half = x + length / 4, x + length / 2
            path.curveTo(quarter, level + rise, quarter, level + rise, half, level)
            three = x + 3 * length / 4
            path.curveTo(three, level - rise, three, level - rise, x + length, level)
        canvas.drawPath(path, stroke=1, fill=0)


class RingsFigure(_Figure):
    """Concentric rings, the first label in the centre and each next one in the ring around
    it; the labels sit on a white band up the middle, so the rings stay free to write in."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(self.width * 0.8, min(avail_height, self.width))
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        count = len(self.labels)
        radius = self.height / 2 - 1
        step = radius / count
        cx, cy = self.width / 2, self.height / 2
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(1.0)
        for ring in range(count, 0, -1):
            # Every other ring tinted, so a note is clearly in one ring or the next.
            canvas.setFillColor(RING_TINT if (count - ring) % 2 == 0 else colors.white)
            canvas.circle(cx, cy, step * ring, stroke=1, fill=1)
        canvas.restoreState()
        size = min(11.0, step * 0.34)
        for index, label in enumerate(self.labels):
            y = cy if index == 0 else cy + step * (index + 0.5)
            room = 2 * step if index == 0 else 2 * math.sqrt(max(0.0, step * index) ** 2 + 1)
            self._band(label, cx, y, size, max(room, 30 * mm) - 4)

    def _band(self, text: str, x: float, y: float, size: float, room: float) -> None:
        canvas: Any = self.canv
        lines = simpleSplit(text, LATIN.bold, size, room)[:2]
        leading = size * 1.2
        widest = max(canvas.stringWidth(line, LATIN.bold, size) for line in lines)
        height = leading * len(lines)
        canvas.saveState()
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(colors.white)
        canvas.roundRect(
            x - widest / 2 - 2 * mm,
            y - height / 2 - 1.2 * mm,
            widest + 4 * mm,
            height + 2.4 * mm,
            1.5 * mm,
            stroke=0,
            fill=1,
        )
        canvas.restoreState()
        top = y + height / 2 - size * 0.95
        for number, line in enumerate(lines):
            self._label(line, x, top - number * leading, size, centred=True)


def figure_flowable(name: str, labels: tuple[str, ...], width: float) -> Flowable | None:
    """The drawing, or None for a name or label count the validator would refuse."""
    kind = FIGURES.get(name)
    if kind is None or not kind.accepts(len(labels)):
        return None
    if name == "iceberg":
        return IcebergFigure(labels, width)
    return RingsFigure(labels, width)
