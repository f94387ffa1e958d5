"""Shared pieces for benchmarks: medians, a result row, and a clean environment."""

from __future__ import annotations

import os
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BenchResult:
    name: str
    figure: str
    baseline: str
    ratio: float | None
    target: str
    holds: bool

    def row(self) -> str:
        ratio = f"{self.ratio:.2f}" if self.ratio is not None else "–"
        verdict = "holds" if self.holds else "MISSES"
        return f"| {self.name} | {self.figure} | {self.baseline} | {ratio} | {self.target} | {verdict} |"


HEADER = "| benchmark | figure | baseline | ratio | target | verdict |\n|---|---|---|---|---|---|"


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QT_LOGGING_RULES"] = "qt.qpa.*=false"
    env["FACILITATOR_HOME"] = tempfile.mkdtemp(prefix="facilitator-bench-")
    env.update(extra)
    return env
