"""Quitting with nothing pending: from the moment the leader quits (standard input closes under
`--ready-then-wait`, and the app ends its event loop as "Avsluta" does) to the process gone,
against a bare PySide6 window ending the same way, alternately, median of 11 (issue 16).
The app has started on this data folder before (the database and the card cache are there).
Target: ≤ 0.5 s.

Run: ``python -m tests.bench.quit_bench``.
"""

from __future__ import annotations

import subprocess
import sys
import time

from tests.bench.common import ROOT, BenchResult, bench_env, median
from tests.bench.startup import APP, BARE, figures

RUNS = 11
TARGET_S = 0.5


def _quit_seconds(args: list[str], env: dict[str, str], ready: str) -> float:
    proc = subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(f"{ready}="):
            break
    else:
        raise RuntimeError(f"{args} ended before {ready}")
    began = time.monotonic()
    proc.stdin.close()
    proc.wait(timeout=60)
    return time.monotonic() - began


def run() -> BenchResult:
    env = bench_env()
    figures(APP, env)  # the database made and every module checked, so nothing is pending
    app_args = [arg.replace("--exit-when-ready", "--ready-then-wait") for arg in APP]
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(RUNS):
        ours.append(_quit_seconds(app_args, env, "storage_ms"))  # nothing left to start
        bare.append(_quit_seconds([*BARE, "--wait"], env, "first_paint_ms"))
    app, window = median(ours), median(bare)
    return BenchResult(
        f"quit with nothing pending → process gone (median of {RUNS})",
        f"{app * 1000:.0f} ms",
        f"{window * 1000:.0f} ms bare PySide6 window",
        app / window,
        f"≤ {TARGET_S * 1000:.0f} ms",
        app <= TARGET_S,
    )


def main() -> None:
    print(run().row())


if __name__ == "__main__":
    main()
