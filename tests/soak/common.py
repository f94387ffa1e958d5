"""Shared by the soak stages: the environment, memory readings and the verdict line."""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


def offscreen() -> Path:
    """Qt offscreen with the suite's two screens, and a FACILITATOR_HOME of its own. Call
    before importing anything from PySide6."""
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={TESTS / 'screens.json'}"
    os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"
    os.environ.setdefault("LANG", "C.UTF-8")
    home = Path(tempfile.mkdtemp(prefix="facilitator-soak-"))
    os.environ["FACILITATOR_HOME"] = str(home / "home")
    return home


def rss_mb() -> float:
    """Resident memory now (Linux: /proc), else the peak so far."""
    gc.collect()
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def note(text: str) -> None:
    """Progress, on stderr so stdout holds only the verdict."""
    print(text, file=sys.stderr, flush=True)


def verdict(name: str, passed: bool, detail: str) -> int:
    print(f"soak {name}: {'PASS' if passed else 'FAIL'} {detail}", flush=True)
    return 0 if passed else 1


def cases_main(name: str, run: Callable[[int, int], int], argv: list[str] | None) -> int:
    """The entry of a stage that runs ``--cases`` generated cases from ``--seed``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    try:
        return run(args.cases, args.seed)
    except Exception as error:  # a stage that stops is a failed verdict, with its traceback
        traceback.print_exc()
        return verdict(name, False, f"stopped: {error!r}")
