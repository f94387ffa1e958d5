"""Drawn people: calm, flat, front-facing figures built from a few rounded shapes.

A figure is sized by its standing height and placed by the middle of its feet; a seated one
is lower and shows its lap. Non-speakers are drawn muted, faded towards the wall behind
them, so the eye finds the speaker without anything moving.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitator.core.films.script import Look
from facilitator.core.films.stills import Color, Ellipse, Line, Point, Polygon, RoundRect, Shape

__all__ = ["Figure", "blend", "draw_figure", "hex_colour"]

TROUSERS: Color = (52, 60, 82, 255)
SHOES: Color = (30, 34, 46, 255)
FEATURES: Color = (40, 34, 40, 255)


def hex_colour(text: str) -> Color:
    return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16), 255)


def blend(colour: Color, towards: Color, share: float) -> Color:
    """``share`` of the way from one colour to another (0 keeps the colour)."""
    mixed = (round(a + (b - a) * share) for a, b in zip(colour[:3], towards[:3], strict=True))
    r, g, b = mixed
    return (r, g, b, colour[3])


@dataclass(frozen=True)
class Figure:
    look: Look
    x: float  # the middle of the feet
    floor: float  # where the feet stand
    height: float  # standing height in pixels
    seated: bool = False

    @property
    def head_top(self) -> float:
        return self.floor - self.height * (0.74 if self.seated else 1.0)


def _oval(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float) -> list[Point]:
    """Points along an ellipse from angle a0 to a1 (degrees, 0 = right, 90 = down)."""
    steps = 20
    return [
        (
            cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
            cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / steps)),
        )
        for i in range(steps + 1)
    ]


def _hair_behind(f: Figure, hair: Color, cx: float, cy: float, rx: float, ry: float) -> list[Shape]:
    style = f.look.hair_style
    if style == "long":
        return [
            RoundRect((cx - rx * 1.12, cy - ry * 1.05, cx + rx * 1.12, cy + ry * 2.0), rx, hair)
        ]
    if style == "bun":
        r = rx * 0.5
        return [Ellipse((cx - r, cy - ry * 1.05 - r * 1.3, cx + r, cy - ry * 1.05 + r * 0.5), hair)]
    if style == "covered":
        # A headscarf: an oval round the face that falls onto the shoulders.
        return [
            RoundRect(
                (cx - rx * 1.45, cy + ry * 0.2, cx + rx * 1.45, cy + ry * 2.2), rx * 0.9, hair
            ),
            Ellipse((cx - rx * 1.3, cy - ry * 1.25, cx + rx * 1.3, cy + ry * 1.3), hair),
        ]
    return []


def _hair_over(f: Figure, hair: Color, cx: float, cy: float, rx: float, ry: float) -> list[Shape]:
    style = f.look.hair_style
    if style in ("short", "long", "bun"):
        cap = _oval(cx, cy - ry * 0.05, rx * 1.06, ry * 1.08, 180, 360)
        # The fringe dips a little on one side, which reads as hair rather than a helmet.
        cap += [(cx + rx * 0.9, cy - ry * 0.2), (cx - rx * 0.2, cy - ry * 0.45)]
        cap += [(cx - rx * 1.0, cy - ry * 0.05)]
        return [Polygon(tuple(cap), hair)]
    if style == "curly":
        shapes: list[Shape] = []
        r = rx * 0.42
        for angle in range(180, 361, 30):
            px = cx + rx * 0.92 * math.cos(math.radians(angle))
            py = cy - ry * 0.1 + ry * 0.92 * math.sin(math.radians(angle))
            shapes.append(Ellipse((px - r, py - r, px + r, py + r), hair))
        return shapes
    return []


def _face(
    f: Figure, skin: Color, cx: float, cy: float, rx: float, ry: float, muted: float
) -> list[Shape]:
    ink = blend(FEATURES, skin, muted * 0.6) if muted else FEATURES
    dot = max(1.5, rx * 0.11)
    shapes: list[Shape] = [
        Ellipse((cx - rx * 0.42 - dot, cy - dot, cx - rx * 0.42 + dot, cy + dot), ink),
        Ellipse((cx + rx * 0.42 - dot, cy - dot, cx + rx * 0.42 + dot, cy + dot), ink),
    ]
    smile = _oval(cx, cy + ry * 0.32, rx * 0.28, ry * 0.14, 20, 160)
    shapes.append(Line(tuple(smile), ink, max(1, round(rx * 0.07))))
    if f.look.glasses:
        lens = rx * 0.3
        width = max(1, round(rx * 0.08))
        for side in (-1, 1):
            ex = cx + side * rx * 0.42
            shapes.append(Ellipse((ex - lens, cy - lens, ex + lens, cy + lens), None, ink, width))
        shapes.append(Line(((cx - rx * 0.12, cy), (cx + rx * 0.12, cy)), ink, width))
    return shapes


def draw_figure(figure: Figure, wall: Color, muted: float = 0.0) -> list[Shape]:
    """The figure's shapes, back to front. ``muted`` fades it towards ``wall`` (0 = none)."""

    def paint(colour: Color) -> Color:
        return blend(colour, wall, muted) if muted else colour

    look, h, x = figure.look, figure.height, figure.x
    skin = paint(hex_colour(look.skin))
    hair = paint(hex_colour(look.hair))
    top = paint(hex_colour(look.top))
    sleeve = paint(blend(hex_colour(look.top), (0, 0, 0, 255), 0.12))
    trousers, shoes = paint(TROUSERS), paint(SHOES)
    head_top = figure.head_top
    rx, ry = h * 0.085, h * 0.1
    cx, cy = x, head_top + ry
    shoulders, hips = head_top + h * 0.25, head_top + h * 0.6
    half = h * 0.15
    covered = look.hair_style == "covered"
    behind = _hair_behind(figure, hair, cx, cy, rx, ry)
    shapes: list[Shape] = [] if covered else behind
    # Legs first, so the top's hem falls over them.
    leg = h * 0.06
    if figure.seated:
        lap = hips + h * 0.1
        shapes.append(RoundRect((x - half, hips - h * 0.04, x + half, lap), h * 0.04, trousers))
        for side in (-1, 1):
            lx = x + side * half * 0.5
            shapes.append(
                RoundRect((lx - leg, lap - h * 0.02, lx + leg, figure.floor), leg, trousers)
            )
    else:
        for side in (-1, 1):
            lx = x + side * half * 0.45
            shapes.append(
                RoundRect((lx - leg, hips - h * 0.05, lx + leg, figure.floor), leg, trousers)
            )
    for side in (-1, 1):
        fx = x + side * half * (0.5 if figure.seated else 0.45) + side * leg * 0.3
        shapes.append(
            Ellipse(
                (
                    fx - leg * 1.4,
                    figure.floor - leg * 0.9,
                    fx + leg * 1.4,
                    figure.floor + leg * 0.5,
                ),
                shoes,
            )
        )
    arm = h * 0.055
    for side in (-1, 1):
        ax = x + side * (half + arm * 0.55)
        shapes.append(
            RoundRect((ax - arm, shoulders + h * 0.02, ax + arm, hips + h * 0.02), arm, sleeve)
        )
        shapes.append(Ellipse((ax - arm, hips - arm * 0.4, ax + arm, hips + arm * 1.6), skin))
    neck = rx * 0.45
    if not covered:
        neck_box = (x - neck, cy + ry * 0.6, x + neck, shoulders + h * 0.03)
        shapes.append(RoundRect(neck_box, neck * 0.5, skin))
    shapes.append(RoundRect((x - half, shoulders, x + half, hips + h * 0.03), h * 0.07, top))
    if covered:
        shapes += behind  # the scarf falls over the shoulders
    shapes.append(Ellipse((cx - rx, cy - ry, cx + rx, cy + ry), skin))
    shapes += _hair_over(figure, hair, cx, cy, rx, ry)
    shapes += _face(figure, skin, cx, cy, rx, ry, muted)
    return shapes
