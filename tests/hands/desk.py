"""The meeting-room desk on one X server: a laptop monitor and, right of it, the projector.

Xvfb has one screen; RandR 1.5 monitors split it in two, and Qt 6's xcb plugin reads them as
two QScreens. "-noreset" keeps the monitors when the last client leaves between tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from tests.e2e.xvfb import xvfb

TOOLS = ("Xvfb", "xdotool", "xrandr")
WIDTH, HEIGHT = 3200, 1080


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    def contains(self, other: Box) -> bool:
        return (
            self.left <= other.left
            and self.top <= other.top
            and other.left + other.width <= self.left + self.width
            and other.top + other.height <= self.top + self.height
        )

    @property
    def crop(self) -> tuple[int, int, int, int]:
        return self.left, self.top, self.left + self.width, self.top + self.height


LAPTOP = Box(0, 0, 1920, 1080)
PROJECTOR = Box(1920, 0, 1280, 1024)


@dataclass(frozen=True)
class Desk:
    display: str

    def env(self) -> dict[str, str]:
        """The environment for programs that use this X server."""
        return dict(os.environ, DISPLAY=self.display)

    def run(self, *command: str, quiet_codes: tuple[int, ...] = ()) -> str:
        """Run an X tool here; its output. ``quiet_codes``: exit codes that are answers, not
        failures (xdotool search says 1 when it finds nothing)."""
        done = subprocess.run(
            command, env=self.env(), capture_output=True, text=True, timeout=30, check=False
        )
        if done.returncode != 0 and done.returncode not in quiet_codes:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()}")
        return done.stdout


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _monitor(box: Box, name: str, output: str) -> str:
    # RandR wants the physical size too (width/mm x height/mm); 96 dpi-ish values.
    mm_w, mm_h = round(box.width * 25.4 / 96), round(box.height * 25.4 / 96)
    return f"{name} {box.width}/{mm_w}x{box.height}/{mm_h}+{box.left}+{box.top} {output}"


@contextmanager
def two_monitor_desk() -> Iterator[Desk]:
    with xvfb(WIDTH, HEIGHT, options=("-noreset", "+extension", "RANDR")) as display:
        desk = Desk(display)
        desk.run("xrandr", "--setmonitor", *_monitor(LAPTOP, "laptop", "screen").split())
        desk.run("xrandr", "--setmonitor", *_monitor(PROJECTOR, "projector", "none").split())
        listed = desk.run("xrandr", "--listmonitors")
        if "Monitors: 2" not in listed:
            raise RuntimeError(f"the X server did not take two monitors:\n{listed}")
        yield desk


@contextmanager
def desk_or_skip() -> Iterator[Desk]:
    """A two-monitor desk, or the test skipped, saying which X tools are missing."""
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"real-keys tests need {', '.join(missing)} (apt: xvfb x11-xserver-utils xdotool)"
        )
    with two_monitor_desk() as running:
        yield running
