"""Something nobody foresaw still ends in one plain sentence naming the log file, exit code 1;
the traceback goes to the log, without the error's own text (which may quote what a group
wrote)."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from facilitator.core.paths import resolve_paths
from tests.cli.cli_rig import cli_env

SECRET = "Det Amina sa om sin chef"

# The real command line, with one handler that fails in a way no code path expects.
BROKEN_REPORT = f"""
import sys
import facilitator.cli.export as export

def run_report(args, out=None):
    raise RuntimeError({SECRET!r})

export.run_report = run_report
from facilitator.cli.main import main
sys.exit(main(["report", "--from", "2025-03-01", "--to", "2025-03-31"]))
"""


def test_an_unexpected_error_is_logged_and_told_in_one_sentence(facilitator_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", BROKEN_REPORT],
        env=cli_env(facilitator_home),
        capture_output=True,
        text=True,
        check=False,
        umask=0,
        timeout=60,
    )
    log_file = resolve_paths().log_file
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and SECRET not in done.stderr
    assert done.stderr.startswith("Ett oväntat fel inträffade (RuntimeError)")
    assert str(log_file) in done.stderr
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in logged and " run_report" in logged
    assert SECRET not in logged
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
