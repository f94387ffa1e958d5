"""Cold start of `facilitator --exit-when-ready` against a bare PySide6 window, alternately in
the same run. Target: ratio of medians ≤ 1.3."""

from __future__ import annotations

import subprocess
import sys
import time

from tests.bench.common import ROOT, BenchResult, bench_env, median

RUNS = 11
TARGET = 1.3


def _start(args: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    out = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    wall = time.perf_counter() - began
    ready = [line for line in out.splitlines() if line.startswith("ready_ms=")]
    if not ready:
        raise RuntimeError(f"no ready_ms from {args}: {out!r}")
    del wall
    return int(ready[0].split("=")[1])


def run() -> BenchResult:
    env = bench_env()
    app_args = ["-m", "facilitator", "--exit-when-ready"]
    base_args = [str(ROOT / "tests" / "bench" / "baseline_window.py")]
    _start(app_args, env)  # warm the OS file cache for both before measuring
    _start(base_args, env)
    app_ms: list[float] = []
    base_ms: list[float] = []
    for _ in range(RUNS):
        app_ms.append(_start(app_args, env))
        base_ms.append(_start(base_args, env))
    app, base = median(app_ms), median(base_ms)
    ratio = app / base
    return BenchResult(
        f"startup (ready_ms, median of {RUNS})",
        f"{app:.0f} ms",
        f"{base:.0f} ms bare PySide6 window",
        ratio,
        f"ratio ≤ {TARGET}",
        ratio <= TARGET,
    )


def main() -> None:
    print(run().row())


if __name__ == "__main__":
    main()
