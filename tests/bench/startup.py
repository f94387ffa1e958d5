"""Cold start of `facilitator --exit-when-ready` against a bare PySide6 window painted,
alternately in the same run, median of 11 (issue 16). The figure is what a leader waits for:
``ready_ms``, the library usable (the cards shown; a module can be selected and "Planera"
pressed). Targets: within 2.0× the bare window on a data folder used before, and within 3.0× on
the very first start (an empty data folder: no card cache, no database). The first paint
(``first_paint_ms``) is a guard, ≤ 1.6× as before. ``storage_ms`` — every part assembled and the
database open (on a first start: created) — is reported beside them, without a target: it
happens after the library is usable, while the leader reads the cards (decision 0004).

Run: ``python -m tests.bench.startup``.
"""

from __future__ import annotations

import subprocess
import sys

from tests.bench.common import ROOT, BenchResult, bench_env, median

RUNS = 11
READY_TARGET = 2.0
FIRST_START_TARGET = 3.0
PAINT_TARGET = 1.6
APP = ["-m", "facilitator", "--exit-when-ready"]
BARE = [str(ROOT / "tests" / "bench" / "baseline_window.py")]


def figures(args: list[str], env: dict[str, str]) -> dict[str, int]:
    """What the process printed as ``name_ms=N`` lines."""
    out = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    found = dict(line.split("=", 1) for line in out.splitlines() if "_ms=" in line)
    if "first_paint_ms" not in found:
        raise RuntimeError(f"no first_paint_ms from {args}: {out!r}")
    return {name: int(value) for name, value in found.items()}


def _row(name: str, figure: float, bare: float, target: float | None) -> BenchResult:
    return BenchResult(
        f"{name} (median of {RUNS})",
        f"{figure:.0f} ms",
        f"{bare:.0f} ms bare PySide6 window painted",
        figure / bare,
        f"ratio ≤ {target}" if target is not None else "reported",
        target is None or figure / bare <= target,
    )


def run() -> list[BenchResult]:
    used = bench_env()
    figures(APP, used)  # warm the OS file cache for both, make the database and the card cache
    figures(BARE, used)
    app: list[dict[str, int]] = []
    first: list[dict[str, int]] = []
    bare: list[int] = []
    for _ in range(RUNS):
        app.append(figures(APP, used))
        bare.append(figures(BARE, used)["first_paint_ms"])
        first.append(figures(APP, bench_env()))  # a new, empty data folder
    window = median([float(b) for b in bare])

    def of(runs: list[dict[str, int]], name: str) -> float:
        return median([r[name] for r in runs])

    return [
        _row("startup, library usable (ready_ms)", of(app, "ready_ms"), window, READY_TARGET),
        _row(
            "startup, first start on an empty data folder, library usable (ready_ms)",
            of(first, "ready_ms"),
            window,
            FIRST_START_TARGET,
        ),
        _row(
            "startup, first paint (first_paint_ms)", of(app, "first_paint_ms"), window, PAINT_TARGET
        ),
        _row(
            "startup, every part assembled and the database open (storage_ms)",
            of(app, "storage_ms"),
            window,
            None,
        ),
        _row(
            "startup, first start: database created and open (storage_ms)",
            of(first, "storage_ms"),
            window,
            None,
        ),
    ]


def main() -> None:
    for result in run():
        print(result.row())


if __name__ == "__main__":
    main()
