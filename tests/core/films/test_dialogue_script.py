from __future__ import annotations

import pytest

from facilitator.core.films.script import ScriptError, parse_script

DIALOGUE = """
title = "Prov"

[lexicon]
hen = "hänn"

[characters.samira]
name = "Samira"
voice = "sv+f2"
pitch = 60
speed = 140
look = { skin = "#a9745a", hair = "#6b7fa8", hair_style = "covered", top = "#c77d5a" }

[characters.erik]
name = "Erik"
look = { glasses = true }

[[scenes]]
chapter = { id = "start", title = "Början" }
heading = "Hej"
narration = "Hej och välkomna."
narration_en = "Hello and welcome."

[[scenes]]
setting = "reception"
characters = ["samira", "erik"]
narration = "Samira är ny."
narration_en = "Samira is new."

[[scenes.lines]]
who = "erik"
say = "Hej! Vem är du?"
en = "Hi! Who are you?"

[[scenes.lines]]
who = "samira"
say = "Jag heter Samira."
en = "My name is Samira."
"""


def test_a_dialogue_script_parses() -> None:
    script = parse_script(DIALOGUE)
    assert script.lexicon == {"hen": "hänn"}
    samira = script.characters["samira"]
    assert (samira.voice, samira.pitch, samira.speed) == ("sv+f2", 60, 140)
    assert samira.look.hair_style == "covered"
    assert script.characters["erik"].look.glasses
    assert script.characters["erik"].speaking_voice().name == "sv"
    scene = script.scenes[1]
    assert scene.is_dialogue and scene.setting == "reception"
    assert [line.who for line in scene.lines] == ["erik", "samira"]
    assert script.has_english


def test_a_script_without_any_english_still_parses() -> None:
    text = DIALOGUE
    for english in ('narration_en = "Hello and welcome."', 'narration_en = "Samira is new."'):
        text = text.replace(english, "")
    for english in ('en = "Hi! Who are you?"', 'en = "My name is Samira."'):
        text = text.replace(english, "")
    assert not parse_script(text).has_english


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (('who = "erik"', 'who = "erik"\nwhom = "x"'), "scen 2, lines, nr 1, whom: okänd nyckel"),
        (('characters = ["samira", "erik"]', 'characters = ["samira", "bo"]'), "scen 2"),
        (('characters = ["samira", "erik"]', 'characters = ["samira", "erik", "bo"]'), "bo saknas"),
        (('characters = ["samira", "erik"]', 'characters = ["samira"]'), "2–4 personer"),
        (('characters = ["samira", "erik"]', 'characters = ["erik", "erik"]'), "två gånger"),
        (('who = "erik"', 'who = "lisa"'), "scen 2: lines nr 1: lisa är inte med"),
        (('setting = "reception"', 'setting = "kitchen"'), "scen 2, setting: måste vara ett av"),
        (('setting = "reception"\n', ""), "ange setting"),
        (('setting = "reception"', 'setting = "office"\nillustration = "iceberg"'), "hör inte hit"),
        (
            ('narration_en = "Samira is new."', ""),
            "scen 2, narration_en: den engelska texten saknas",
        ),
        (('en = "Hi! Who are you?"', ""), "scen 2, lines nr 1, en: den engelska repliken saknas"),
        (('narration = "Samira är ny."', ""), "narration_en utan narration"),
        (('hen = "hänn"', '"hen du" = "hänn"'), "lexicon, hen du"),
        (('hair_style = "covered"', 'hair_style = "mohawk"'), "hair_style"),
        (('skin = "#a9745a"', 'skin = "brown"'), "skin: har fel form"),
        (("pitch = 60", "pitch = 120"), "characters, samira, pitch: får vara högst 99"),
        (("[characters.erik]", "[characters.Erik]"), "characters, Erik: id"),
    ],
)
def test_invalid_dialogue_gives_plain_errors_naming_the_place(
    change: tuple[str, str], fragment: str
) -> None:
    text = DIALOGUE.replace(*change)
    assert text != DIALOGUE
    with pytest.raises(ScriptError) as caught:
        parse_script(text)
    assert fragment in str(caught.value)


def test_every_missing_english_text_is_listed_at_once() -> None:
    text = DIALOGUE.replace('en = "Hi! Who are you?"', "").replace(
        'narration_en = "Hello and welcome."', ""
    )
    with pytest.raises(ScriptError) as caught:
        parse_script(text)
    assert str(caught.value).splitlines() == [
        "scen 1, narration_en: den engelska texten saknas",
        "scen 2, lines nr 1, en: den engelska repliken saknas",
    ]
