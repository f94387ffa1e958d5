"""The scripts that retake docs/screenshots still run (one had rotted unseen when the
console changed): each writes its pictures into a temporary folder, in a process of its own
as it sets up Qt's platform itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("tests.screenshots", {"console.png", "planner.png", "projector-prompt.png"}),
        ("tests.ui.shoot_closeout", {"attendance.png", "evaluation.png", "parking-lot.png"}),
        ("tests.ui.shoot_module_page", {"module-page.png"}),
        ("tests.ui.shoot_self_study", {"self-study.png", "logbook.png"}),
        ("tests.ui.shoot_phones", {"projector-phones.png", "console-phones.png"}),
    ],
)
def test_the_screenshot_script_runs(script: str, expected: set[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", script, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert expected <= {path.name for path in tmp_path.glob("*.png")}
