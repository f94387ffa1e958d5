"""Peak memory of the real app process (its own high-water mark, VmHWM, read from /proc by
the parent): at an idle library (`--ready-then-wait`, read once the library is ready and the
database open have settled), and during a session with a film (`--drive`: Grund 1 planned and
started, stepped to its film, which then plays for a few seconds through libVLC with dummy
outputs). Linux only; a figure per scenario, no baseline. Target: ≤ 200 MB each (issue 16).

Run: ``python -m tests.bench.memory_bench``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.bench.common import ROOT, BenchResult, bench_env
from tests.e2e.kill_resume import MODULE, DrivenApp

TARGET_MB = 200.0
PLAYING_S = 5.0
IDLE_S = 2.0


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc")


def idle_library() -> float:
    env = bench_env()
    proc = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--ready-then-wait"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith("storage_ms="):  # every part assembled, the database open
                break
        time.sleep(IDLE_S)  # a leader looking at the library: the background check runs
        return peak_mb(proc.pid)
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def film_session() -> float:
    home = Path(bench_env()["FACILITATOR_HOME"])
    app = DrivenApp(home)
    try:
        app.wait_for("ready")
        app.send(do="plan", modules=[MODULE], minutes=75)
        app.wait_for("planned")
        app.send(do="start", rehearse=True)
        app.wait_for("started")
        while app.wait_for("step")["key"] != f"{MODULE}/film":
            app.send(do="next")
        time.sleep(PLAYING_S)  # the film plays: its decoding buffers are what this measures
        return peak_mb(app.proc.pid)
    finally:
        app.kill()


def run() -> list[BenchResult]:
    rows = []
    for name, peak in (
        ("peak memory, idle library", idle_library()),
        ("peak memory, session with a film playing", film_session()),
    ):
        rows.append(
            BenchResult(
                name, f"{peak:.0f} MB", "–", None, f"≤ {TARGET_MB:.0f} MB", peak <= TARGET_MB
            )
        )
    return rows


def main() -> None:
    for result in run():
        print(result.row())


if __name__ == "__main__":
    main()
