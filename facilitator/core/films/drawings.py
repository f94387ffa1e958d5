"""The simple drawings a scene can show, each a handful of shapes in a square.

Coordinates are fractions of the square's side, from -0.5 to 0.5 with the origin in the
middle and y growing downwards, so each drawing reads like a small sketch on squared paper.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from facilitator.core.films.stills import (
    ACCENT,
    FOREGROUND,
    MUTED,
    PANEL,
    Box,
    Color,
    Ellipse,
    Line,
    Measure,
    Point,
    Polygon,
    RoundRect,
    Shape,
    label_shapes,
)

__all__ = ["DRAWINGS", "draw_illustration"]


class _Frame:
    def __init__(self, box: Box, scale: float, measure: Measure) -> None:
        self.side = min(box[2] - box[0], box[3] - box[1])
        self.cx, self.cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        self.scale = scale
        self.measure = measure

    def p(self, x: float, y: float) -> Point:
        return (self.cx + x * self.side, self.cy + y * self.side)

    def points(self, *xy: float) -> tuple[Point, ...]:
        return tuple(self.p(xy[i], xy[i + 1]) for i in range(0, len(xy), 2))

    def box(self, x0: float, y0: float, x1: float, y1: float) -> Box:
        return (*self.p(x0, y0), *self.p(x1, y1))

    def stroke(self, width: float) -> int:
        return max(1, round(width * self.scale))

    def label(
        self, text: str, x: float, y: float, width: float, fill: Color = FOREGROUND, lines: int = 1
    ) -> list[Shape]:
        return label_shapes(
            text, self.p(x, y), width * self.side, self.scale, self.measure, fill, lines
        )


# Outlines as x, y pairs, kept dense by hand: one number per line would hide the shape.
# fmt: off
_WATER = -0.12
_ICE_ABOVE = (-0.17, _WATER, -0.08, -0.30, -0.02, -0.26, 0.04, -0.40, 0.12, -0.22, 0.19, _WATER)
_ICE_BELOW = (-0.17, _WATER, 0.19, _WATER, 0.30, 0.02, 0.36, 0.22, 0.22, 0.40, -0.05, 0.45,
              -0.30, 0.34, -0.38, 0.12, -0.28, -0.02)
_COAST = (-0.5, -0.5, -0.02, -0.5, 0.02, -0.38, -0.04, -0.26, 0.03, -0.14, -0.01, -0.02,
          0.05, 0.08, 0.0, 0.2, 0.06, 0.32, 0.02, 0.5, -0.5, 0.5)
_ISLAND = (0.15, -0.42, 0.2, -0.4, 0.21, -0.1, 0.17, 0.1, 0.13, 0.14, 0.14, -0.12)
# fmt: on


def _wave(f: _Frame, x: float, y: float) -> Line:
    xy: list[float] = []
    for step in range(9):
        xy += [x + step * 0.012, y - 0.012 * math.sin(step * math.pi / 4)]
    return Line(f.points(*xy), MUTED, f.stroke(2))


def _labels(labels: Sequence[str], count: int) -> list[str]:
    return [*labels, *([""] * count)][:count]


def _iceberg(f: _Frame, labels: Sequence[str]) -> list[Shape]:
    above, below = _labels(labels, 2)
    water = _WATER
    shapes: list[Shape] = [
        Polygon(f.points(*_ICE_BELOW), PANEL, MUTED, f.stroke(3)),
        Polygon(f.points(*_ICE_ABOVE), FOREGROUND),
        Line(f.points(-0.5, water, 0.5, water), MUTED, f.stroke(3)),
    ]
    shapes += [_wave(f, x, y) for x, y in ((-0.46, -0.22), (0.36, 0.06), (0.36, -0.22))]
    if above:
        shapes += f.label(above, 0.34, -0.34, 0.3)
    if below:
        shapes += f.label(below, 0.0, 0.2, 0.55, lines=2)
    return shapes


def _person(f: _Frame, x: float, colour: Color) -> list[Shape]:
    return [
        Ellipse(f.box(x - 0.05, -0.2, x + 0.05, -0.1), colour),
        RoundRect(f.box(x - 0.08, -0.07, x + 0.08, 0.04), 0.05 * f.side, colour),
    ]


def _two_circles(f: _Frame, labels: Sequence[str]) -> list[Shape]:
    left, right, both = _labels(labels, 3)
    r, d = 0.29, 0.15
    shapes: list[Shape] = [
        Ellipse(f.box(-d - r, -r, -d + r, r), (245, 241, 232, 40), FOREGROUND, f.stroke(4)),
        Ellipse(f.box(d - r, -r, d + r, r), (242, 184, 75, 60), ACCENT, f.stroke(4)),
        *_person(f, -0.29, FOREGROUND),
        *_person(f, 0.29, ACCENT),
    ]
    if left:
        shapes += f.label(left, -0.27, 0.12, 0.25, lines=2)
    if right:
        shapes += f.label(right, 0.27, 0.12, 0.25, lines=2)
    if both:
        shapes.append(Line(f.points(0, 0.05, 0, 0.36), FOREGROUND, f.stroke(2)))
        shapes += f.label(both, 0, 0.42, 0.8)
    return shapes


def _three_pillars(f: _Frame, labels: Sequence[str]) -> list[Shape]:
    shapes: list[Shape] = [
        Polygon(f.points(-0.44, -0.2, 0, -0.42, 0.44, -0.2), ACCENT),
        RoundRect(f.box(-0.44, -0.2, 0.44, -0.14), 0, ACCENT),
        RoundRect(f.box(-0.47, 0.22, 0.47, 0.29), 0, FOREGROUND),
    ]
    for x, label in zip((-0.29, 0.0, 0.29), _labels(labels, 3), strict=True):
        pillar = f.box(x - 0.07, -0.11, x + 0.07, 0.19)
        shapes.append(RoundRect(pillar, 0, PANEL, FOREGROUND, f.stroke(3)))
        if label:
            shapes += f.label(label, x, 0.38, 0.28)
    return shapes


def _bubble(f: _Frame, box: Box, tail: tuple[float, ...], colour: Color) -> list[Shape]:
    return [
        Polygon(f.points(*tail), colour),
        RoundRect(f.box(*box), 0.06 * f.side, PANEL, colour, f.stroke(4)),
    ]


def _speech_bubbles(f: _Frame, labels: Sequence[str]) -> list[Shape]:
    first, second = _labels(labels, 2)
    shapes = [
        *_bubble(f, (-0.47, -0.42, 0.17, -0.06), (-0.34, -0.1, -0.4, 0.04, -0.2, -0.1), FOREGROUND),
        *_bubble(f, (-0.17, 0.06, 0.47, 0.42), (0.2, 0.38, 0.4, 0.52, 0.34, 0.38), ACCENT),
    ]
    for text, (x, y), colour in (
        (first, (-0.15, -0.24), FOREGROUND),
        (second, (0.15, 0.24), ACCENT),
    ):
        if text:
            shapes += f.label(text, x, y, 0.56, colour, lines=2)
        else:
            for dot in (-0.08, 0.0, 0.08):
                shapes.append(
                    Ellipse(f.box(x + dot - 0.02, y - 0.02, x + dot + 0.02, y + 0.02), colour)
                )
    return shapes


def _curve(f: _Frame, start: Point, control: Point, end: Point, steps: int = 24) -> list[Point]:
    """A quadratic Bézier curve as a polyline."""
    out = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * start[0] + 2 * (1 - t) * t * control[0] + t**2 * end[0]
        y = (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * control[1] + t**2 * end[1]
        out.append(f.p(x, y))
    return out


def _arrow_head(tip: Point, before: Point, size: float) -> Polygon:
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    back = (tip[0] - ux * size, tip[1] - uy * size)
    return Polygon(
        (
            tip,
            (back[0] - uy * size * 0.6, back[1] + ux * size * 0.6),
            (back[0] + uy * size * 0.6, back[1] - ux * size * 0.6),
        ),
        ACCENT,
    )


def _map_kalmar(f: _Frame, labels: Sequence[str]) -> list[Shape]:
    town, sea = _labels(labels, 2)
    shapes: list[Shape] = [
        # Land fill without an outline, then only the coastline: no box edges on the map.
        Polygon(f.points(*_COAST), PANEL),
        Line(f.points(*_COAST[2:-2]), MUTED, f.stroke(3)),
        # Long and narrow like Öland: recognisable without any real map data.
        Polygon(f.points(*_ISLAND), PANEL, MUTED, f.stroke(3)),
    ]
    shapes += [_wave(f, x, y) for x, y in ((0.3, -0.24), (0.24, 0.34), (0.36, 0.43))]
    path = _curve(f, (0.48, -0.1), (0.36, 0.3), (0.1, 0.17))
    shapes.append(Line(tuple(path[:-2]), ACCENT, f.stroke(6)))
    shapes.append(_arrow_head(path[-1], path[-3], 0.06 * f.side))
    shapes.append(Ellipse(f.box(0.025, 0.11, 0.075, 0.16), FOREGROUND, ACCENT, f.stroke(3)))
    if town:
        shapes += f.label(town, -0.2, 0.135, 0.36)
    if sea:
        shapes += f.label(sea, 0.36, -0.36, 0.26, MUTED)
    return shapes


DRAWINGS: dict[str, Callable[[_Frame, Sequence[str]], list[Shape]]] = {
    "iceberg": _iceberg,
    "two-circles": _two_circles,
    "three-pillars": _three_pillars,
    "speech-bubbles": _speech_bubbles,
    "map-kalmar": _map_kalmar,
}


def draw_illustration(
    name: str, box: Box, labels: Sequence[str], scale: float, measure: Measure
) -> list[Shape]:
    """Shapes for a drawing; "none" and "quote" are laid out by the card, not drawn here."""
    drawing = DRAWINGS.get(name)
    return [] if drawing is None else drawing(_Frame(box, scale, measure), labels)
