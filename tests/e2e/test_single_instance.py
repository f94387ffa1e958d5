"""One app per data folder: a second start on the same folder hands over to the running app and
ends, so two apps can never resume the same interrupted session; the lock goes with the process
however it ends."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.e2e.kill_resume import ROOT, DrivenApp


def _second_start(home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, FACILITATOR_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--exit-when-ready"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_second_start_on_the_same_folder_hands_over_and_ends(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = DrivenApp(home)
    try:
        first.wait_for("ready")
        first.wait_for("no_interrupted")
        second = _second_start(home)
        assert second.returncode == 1
        assert "Facilitator är redan öppet" in second.stderr
        assert "Det öppna fönstret har tagits fram." in second.stderr
        assert "Traceback" not in second.stderr
        assert first.proc.poll() is None  # the first goes on
    finally:
        first.kill()
    # Killed with SIGKILL: the operating system let go of the lock with the process.
    again = _second_start(home)
    assert again.returncode == 0, again.stderr
    assert "redan öppet" not in again.stderr


def test_another_data_folder_is_another_app(tmp_path: Path) -> None:
    first = DrivenApp(tmp_path / "one")
    try:
        first.wait_for("ready")
        other = _second_start(tmp_path / "two")
        assert other.returncode == 0, other.stderr
    finally:
        first.kill()
