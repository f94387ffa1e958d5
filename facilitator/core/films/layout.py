"""Where a scene's heading, text and drawing sit on its card."""

from __future__ import annotations

from facilitator.core.films.drawings import draw_illustration
from facilitator.core.films.script import Scene
from facilitator.core.films.stills import (
    ACCENT,
    FOREGROUND,
    MUTED,
    Box,
    Measure,
    RoundRect,
    Shape,
    Text,
    fit_text,
    text_shapes,
)

__all__ = ["SUBTITLE_BAND", "layout_still"]

# The bottom of the card is left empty: players draw subtitles there, and text under the
# subtitles would be unreadable twice over.
SUBTITLE_BAND = 0.2


def _sizes(largest: float, smallest: float, scale: float) -> range:
    return range(round(largest * scale), round(smallest * scale) - 1, -2)


def _accent_bar(x: float, y: float, scale: float) -> RoundRect:
    return RoundRect((x, y, x + 56 * scale, y + 6 * scale), 3 * scale, ACCENT)


def _title_still(
    scene: Scene, width: int, height: int, scale: float, measure: Measure
) -> list[Shape]:
    margin = 96 * scale
    bottom = height * (1 - SUBTITLE_BAND)
    box: Box = (margin, 0, width - margin, bottom * 0.6)
    size, rows = fit_text(scene.heading, _sizes(66, 40, scale), True, box, measure)
    block = len(rows) * size * 1.3
    top = (bottom - block) / 2 - 12 * scale
    shapes = text_shapes(rows, size, True, (width / 2, top), FOREGROUND, centre=True)
    shapes.insert(0, _accent_bar(width / 2 - 28 * scale, top - 30 * scale, scale))
    return shapes


def _quote_still(
    scene: Scene, width: int, height: int, scale: float, measure: Measure
) -> list[Shape]:
    margin = 72 * scale
    bottom = height * (1 - SUBTITLE_BAND)
    shapes: list[Shape] = [Text((margin, 20 * scale), "“", round(200 * scale), ACCENT, True)]
    box: Box = (margin + 48 * scale, 150 * scale, width - margin, bottom - 64 * scale)
    size, rows = fit_text(scene.text, _sizes(46, 26, scale), False, box, measure)
    shapes += text_shapes(rows, size, False, (box[0], box[1]), FOREGROUND, centre=False)
    if scene.heading:
        y = box[1] + len(rows) * size * 1.3 + 18 * scale
        shapes.append(Text((box[0], y), f"— {scene.heading}", round(28 * scale), MUTED))
    return shapes


def layout_still(scene: Scene, size: tuple[int, int], measure: Measure) -> list[Shape]:
    """The shapes of one card. Raises StillOverflowError when the text is too long."""
    width, height = size
    scale = height / 720
    if scene.illustration == "quote":
        return _quote_still(scene, width, height, scale, measure)
    if scene.illustration == "none" and not scene.text and scene.heading:
        return _title_still(scene, width, height, scale, measure)

    margin, top = 72 * scale, 64 * scale
    bottom = height * (1 - SUBTITLE_BAND)
    drawn = scene.illustration != "none"
    if drawn and not (scene.heading or scene.text):
        art: Box = (margin, top, width - margin, bottom)
        return draw_illustration(scene.illustration, art, scene.labels, scale, measure)
    column_right = width * 0.5 if drawn else width - margin
    shapes: list[Shape] = [_accent_bar(margin, top, scale)]
    y = top + 28 * scale
    if scene.heading:
        box: Box = (margin, y, column_right, y + 160 * scale)
        size_h, rows = fit_text(scene.heading, _sizes(50, 32, scale), True, box, measure)
        shapes += text_shapes(rows, size_h, True, (margin, y), FOREGROUND, centre=False)
        y += len(rows) * size_h * 1.3 + 20 * scale
    if scene.text:
        box = (margin, y, column_right, bottom)
        size_t, rows = fit_text(scene.text, _sizes(34, 22, scale), False, box, measure)
        shapes += text_shapes(rows, size_t, False, (margin, y), FOREGROUND, centre=False)
    if drawn:
        art = (width * 0.54, top, width - margin, bottom)
        shapes += draw_illustration(scene.illustration, art, scene.labels, scale, measure)
    return shapes
