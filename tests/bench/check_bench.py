"""`facilitator check`, whole process, launch to exit: all nine bundled modules and a single one,
each cold (the check's film cache removed first) and warm (kept from the run before).

Targets (issue 16): all nine ≤ 5 s, one ≤ 1.5 s, cold and warm alike, while every film is
still decoded and every subtitle file read. The baseline beside each row, run alternately in
the same loop, is `baseline_decode.py`: a bare python-vlc process decoding the same films' first
seconds at the same rate, all at once, without the app. The ratio is thus what the app costs
on top of the decoding itself (Python and Qt start, validation, the system checks), not a
comparison with the old real-time check.
"""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench.common import ROOT, BenchResult, bench_env, median

RUNS = 5
MODULES = ROOT / "modules"
GRUND_1 = "grund-1-vad-ar-kultur"
BASELINE = ROOT / "tests" / "bench" / "baseline_decode.py"


@dataclass(frozen=True)
class CheckSet:
    label: str
    args: tuple[str, ...]
    films: tuple[Path, ...]
    target_ms: int


ALL_NINE = CheckSet(
    "all nine modules", ("--all",), tuple(sorted(MODULES.glob("*/film/film.mp4"))), 5000
)
ONE = CheckSet(
    "one module", (GRUND_1,), (MODULES / "01-grund-1-vad-ar-kultur/film/film.mp4",), 1500
)
SETS = (ALL_NINE, ONE)


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - began
    if result.returncode not in (0, 1) or "✗ FEL Film" in result.stdout:
        raise RuntimeError(f"{command} did not play every film:\n{result.stdout}{result.stderr}")
    return elapsed, result.stdout


def _check(chosen: CheckSet, env: dict[str, str], cache: Path, *, cold: bool) -> float:
    if cold:
        cache.unlink(missing_ok=True)
    elapsed, out = _timed([sys.executable, "-m", "facilitator", "check", *chosen.args], env)
    if out.count(" Film: ") != len(chosen.films):
        raise RuntimeError(f"expected {len(chosen.films)} films checked:\n{out}")
    return elapsed


def _baseline(chosen: CheckSet, env: dict[str, str]) -> float:
    from facilitator.ui.precheck.media import TRIAL_RATE

    command = [sys.executable, str(BASELINE), str(TRIAL_RATE), *map(str, chosen.films)]
    return _timed(command, env)[0]


def _rows(chosen: CheckSet, env: dict[str, str], cache: Path) -> list[BenchResult]:
    cold: list[float] = []
    warm: list[float] = []
    bare: list[float] = []
    _check(chosen, env, cache, cold=True)  # the OS file cache warm for both, once
    _baseline(chosen, env)
    for _ in range(RUNS):
        bare.append(_baseline(chosen, env))
        cold.append(_check(chosen, env, cache, cold=True))
        warm.append(_check(chosen, env, cache, cold=False))
    base = median(bare) * 1000
    rows = []
    for state, times in (("cold", cold), ("warm", warm)):
        figure = median(times) * 1000
        rows.append(
            BenchResult(
                f"check, {chosen.label}, {state} (launch to exit, median of {RUNS})",
                f"{figure:.0f} ms",
                f"{base:.0f} ms bare python-vlc decoding the same films",
                figure / base,
                f"≤ {chosen.target_ms} ms",
                figure <= chosen.target_ms,
            )
        )
    return rows


def run() -> list[BenchResult]:
    env = bench_env()
    cache = Path(env["FACILITATOR_HOME"]) / "data" / "cache" / "precheck-films.json"
    return [row for chosen in SETS for row in _rows(chosen, env, cache)]


def main() -> None:
    for result in run():
        print(result.row())


if __name__ == "__main__":
    main()
