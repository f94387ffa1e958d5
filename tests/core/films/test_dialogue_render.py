"""A real render of a short dialogue: two voices, a lexicon, English subtitles."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from facilitator.core.films.captions import MIN_CUE
from facilitator.core.films.render import output_names, render_film, spoken_sentences
from facilitator.core.films.script import load_script
from facilitator.core.films.subtitles import read_subtitles
from facilitator.core.films.transcript import LineKind, transcript_from_script
from tests.core.films.test_render import needs_tools

SCRIPT = """
title = "Samtal"
resolution = "640x360"

[voice]
pause = 0.3

[lexicon]
hen = "hänn"

[characters.samira]
name = "Samira"
voice = "sv+f2"
pitch = 60
look = { hair_style = "covered", hair = "#6b7fa8" }

[characters.erik]
name = "Erik"
voice = "sv+m3"
pitch = 35
speed = 160

[[scenes]]
chapter = { id = "fallet", title = "Fallet" }
setting = "break-room"
characters = ["samira", "erik"]
narration = "Ja. Nej. Kanske."
narration_en = "Yes. No. Maybe."

[[scenes.lines]]
who = "erik"
say = "Har hen fått en nyckel?"
en = "Have they got a key?"

[[scenes.lines]]
who = "samira"
say = "Ja."
en = "Yes."
"""


def _frame(video: Path, at: float) -> bytes:
    command = ["ffmpeg", "-nostdin", "-loglevel", "error", "-ss", f"{at:.2f}", "-i", str(video)]
    command += ["-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
    return subprocess.run(command, check=True, capture_output=True).stdout


@needs_tools
def test_render_a_short_dialogue(tmp_path: Path) -> None:
    module = tmp_path / "modul"
    (module / "film").mkdir(parents=True)
    (module / "film" / "script.toml").write_text(SCRIPT, encoding="utf-8")
    result = render_film(module, progress=None, cancel=None)
    film = module / "film"
    names = output_names("sv", english=True)
    assert sorted(p.name for p in film.iterdir()) == sorted([*names.values(), "script.toml"])

    swedish = read_subtitles(film / "film.sv.vtt")
    english = read_subtitles(film / "film.en.vtt")
    assert [(c.start, c.end) for c in english] == [(c.start, c.end) for c in swedish]
    assert [(c.start, c.end, c.text) for c in read_subtitles(film / "film.en.srt")] == [
        (c.start, c.end, c.text) for c in english
    ]
    assert all(c.end - c.start >= MIN_CUE - 0.001 for c in swedish), swedish
    assert any("nyckel" in c.text for c in swedish) and any("key" in c.text for c in english)

    # The lexicon reaches the voice and nothing else.
    script = load_script(film / "script.toml")
    said = [s.text for s in spoken_sentences(script)]
    assert "Har hänn fått en nyckel?" in said
    assert {s.voice.name for s in spoken_sentences(script)} == {"sv", "sv+m3", "sv+f2"}
    shown = " ".join(c.text for c in swedish)
    assert "hen fått" in shown and "hänn" not in shown
    transcript = transcript_from_script(script)
    speech = [
        (line.speaker, line.text) for line in transcript.lines if line.kind is LineKind.SPEECH
    ]
    assert speech == [("Erik", "Har hen fått en nyckel?"), ("Samira", "Ja.")]
    assert "Erik: Har hen fått en nyckel?" in transcript.plain_text()

    # The bubble moves: the still during Erik's line is not the one during Samira's.
    erik, samira = swedish[-2], swedish[-1]
    first = _frame(result.video, (erik.start + erik.end) / 2)
    second = _frame(result.video, (samira.start + samira.end) / 2)
    assert len(first) == 640 * 360 * 3 and first != second

    hashes = {p.name: hashlib.sha256(p.read_bytes()).digest() for p in film.iterdir()}
    render_film(module, progress=None, cancel=None)
    assert {p.name: hashlib.sha256(p.read_bytes()).digest() for p in film.iterdir()} == hashes


def test_a_film_without_english_writes_no_english_files() -> None:
    assert "english_vtt" not in output_names("sv")
    assert output_names("sv", english=True)["english_vtt"] == "film.en.vtt"


pytestmark = pytest.mark.filterwarnings("error")
