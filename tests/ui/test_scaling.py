"""OS text scaling (EN 301 549 11.7, WCAG 1.4.4 and 1.4.10): at 150 % and 200 % on a 1920×1080
screen, and at 100 % on 1280×720, the whole app fits its screen. Before, at 150 % the window
came up 1800×1170 on a 1080 screen, and in a film step the console grew to 2007 px with the
countdown, the reflections and "Avsluta" off-screen.

Each size runs the real app in its own process (a scale factor is fixed when Qt starts):
tests/ui/scaling_probe.py walks the library, the planner, the console in a first, a film and a
prompt step, the close-out pages, the history and the dialogs, and reports every visible
widget that lies outside the screen's available geometry, every label or button narrower or
lower than its text needs, and any of the console's essentials (the step, its countdown, the
step buttons, "Avsluta") scrolled even partly out of view. The three run side by side.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT

SIZES = {
    # width, height (device pixels), Qt's scale factor, the font DPI
    "150 % (QT_SCALE_FACTOR=1.5) on 1920×1080": ("1920", "1080", "1.5", "96"),
    "200 % (font DPI 192) on 1920×1080": ("1920", "1080", "1", "192"),
    "100 % on 1280×720": ("1280", "720", "1", "96"),
}
# What the app sees of each screen, in device-independent pixels.
LOGICAL = dict(zip(SIZES, ([1280, 720], [960, 540], [1280, 720]), strict=True))


def test_nothing_is_off_screen_or_clipped_at_150_and_200_percent_and_on_1280_by_720() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_SCALE_FACTOR", "DISPLAY")}
    probes = {
        name: subprocess.Popen(
            [sys.executable, "-m", "tests.ui.scaling_probe", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, args in SIZES.items()
    }
    found = {}
    for name, probe in probes.items():
        out, err = probe.communicate(timeout=180)
        assert probe.returncode == 0, f"{name}: {err[-3000:]}"
        report = json.loads(out.strip().splitlines()[-1])
        assert report["available"][2:] == LOGICAL[name]  # the scaling took effect
        found[name] = report["problems"]
    assert found == {name: [] for name in SIZES}
