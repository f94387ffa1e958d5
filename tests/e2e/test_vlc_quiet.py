"""libVLC without a sound card: ALSA's and libVLC's complaints go to the app's log, once, and
never to the terminal. A real process plays a real film through the app's VlcPlayer with the
ALSA output; its standard output and error are read whole."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core.precheck.audio import find_audio_output
from tests.e2e.media import make_film

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.vlc


def test_no_alsa_lines_reach_the_terminal(tmp_path: Path) -> None:
    film = make_film(tmp_path / "film.mp4", seconds=4)
    log_file = tmp_path / "log" / "facilitator.log"
    result = subprocess.run(
        [sys.executable, "-m", "tests.e2e.play_with_alsa", str(film), str(log_file), "3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    terminal = result.stdout + result.stderr
    # The film really played (else there would be nothing to be quiet about).
    assert result.stdout.splitlines()[-1].startswith("PLAYED ")
    assert float(result.stdout.splitlines()[-1].split()[1]) >= 1.0
    assert "ALSA" not in terminal
    assert "audio output" not in terminal
    assert "libvlc" not in terminal.lower()
    assert len(result.stdout.splitlines()) == 1, result.stdout
    log = log_file.read_text(encoding="utf-8")
    audio = [line for line in log.splitlines() if "No working audio output" in line]
    assert len(audio) <= 1, log
    assert all(" WARNING " in line for line in audio)
    assert "ALSA lib" not in log.replace(audio[0] if audio else "", "")
    if find_audio_output().found is False:
        # The machine has no sound card: the flood happened, and became one line.
        assert len(audio) == 1, log
    # Nothing libVLC says is logged twice.
    lines = [line.split(": ", 1)[1] for line in log.splitlines() if "facilitator.vlc" in line]
    assert len(lines) == len(set(lines)), log
    # libVLC's printf-style messages arrive expanded (its va_list formatted by libc).
    assert not any("%" in line for line in lines if line.startswith("libVLC: ")), log
