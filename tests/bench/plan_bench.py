"""Opening a module's plan from the library: from the leader's "Planera" (the library page's
``plan_requested``) to the planner page shown and painted with the plan — the whole manifest
read, the plan made, the planner filled. The real app in a fresh process each time, once its
library is ready and its database open, the first plan of the process (what a leader meets),
median of 5; the same action repeated in one process is the baseline. Target: ≤ 100 ms.

Run: ``python -m tests.bench.plan_bench``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from tests.bench.common import ROOT, BenchResult, bench_env, median

RUNS = 5
REPEATS = 5
TARGET_MS = 100.0
MODULE = "grund-1-vad-ar-kultur"


def _child() -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from facilitator.app import Application
    from facilitator.startup import prepare

    qapp = QApplication([])
    app = Application(qapp, prepare(portable=False, language="sv"), interactive=False)
    loop = QEventLoop()
    # Settled: the library loaded, every part assembled and the database open.
    app.settled.connect(loop.quit)
    app.start([], exit_when_ready=False)
    loop.exec()
    assert app.parts is not None
    page, planner, window = app.library, app.parts.planner, app.window

    def open_plan() -> float:
        window.show_page(page)
        began = time.perf_counter()
        page.plan_requested.emit([MODULE], 75)
        window.repaint()
        assert window.current_page() is planner, "no plan was opened"
        return (time.perf_counter() - began) * 1000

    first = open_plan()
    again = [open_plan() for _ in range(REPEATS)]
    print(json.dumps({"first": first, "again": median(again)}))
    app.shutdown()


def run() -> BenchResult:
    env = bench_env()
    subprocess.run(
        [sys.executable, "-m", "facilitator", "--exit-when-ready"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
    )
    firsts: list[float] = []
    agains: list[float] = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-m", "tests.bench.plan_bench", "--child"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        firsts.append(figures["first"])
        agains.append(figures["again"])
    first, again = median(firsts), median(agains)
    return BenchResult(
        f"open a module's plan from the library (first in the process, median of {RUNS})",
        f"{first:.0f} ms",
        f"{again:.0f} ms the same plan again",
        first / again,
        f"≤ {TARGET_MS:.0f} ms",
        first <= TARGET_MS,
    )


def main() -> None:
    if "--child" in sys.argv:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _child()
        return
    print(run().row())


if __name__ == "__main__":
    main()
