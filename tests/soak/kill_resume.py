"""Soak (a): the kill-and-resume run of tests/e2e/kill_resume.py, 200 times. The real app is
started, fed reflections, killed with SIGKILL at a random moment and started again; every
reflection it reported saved must be on disk, word for word, and every restart must offer the
interrupted session.

Run alone: ``python -m tests.soak.kill_resume [--runs N]``."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from tests.e2e.kill_resume import soak
from tests.soak.common import note, verdict

NAME = "kill-and-resume"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    note(f"{NAME}: {args.runs} runs of start, type, SIGKILL, restart …")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="facilitator-soak-kill-") as folder:
        try:
            result = soak(Path(folder) / "home", runs=args.runs, seed=args.seed)
        except Exception as error:  # an app that did not answer is a failed soak, not a crash
            return verdict(NAME, False, f"stopped: {error!r}")
    minutes = (time.perf_counter() - began) / 60
    passed = (
        result.runs == args.runs
        and not result.lost
        and result.resumed == args.runs - 1
        and len(result.saved) >= args.runs
    )
    return verdict(
        NAME,
        passed,
        f"{result.runs} runs, {len(result.saved)} reflections reported saved, "
        f"{len(result.lost)} lost, {result.resumed} resumed after a kill, {minutes:.1f} min",
    )


if __name__ == "__main__":
    sys.exit(main())
