"""A complete, valid module built from docs/examples/example-module with real media files."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.content.media_probe import FfprobeProbe, MediaProbe

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "docs" / "examples" / "example-module"
FILM_SECONDS = 70

SUBTITLES = """WEBVTT

00:00:00.000 --> 00:00:05.000
Välkomna till filmen.

00:00:05.000 --> 00:01:09.000
Det här är en exempelfilm.
"""

CHAPTERS = """WEBVTT

inledning
00:00:00.000 --> 00:00:30.000
Inledning

slut
00:00:30.000 --> 00:01:10.000
Slut
"""


def _intro(words: int) -> str:
    return "# Introduktion\n\n" + " ".join(["samtal"] * words) + "\n"


@pytest.fixture(scope="session")
def film_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg is needed to make a test film")
    film = tmp_path_factory.mktemp("media") / "film.mp4"
    command = (
        f"ffmpeg -loglevel error -y -f lavfi -i testsrc=duration={FILM_SECONDS}:size=320x240:rate=10"
        f" -f lavfi -i sine=duration={FILM_SECONDS} -pix_fmt yuv420p -c:v libx264 -c:a aac"
    ).split()
    subprocess.run([*command, str(film)], check=True, timeout=120)
    return film


@pytest.fixture
def probe() -> MediaProbe:
    found = FfprobeProbe.find()
    if found is None:
        pytest.skip("ffprobe is needed to read the film's length")
    return found


def complete_module(folder: Path, film: Path) -> Path:
    """Fill in what docs/examples/example-module refers to but does not ship."""
    files = {
        "film/film.sv.vtt": SUBTITLES,
        "film/film.chapters.vtt": CHAPTERS,
        "film/script.toml": 'title = "Exempel"\n',
        "texts/introduktion.md": _intro(700),
        "printables/isberget.md": "# Isberget\n\nRita ett isberg.\n",
    }
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_text(text, encoding="utf-8")
    if not (folder / "film" / "film.mp4").exists():
        shutil.copyfile(film, folder / "film" / "film.mp4")
    return folder


@pytest.fixture
def make_module(tmp_path: Path, film_file: Path) -> Callable[[str], Path]:
    """A fresh copy of the example module in tmp_path/<name>."""

    def make(name: str = "exempel-modul") -> Path:
        folder = tmp_path / "src" / name
        shutil.copytree(EXAMPLE, folder)
        return complete_module(folder, film_file)

    return make


@pytest.fixture
def module(make_module: Callable[[str], Path]) -> Path:
    return make_module("exempel-modul")


def edit_manifest(folder: Path, old: str, new: str) -> None:
    path = folder / "module.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def set_version(folder: Path, version: str) -> None:
    path = folder / "module.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('version = "')
    end = text.index('"', start + len('version = "'))
    path.write_text(text[:start] + f'version = "{version}' + text[end:], encoding="utf-8")
