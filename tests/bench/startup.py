"""Cold start of `facilitator --exit-when-ready` against a bare PySide6 window, alternately in
the same run. Two figures: the first paint (the window is there) and what a leader waits for,
a usable library (the module cards shown and the database open). Targets: first paint within
1.6× the bare window (a guard, no longer a goal of its own), a usable library within 2 s on
the CI-sized machine (decision 0004)."""

from __future__ import annotations

import subprocess
import sys

from tests.bench.common import ROOT, BenchResult, bench_env, median

RUNS = 11
PAINT_TARGET = 1.6
USABLE_TARGET_MS = 2000


def _start(args: list[str], env: dict[str, str]) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    figures = dict(line.split("=", 1) for line in out.splitlines() if "_ms=" in line)
    if "ready_ms" not in figures:
        raise RuntimeError(f"no ready_ms from {args}: {out!r}")
    return {name: int(value) for name, value in figures.items()}


def run() -> list[BenchResult]:
    env = bench_env()
    app_args = ["-m", "facilitator", "--exit-when-ready"]
    base_args = [str(ROOT / "tests" / "bench" / "baseline_window.py")]
    _start(app_args, env)  # warm the OS file cache for both, and make the database, first
    _start(base_args, env)
    app: list[dict[str, int]] = []
    base: list[float] = []
    for _ in range(RUNS):
        app.append(_start(app_args, env))
        base.append(_start(base_args, env)["ready_ms"])
    bare = median(base)
    paint = median([run["ready_ms"] for run in app])
    usable = median([run["usable_ms"] for run in app])
    return [
        BenchResult(
            f"startup, first paint (ready_ms, median of {RUNS})",
            f"{paint:.0f} ms",
            f"{bare:.0f} ms bare PySide6 window",
            paint / bare,
            f"ratio ≤ {PAINT_TARGET}",
            paint / bare <= PAINT_TARGET,
        ),
        BenchResult(
            f"startup, library usable (usable_ms, median of {RUNS})",
            f"{usable:.0f} ms",
            f"{bare:.0f} ms bare PySide6 window",
            usable / bare,
            f"< {USABLE_TARGET_MS} ms",
            usable < USABLE_TARGET_MS,
        ),
    ]


def main() -> None:
    for result in run():
        print(result.row())


if __name__ == "__main__":
    main()
