"""The real app process: start, report readiness, and look like something on a real X server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageGrab, ImageStat

from tests.e2e.running_app import running_app
from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]


def run_app(
    args: list[str], env: dict[str, str], timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def base_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["FACILITATOR_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_version(facilitator_home: Path) -> None:
    result = run_app(["--version"], base_env(facilitator_home))
    assert result.returncode == 0
    assert result.stdout.startswith("facilitator ")


def test_exit_when_ready_prints_ready_ms(facilitator_home: Path) -> None:
    result = run_app(["--exit-when-ready"], base_env(facilitator_home))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("ready_ms=")]
    assert len(lines) == 1
    assert 0 < int(lines[0].split("=")[1]) < 30_000
    assert (facilitator_home / "logs").is_dir()


def test_garbled_settings_do_not_stop_the_app(facilitator_home: Path) -> None:
    config = facilitator_home / "config"
    config.mkdir(parents=True)
    (config / "settings.toml").write_text("language = = nonsense")
    result = run_app(["--exit-when-ready"], base_env(facilitator_home))
    assert result.returncode == 0, result.stderr
    assert list(config.glob("settings.broken-*.toml"))


def test_screenshot_of_main_window_under_xvfb(facilitator_home: Path, tmp_path: Path) -> None:
    """Starts the app on a real X server, grabs the screen while it runs, checks it isn't blank."""
    with xvfb() as display:
        env = base_env(facilitator_home)
        env["QT_QPA_PLATFORM"] = "xcb"
        env["DISPLAY"] = display
        with running_app(env) as proc:
            shot = ImageGrab.grab(xdisplay=display)
        assert proc.returncode == 0
    shot.save(tmp_path / "screen.png")
    stats = ImageStat.Stat(shot.convert("L"))
    assert stats.stddev[0] > 10, "the screen is blank"
    colours = shot.convert("RGB").getcolors(maxcolors=1_000_000) or []
    assert len(colours) > 20
    assert isinstance(shot, Image.Image)
