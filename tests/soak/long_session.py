"""Soak (b): a scripted four-hour session at high clock speed, checking that memory stays flat.

The real app, assembled by its composition root, runs Grund 1 and Grund 2 at 120 minutes
each on Qt's offscreen platform with two screens: console, projector view on the second
screen, real libVLC (dummy outputs) for the film steps, real SQLite. Only the clock is fake:
it advances one second per tick, and each tick the session controller refreshes the console
and the projector as its own timer would. The leader's script: move on when a step's time is
up, type a reflection every 90 seconds, save progress every 10 seconds (the autosave), black
the screen, show the rules, pause and extend now and then.

Memory (resident set) is read after a warm-up of 30 session minutes and at the end; the
verdict fails on growth above 10 %. Every reflection typed must be on disk at the end.

Run alone: ``python -m tests.soak.long_session [--hours H]``."""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from tests.soak.common import note, offscreen, rss_mb, verdict

NAME = "4-hour session"
MODULES = ["grund-1-vad-ar-kultur", "grund-2-interkulturella-moten"]
WARM_UP = 30 * 60
GROWTH_LIMIT = 0.10


class Waiter:
    """Run the event loop until a condition holds (no sleeping), or fail after a timeout."""

    def __init__(self) -> None:
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        self._app = QCoreApplication.instance()
        self._loop = QEventLoop
        self._deadline = QDeadlineTimer

    def until(self, condition: Any, seconds: float, what: str) -> None:
        deadline = self._deadline(int(seconds * 1000))
        while not condition():
            if deadline.hasExpired():
                raise TimeoutError(f"waited {seconds} s for {what}")
            self._app.processEvents(self._loop.ProcessEventsFlag.AllEvents, 50)


def run(hours: float) -> int:
    offscreen()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from facilitator.app import Application, prepare
    from facilitator.core.clock import FakeClock
    from facilitator.core.session.status import SessionState
    from facilitator.ui.widgets.reflection_panel import ReflectionPanel

    qapp = QApplication([])
    app = Application(qapp, prepare(portable=False, language="sv"))
    clock = FakeClock(datetime(2026, 11, 24, 8, 30, tzinfo=timezone(timedelta(hours=1))))
    app.clock = clock  # before assembly: the session launcher takes this clock
    app.driven = True
    loaded: list[bool] = []
    app.assembled.connect(
        lambda: app.library_controller.loaded.connect(lambda: loaded.append(True))
    )
    app.start([], exit_when_ready=False)
    wait = Waiter()
    wait.until(lambda: app.is_assembled and app.store.is_open and loaded, 60, "the app")
    plans: list[Any] = []
    app.library_controller.plan_ready.connect(lambda *args: plans.append(args))
    app.library_controller.make_plan(MODULES, 120)
    wait.until(lambda: plans, 20, "the plan")
    app.start_session(rehearse=False)
    running = app.launcher.current
    assert running is not None
    controller, engine, console = running.controller, running.controller.engine, running.console
    panel = console.findChild(ReflectionPanel)
    assert panel is not None
    total = int(hours * 3600)
    note(f"{NAME}: {engine.plan.total_minutes} planned minutes, {total} one-second ticks …")

    typed: list[str] = []
    samples: list[tuple[int, float]] = []
    steps_seen: set[str] = set()
    films = 0
    began = time.perf_counter()
    for second in range(1, total + 1):
        clock.advance(1)
        controller.refresh()
        QCoreApplication.processEvents()
        key = engine.current_key
        if key is not None and key not in steps_seen:
            steps_seen.add(key)
            films += key.endswith("/film")
        status = engine.status()
        time_up = status.state == SessionState.RUNNING and status.step_remaining_seconds <= 0
        if time_up and status.next_step is not None:
            controller.next()
        if second % 10 == 0:
            running.recorder.progress(engine)  # the autosave, at the session's pace
        if second % 90 == 0 and engine.current_key is not None:
            text = f"Minut {second // 60}: vi pratade om tystnad, tid och frågor. åäö"
            panel.entry.setPlainText(text)
            QTest.keyClick(panel.entry, Qt.Key.Key_Return)
            typed.append(text)
        if second % 600 in (300, 320):
            controller.toggle_black()
        elif second % 900 in (450, 480):
            controller.toggle_rules()
        elif second % 1800 == 1000:
            controller.toggle_pause()
        elif second % 1800 == 1060:
            controller.toggle_pause()
            controller.extend(1)
        if second == WARM_UP or second % 1800 == 0:
            samples.append((second, rss_mb()))
            note(
                f"  {second // 60:4d} min  RSS {samples[-1][1]:6.1f} MB  "
                f"step {engine.current_key}  writes queued {app.store.writer.pending}"
            )
    ticking = time.perf_counter() - began
    controller.end()
    wait.until(lambda: app.store.writer.pending == 0, 60, "the last writes")
    end_rss = rss_mb()
    with sqlite3.connect(f"file:{app.paths.database_file}?mode=ro", uri=True) as connection:
        on_disk = [row[0] for row in connection.execute("SELECT text FROM reflections")]
    app.shutdown()

    warm = next(rss for when, rss in samples if when == WARM_UP)
    growth = (end_rss - warm) / warm
    lost = len(typed) - sum(1 for text in typed if text in on_disk)
    passed = growth <= GROWTH_LIMIT and lost == 0 and len(steps_seen) >= 20 and films >= 2
    return verdict(
        NAME,
        passed,
        f"{total // 3600} h {total % 3600 // 60} min in {ticking:.0f} s, "
        f"{len(steps_seen)} steps, {films} films, {len(typed)} reflections ({lost} lost); "
        f"RSS {warm:.1f} MB after warm-up → {end_rss:.1f} MB at the end "
        f"({growth * 100:+.1f} %, limit +{GROWTH_LIMIT * 100:.0f} %)",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hours", type=float, default=4.0)
    args = parser.parse_args(argv)
    try:
        return run(args.hours)
    except Exception as error:
        import traceback

        traceback.print_exc()
        return verdict(NAME, False, f"stopped: {error!r}")


if __name__ == "__main__":
    sys.exit(main())
