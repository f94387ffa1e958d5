from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.films.layout import SUBTITLE_BAND, layout_still
from facilitator.core.films.script import ILLUSTRATIONS, MAX_LABELS, Scene
from facilitator.core.films.stills import Ellipse, Polygon, RoundRect, StillOverflowError, Text


def measure(text: str, size: int, bold: bool) -> float:
    """Roughly DejaVu Sans: wide enough that a layout that fits here fits on the card."""
    return len(text) * size * (0.66 if bold else 0.6)


def _scene(illustration: str, **extra: object) -> Scene:
    labels = ["Etikett"] * MAX_LABELS[illustration]
    fields: dict[str, object] = {
        "heading": "Rubrik",
        "text": "- En punkt\n- En punkt till\n\nOch ett stycke.",
        "illustration": illustration,
        "labels": labels,
        "narration": "Hej.",
    }
    fields.update(extra)
    return Scene.model_validate(fields)


@pytest.mark.parametrize("illustration", ILLUSTRATIONS)
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (640, 360)])
def test_every_layout_stays_on_the_card_and_out_of_the_subtitles(
    illustration: str, size: tuple[int, int]
) -> None:
    width, height = size
    shapes = layout_still(_scene(illustration), size, measure)
    assert shapes
    for shape in shapes:
        if isinstance(shape, Text):
            assert 0 <= shape.xy[0] <= width and 0 <= shape.xy[1] <= height
            if shape.text not in ("“",):
                assert shape.xy[1] + shape.size <= height * (1 - SUBTITLE_BAND) + 1
        elif isinstance(shape, Polygon):
            assert all(0 <= x <= width and 0 <= y <= height for x, y in shape.points)
        elif isinstance(shape, (Ellipse, RoundRect)):
            x0, y0, x1, y1 = shape.box
            assert 0 <= x0 <= x1 <= width and 0 <= y0 <= y1 <= height * (1 - SUBTITLE_BAND) + 1


def test_title_card_is_centred() -> None:
    shapes = layout_still(Scene(heading="Vad är kultur?", narration="Hej."), (1280, 720), measure)
    texts = [s for s in shapes if isinstance(s, Text)]
    assert texts[0].anchor == "ma" and texts[0].xy[0] == 640


def test_text_that_does_not_fit_is_reported() -> None:
    with pytest.raises(StillOverflowError, match="får inte plats"):
        layout_still(_scene("iceberg", text="ord " * 140), (1280, 720), lambda t, s, b: len(t) * s)


def test_draw_card_writes_a_png(tmp_path: Path) -> None:
    pytest.importorskip("PIL")
    from PIL import Image

    from facilitator.core.films.render import draw_still
    from facilitator.core.films.script import FilmScript

    out = tmp_path / "card.png"
    scene = _scene("map-kalmar", chapter={"id": "a", "title": "A"})
    draw_still(FilmScript(title="Prov", scenes=[scene]), 0, out)
    with Image.open(out) as image:
        assert image.size == (1280, 720)
        assert image.getpixel((5, 5)) == (16, 27, 51)
