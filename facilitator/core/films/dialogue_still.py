"""The still of a dialogue scene: the people in their setting, the speaker's line in a
speech bubble over them, everyone's name under them.

One still per line. The speaker is found three ways at once, none of them loud: the bubble
points at them, their name tag lights up, and the others are faded a little.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitator.core.films.backdrops import WALL, Room, draw_backdrop
from facilitator.core.films.figures import Figure, draw_figure
from facilitator.core.films.layout import SUBTITLE_BAND
from facilitator.core.films.script import Character, Scene
from facilitator.core.films.stills import (
    ACCENT,
    BACKGROUND,
    FOREGROUND,
    MUTED,
    PANEL,
    Measure,
    Polygon,
    RoundRect,
    Shape,
    StillOverflowError,
    Text,
    fit_text,
    text_shapes,
)

__all__ = ["layout_dialogue"]

FIGURE_HEIGHT = 270  # at 720 pixels high
MUTE = 0.3  # how far a listener fades towards the wall


def _room(count: int, width: int, height: int, scale: float) -> Room:
    bottom = height * (1 - SUBTITLE_BAND) - 12 * scale
    box = (40 * scale, 60 * scale, width - 40 * scale, bottom)
    spacing = {2: 380, 3: 330, 4: 280}[count] * scale
    mid = width / 2
    slots = tuple(mid + (i - (count - 1) / 2) * spacing for i in range(count))
    horizon = box[1] + (box[3] - box[1]) * 0.6
    return Room(box, horizon, bottom - 50 * scale, slots, scale, FIGURE_HEIGHT * scale)


def _name_tag(name: str, x: float, y: float, scale: float, speaking: bool) -> list[Shape]:
    size = round(22 * scale)
    half = len(name) * size * 0.33 + 14 * scale  # generous: DejaVu is wide
    box = (x - half, y - 16 * scale, x + half, y + 16 * scale)
    fill, ink = (ACCENT, BACKGROUND) if speaking else (PANEL, MUTED)
    return [
        RoundRect(box, 16 * scale, fill),
        Text((x, y), name, size, ink, speaking, "mm"),
    ]


def _bubble(text: str, speaker: Figure, room: Room, measure: Measure, scale: float) -> list[Shape]:
    pad = 18 * scale
    x0, y0, x1, _y1 = room.box
    top, bottom = y0 + 14 * scale, speaker.head_top - 30 * scale
    widest = min((x1 - x0) * 0.62, 760 * scale)
    box = (0.0, top + pad, widest - 2 * pad, bottom - pad)
    sizes = range(round(34 * scale), round(22 * scale) - 1, -2)
    size, rows = fit_text(text, sizes, False, box, measure)
    # Narrow the bubble while the line keeps its number of rows, so no word is left alone.
    narrower = box
    while len(rows) > 1 and narrower[2] > 200 * scale:
        narrower = (0.0, box[1], narrower[2] * 0.95, box[3])
        try:
            _same, tried = fit_text(text, range(size, size - 1, -1), False, narrower, measure)
        except StillOverflowError:
            break
        if len(tried) != len(rows):
            break
        rows = tried
    inner = max(measure(row.text, size, False) for row in rows)
    width = max(inner + 2 * pad, 140 * scale)
    height = len(rows) * size * 1.3 + 2 * pad - size * 0.2
    left = min(max(speaker.x - width / 2, x0 + 16 * scale), x1 - 16 * scale - width)
    shell = (left, bottom - height, left + width, bottom)
    # The tail leaves the bubble above the speaker and stops short of the head.
    root = min(max(speaker.x, left + 40 * scale), left + width - 40 * scale)
    tail = (
        (root - 16 * scale, bottom - 2),
        (root + 16 * scale, bottom - 2),
        (speaker.x + 4 * scale, speaker.head_top - 8 * scale),
    )
    shapes: list[Shape] = [Polygon(tail, FOREGROUND), RoundRect(shell, 20 * scale, FOREGROUND)]
    origin = (left + width / 2, shell[1] + pad - size * 0.1)
    return shapes + text_shapes(rows, size, False, origin, BACKGROUND, centre=True)


def layout_dialogue(
    scene: Scene,
    cast: Mapping[str, Character],
    line: int | None,
    size: tuple[int, int],
    measure: Measure,
) -> list[Shape]:
    """The shapes of a dialogue still; ``line`` None is the scene before anyone speaks.
    Raises StillOverflowError when the line is too long for its bubble."""
    width, height = size
    scale = height / 720
    room = _room(len(scene.characters), width, height, scale)
    backdrop = draw_backdrop(scene.setting or "office", room)
    speaker = scene.lines[line].who if line is not None else None
    figures = [
        Figure(cast[key].look, x, room.floor, room.figure, seated)
        for key, x, seated in zip(scene.characters, room.slots, backdrop.seated, strict=True)
    ]
    shapes: list[Shape] = []
    if scene.heading:
        shapes.append(Text((room.left, 18 * scale), scene.heading, round(26 * scale), MUTED, True))
    shapes += backdrop.back
    for key, figure in zip(scene.characters, figures, strict=True):
        muted = MUTE if speaker is not None and key != speaker else 0.0
        shapes += draw_figure(figure, WALL, muted)
    shapes += backdrop.front
    for key, figure in zip(scene.characters, figures, strict=True):
        tag_y = room.floor + 28 * scale
        shapes += _name_tag(cast[key].name, figure.x, tag_y, scale, key == speaker)
    if line is not None:
        who = figures[scene.characters.index(scene.lines[line].who)]
        shapes += _bubble(scene.lines[line].say, who, room, measure, scale)
    return shapes
