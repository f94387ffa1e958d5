"""Under Xvfb, libVLC draws the film into the projector view's own window: the screen shows the
film's frame (colourful test pattern), not black."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import ImageGrab, ImageStat

from tests.e2e.media import make_film
from tests.e2e.xvfb import xvfb

ROOT = Path(__file__).resolve().parents[2]


def test_film_frame_is_visible_in_a_real_window(tmp_path: Path) -> None:
    film = make_film(tmp_path / "färgfilm.mp4", seconds=8, colour="testsrc2")
    with xvfb(800, 600) as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env["FACILITATOR_HOME"] = str(tmp_path / "home")
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.film_window", str(film)],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert line.startswith("playing"), line
            shot = ImageGrab.grab(xdisplay=display).crop((0, 0, 640, 360)).convert("RGB")
        finally:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(timeout=20)
    shot.save(os.environ.get("FACILITATOR_FRAME_SHOT", str(tmp_path / "film-frame.png")))
    stats = ImageStat.Stat(shot)
    assert max(stats.mean) > 40, "the film area is black"
    colours = shot.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50, "the film area is flat, not a film frame"
