from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from facilitator.core.films.render import output_names, render_film
from facilitator.core.films.subtitles import read_chapters, read_subtitles
from facilitator.core.films.tools import MissingToolError, RenderCancelledError, RenderError

TINY = """
title = "Provfilm"
resolution = "640x360"

[voice]
pause = 0.2

[[scenes]]
chapter = { id = "inledning", title = "Inledning" }
heading = "Hej"
narration = "Hej och välkomna. Det här är en kort provfilm."

[[scenes]]
chapter = { id = "isberget", title = "Isberget" }
heading = "Synligt och osynligt"
illustration = "iceberg"
labels = ["Syns", "Syns inte"]
narration = "Det mesta av en kultur syns inte."
"""

needs_tools = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("espeak-ng", "ffmpeg", "ffprobe")),
    reason="needs espeak-ng and ffmpeg (apt-get install espeak-ng ffmpeg)",
)


def _module(root: Path, script: str = TINY) -> Path:
    (root / "film").mkdir(parents=True)
    (root / "film" / "script.toml").write_text(script, encoding="utf-8")
    return root


def _hashes(folder: Path) -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def _probe(video: Path) -> dict[str, Any]:
    entries = "stream=codec_name,pix_fmt:format=duration"
    command = ["ffprobe", "-v", "error", "-show_entries", entries, "-of", "json", str(video)]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(result.stdout))


@needs_tools
def test_render_a_tiny_film_twice(tmp_path: Path) -> None:
    module = _module(tmp_path / "modul")
    steps: list[tuple[float, str]] = []
    stage = [""]
    result = render_film(
        module,
        progress=lambda f: steps.append((f, stage[0])),
        cancel=None,
        stage=lambda what: stage.__setitem__(0, what),
    )

    film = module / "film"
    names = output_names("sv")
    assert sorted(p.name for p in film.iterdir()) == sorted([*names.values(), "script.toml"])
    assert result.video == film / "film.mp4" and result.size_bytes > 0

    probe = _probe(result.video)
    codecs = {s["codec_name"] for s in probe["streams"]}
    assert codecs == {"h264", "aac"}
    duration = float(probe["format"]["duration"])
    assert duration == pytest.approx(result.duration, abs=0.05)

    cues = read_subtitles(film / "film.sv.vtt")
    assert cues and cues == [c for c in result.cues]
    assert [(c.start, c.end, c.text) for c in read_subtitles(film / "film.sv.srt")] == [
        (c.start, c.end, c.text) for c in cues
    ]
    assert abs(duration - cues[-1].end) < 0.5
    assert "Hej och välkomna." in cues[0].text

    chapters = read_chapters(film / "film.chapters.vtt")
    assert [(c.id, c.title) for c in chapters] == [
        ("inledning", "Inledning"),
        ("isberget", "Isberget"),
    ]
    assert chapters[0].start == 0 and chapters[0].end == chapters[1].start
    assert chapters[1].end == pytest.approx(duration, abs=0.05)
    # The second chapter's first cue starts inside it: speech and chapters agree.
    assert any(chapters[1].start < c.start < chapters[1].end for c in cues)

    fractions = [f for f, _m in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert [m for _f, m in steps][:2] == ["Scen 1 av 2", "Scen 2 av 2"]

    first = _hashes(film)
    render_film(module, progress=None, cancel=None)
    assert _hashes(film) == first
    assert not [p for p in film.iterdir() if p.name.startswith(".render-")]


@needs_tools
def test_cancel_leaves_the_previous_film_untouched(tmp_path: Path) -> None:
    module = _module(tmp_path / "modul")
    film = module / "film"
    (film / "film.mp4").write_bytes(b"the old film")
    calls = 0

    def cancel() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with pytest.raises(RenderCancelledError):
        render_film(module, progress=None, cancel=cancel)
    assert sorted(p.name for p in film.iterdir()) == ["film.mp4", "script.toml"]
    assert (film / "film.mp4").read_bytes() == b"the old film"


@needs_tools
def test_speech_longer_than_a_fixed_duration_is_an_error(tmp_path: Path) -> None:
    script = TINY.replace('heading = "Hej"', 'heading = "Hej"\nduration = 1')
    with pytest.raises(RenderError, match=r"Scen 1: berättarrösten tar"):
        render_film(_module(tmp_path / "m", script), progress=None, cancel=None)
    assert [p.name for p in (tmp_path / "m" / "film").iterdir()] == ["script.toml"]


def test_missing_tools_are_named_with_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(MissingToolError) as caught:
        render_film(_module(tmp_path / "m"), progress=None, cancel=None)
    assert caught.value.tool == "espeak-ng"
    assert "espeak-ng saknas" in str(caught.value)
    assert "apt-get install espeak-ng ffmpeg" in str(caught.value)


def test_the_core_imports_neither_pillow_nor_qt() -> None:
    code = (
        "import sys, facilitator.core.films.render, facilitator.core.films\n"
        "bad = [m for m in ('PIL', 'PySide6', 'vlc') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
