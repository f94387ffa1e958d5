from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.films.dialogue_still import layout_dialogue
from facilitator.core.films.layout import SUBTITLE_BAND
from facilitator.core.films.script import HAIR_STYLES, SETTINGS, Character, Look, Scene
from facilitator.core.films.stills import Ellipse, Polygon, RoundRect, StillOverflowError, Text
from tests.core.films.test_stills import measure

CAST = {
    style: Character(
        name=f"Person {style}",
        look=Look.model_validate({"hair_style": style, "glasses": i % 2 == 0}),
    )
    for i, style in enumerate(HAIR_STYLES)
}


def _scene(setting: str, count: int, say: str = "Hej! Hur har du det i dag?") -> Scene:
    people = list(CAST)[:count]
    lines = [{"who": who, "say": say} for who in people]
    return Scene.model_validate({"setting": setting, "characters": people, "lines": lines})


def _bottom(shape: object) -> float:
    match shape:
        case Text():
            return shape.xy[1]
        case RoundRect() | Ellipse():
            return shape.box[3]
        case Polygon():
            return max(y for _x, y in shape.points)
    return 0.0


@pytest.mark.parametrize("setting", SETTINGS)
@pytest.mark.parametrize("count", [2, 3, 4])
@pytest.mark.parametrize("size", [(1280, 720), (640, 360)])
def test_every_setting_keeps_out_of_the_subtitles(
    setting: str, count: int, size: tuple[int, int]
) -> None:
    scene = _scene(setting, count)
    width, height = size
    for line in [None, *range(count)]:
        shapes = layout_dialogue(scene, CAST, line, size, measure)
        assert all(_bottom(s) <= height * (1 - SUBTITLE_BAND) for s in shapes)
        texts = [s for s in shapes if isinstance(s, Text)]
        assert all(0 <= t.xy[0] <= width for t in texts)
        names = {t.text for t in texts}
        assert {CAST[key].name for key in scene.characters} <= names
        if line is not None:
            assert "Hej! Hur har du det i dag?" in " ".join(t.text for t in texts)


def test_the_bubble_moves_with_the_speaker() -> None:
    scene = _scene("office", 2)
    bubbles = []
    for line in (0, 1):
        shapes = layout_dialogue(scene, CAST, line, (1280, 720), measure)
        bubbles.append(next(t.xy[0] for t in shapes if isinstance(t, Text) and "Hej" in t.text))
    assert bubbles[0] < 640 < bubbles[1]


def test_a_line_too_long_for_its_bubble_is_an_error() -> None:
    scene = _scene("classroom", 2, say="Ett långt ord " * 17)
    with pytest.raises(StillOverflowError):
        layout_dialogue(scene, CAST, 0, (1280, 720), measure)


def test_every_setting_paints(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    from facilitator.core.films.paint import measure as real_measure
    from facilitator.core.films.paint import paint

    for setting in SETTINGS:
        shapes = layout_dialogue(_scene(setting, 3), CAST, 1, (640, 360), real_measure)
        paint(shapes, (640, 360), tmp_path / f"{setting}.png")
        assert (tmp_path / f"{setting}.png").stat().st_size > 0
