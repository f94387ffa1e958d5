from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.films.script import ILLUSTRATIONS, ScriptError, load_script, parse_script

EXAMPLE = Path(__file__).parent / "data" / "example_script.toml"

MINIMAL = """
title = "Prov"

[[scenes]]
chapter = { id = "start", title = "Början" }
heading = "Hej"
narration = "Hej och välkomna."
"""


def test_example_script_is_valid_and_uses_every_drawing() -> None:
    script = load_script(EXAMPLE)
    assert script.title == "Vad är kultur?"
    assert script.size == (1280, 720)
    assert script.voice.name == "sv"
    assert script.scenes[0].chapter is not None
    used = {scene.illustration for scene in script.scenes}
    assert used | {"none"} == set(ILLUSTRATIONS)


def test_defaults() -> None:
    script = parse_script(MINIMAL)
    assert script.language == "sv"
    assert script.size == (1280, 720)
    assert (script.voice.name, script.voice.speed, script.voice.pause) == ("sv", 150, 1.0)
    scene = script.scenes[0]
    assert scene.duration == "auto"
    assert scene.illustration == "none"


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (('heading = "Hej"', 'headline = "Hej"'), "headline"),
        (('heading = "Hej"', 'illustration = "volcano"'), "illustration"),
        (('heading = "Hej"', 'illustration = "quote"'), "citat"),
        (('narration = "Hej och välkomna."', 'duration = "auto"'), "duration i sekunder"),
        (('narration = "Hej och välkomna."', "duration = 0.5"), "duration"),
        (('chapter = { id = "start", title = "Början" }\n', ""), "första scenen"),
        (('chapter = { id = "start"', 'chapter = { id = "Start!"'), "chapter, id"),
        (('title = "Prov"', 'title = "Prov"\nresolution = "1279x720"'), "jämna tal"),
        (('title = "Prov"', 'title = "Prov"\n[voice]\nspeed = 20'), "voice, speed"),
        (('heading = "Hej"', 'illustration = "iceberg"\nlabels = ["a", "b", "c"]'), "högst 2"),
        (('heading = "Hej"', 'heading = "Hej"\nlabels = ["' + "x" * 30 + '"]'), "labels"),
    ],
)
def test_invalid_scripts_give_plain_errors(change: tuple[str, str], fragment: str) -> None:
    text = MINIMAL.replace(*change)
    assert text != MINIMAL
    with pytest.raises(ScriptError) as caught:
        parse_script(text)
    assert fragment in str(caught.value)


def test_error_names_the_scene() -> None:
    text = MINIMAL + '\n[[scenes]]\nheading = "Två"\nnarattion = "stavfel"\n'
    with pytest.raises(ScriptError, match=r"scen 2, narattion"):
        parse_script(text)


def test_duplicate_chapters() -> None:
    text = MINIMAL + '\n[[scenes]]\nchapter = { id = "start", title = "Igen" }\nheading = "X"\n'
    text = text.replace('heading = "X"', 'heading = "X"\nduration = 3')
    with pytest.raises(ScriptError, match="start förekommer mer än en gång"):
        parse_script(text)


def test_empty_scene() -> None:
    with pytest.raises(ScriptError, match="scenen är tom"):
        parse_script(MINIMAL + "\n[[scenes]]\nduration = 3\n")


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScriptError, match="inte giltig TOML"):
        parse_script('title = "utan slut\n')
    with pytest.raises(ScriptError, match="saknas"):
        load_script(tmp_path / "script.toml")
    with pytest.raises(ScriptError, match="scenes"):
        parse_script('title = "Inga scener"\n')
