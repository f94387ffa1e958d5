"""`facilitator check` as a leader runs it: a real process, real libVLC decoding the bundled
film, and no display (the command must pick Qt's offscreen platform by itself)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core.precheck.audio import find_audio_output

ROOT = Path(__file__).resolve().parents[2]
GRUND_1 = "grund-1-vad-ar-kultur"
FILM_LINE = "Film: Grund 1 – Vad är kultur?"

pytestmark = pytest.mark.vlc
# The sound line follows the machine: a CI machine has no sound card, a laptop does.
SOUND = find_audio_output().found is not False
SOUND_FAILURES = 0 if SOUND else 1


def headless_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHON_VLC_LIB_PATH")
    }
    env["FACILITATOR_HOME"] = str(home)
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def line_for(output: str, name: str) -> str:
    return next(line for line in output.splitlines() if f" {name} – " in line)


def test_check_plays_the_film_and_passes(facilitator_home: Path) -> None:
    result = run(["-m", "facilitator", "check", GRUND_1], headless_env(facilitator_home))
    assert result.returncode == (0 if SOUND else 1), result.stdout + result.stderr
    film = line_for(result.stdout, FILM_LINE)
    assert film.startswith("✓ OK")
    assert "sekunderna spelades, med undertexter (sv, en)" in film
    for name in ("VLC", "Skärmar", "Datamappen", "Ledigt utrymme", "Typsnitt för utskrifter"):
        assert line_for(result.stdout, name).startswith("✓ OK"), name
    last = result.stdout.rstrip().splitlines()[-1]
    if SOUND:
        assert line_for(result.stdout, "Ljud").startswith("✓ OK")
        assert "✗" not in result.stdout
        assert last.startswith("Allt är klart för sessionen")
    else:
        sound = line_for(result.stdout, "Ljud")
        assert sound.startswith("✗ FEL Ljud – Inget ljud: datorn har ingen ljudutgång")
        assert result.stdout.count("✗") == 1
        assert last.startswith("Inte klart: 1 av 9")


def test_the_env_variable_hides_libvlc(facilitator_home: Path) -> None:
    # What the next test relies on: python-vlc exits (SystemExit) when the library it is
    # pointed at cannot be loaded, so `import vlc` fails as on a machine without VLC.
    env = headless_env(facilitator_home, PYTHON_VLC_LIB_PATH="/nonexistent")
    result = run(["-c", "import vlc"], env)
    assert result.returncode != 0
    assert run(["-c", "import vlc"], headless_env(facilitator_home)).returncode == 0


def test_check_without_vlc_fails_and_says_how_to_install(facilitator_home: Path) -> None:
    env = headless_env(facilitator_home, PYTHON_VLC_LIB_PATH="/nonexistent")
    result = run(["-m", "facilitator", "check", GRUND_1], env)
    assert result.returncode == 1, result.stdout + result.stderr
    output = result.stdout
    vlc = line_for(output, "VLC")
    assert vlc.startswith("✗ FEL")
    assert "VLC hittades inte på datorn" in vlc
    assert "Gör så här: Installera VLC" in output
    # Everything that does not need VLC was still checked, and passed.
    for name in (
        "Skärmar",
        "Datamappen",
        "Ledigt utrymme",
        "Typsnitt för utskrifter",
        "Modul: Grund 1 – Vad är kultur?",
        "Undertexter: Grund 1 – Vad är kultur?",
    ):
        assert line_for(output, name).startswith("✓ OK"), name
    assert line_for(output, FILM_LINE).startswith("✗ FEL")
    failures = 2 + SOUND_FAILURES
    assert output.rstrip().splitlines()[-1].startswith(f"Inte klart: {failures} av 9")


def test_unknown_module_fails(facilitator_home: Path) -> None:
    env = headless_env(facilitator_home, PYTHON_VLC_LIB_PATH="/nonexistent")
    result = run(["-m", "facilitator", "check", "finns-inte"], env)
    assert result.returncode == 1
    assert "Det finns ingen modul med id ”finns-inte”" in result.stdout


def test_ids_and_all_together_is_a_usage_mistake(facilitator_home: Path) -> None:
    result = run(["-m", "facilitator", "check", "--all", GRUND_1], headless_env(facilitator_home))
    assert result.returncode == 2
    assert "--all" in result.stderr


def film_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if " Film: " in line]


def test_all_modules_play_at_once_and_keep_their_order(facilitator_home: Path) -> None:
    # Every bundled film decoded (several at once), the lines in the library's order, and
    # what was read from the films remembered for the next check, readable by the owner only.
    env = headless_env(facilitator_home)
    result = run(["-m", "facilitator", "check", "--all"], env)
    assert result.returncode == (0 if SOUND else 1), result.stdout + result.stderr
    modules = [
        line.split(" – ")[0].split("Modul: ")[1]
        for line in result.stdout.splitlines()
        if " Modul: " in line
    ]
    films = film_lines(result.stdout)
    assert len(modules) == len(films) == 9
    assert [line.split(" – ")[0].split("Film: ")[1] for line in films] == modules
    assert all(line.startswith("✓ OK") and "med undertexter (sv, en)" in line for line in films)
    cache = facilitator_home / "data" / "cache" / "precheck-films.json"
    assert cache.stat().st_mode & 0o077 == 0
    assert len(json.loads(cache.read_text(encoding="utf-8"))["films"]) == 9

    # A garbled cache is no obstacle: the same check, the same words, and the cache mended.
    cache.write_bytes(b"\x00{trasig")
    again = run(["-m", "facilitator", "check", "--all"], env)
    assert again.returncode == result.returncode
    assert again.stdout.count("✓") == result.stdout.count("✓")
    assert film_lines(again.stdout) == films
    assert len(json.loads(cache.read_text(encoding="utf-8"))["films"]) == 9
