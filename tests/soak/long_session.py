"""Soak (b): a scripted four-hour session at high clock speed, checking that memory stays flat.

The real app, assembled by its composition root, runs Grund 1 (90 minutes), Grund 2 and
Grund 3 (75 each) on Qt's offscreen platform with two screens: console, projector view on the second
screen, real libVLC (dummy outputs) for the film steps, real SQLite. Only the clock is fake:
it advances one second per tick, and each tick the session controller refreshes the console
and the projector as its own timer would; at each film step the clock stands still while the
first five seconds of the film play for real. The leader's script: move on when a step's time is
up, type a reflection every 90 seconds, save progress every 10 seconds (the autosave), black
the screen, show the rules, pause and extend now and then.

Memory (resident set, /proc/self/status) is read every 5 session minutes after a warm-up of
30; the median of the first hour of readings is compared with the median of the last hour and
the verdict fails on growth above 10 %. Every reflection typed must be on disk at the end, and
every step of the plan must have been shown.

Run alone: ``python -m tests.soak.long_session [--hours H]``."""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from tests.soak.common import note, offscreen, rss_mb, verdict

NAME = "4-hour session"
# 90 + 75 + 75 minutes: four hours with three films.
MODULES = (
    ("grund-1-vad-ar-kultur", 90),
    ("grund-2-interkulturella-moten", 75),
    ("grund-3-interkulturell-kompetens", 75),
)
WARM_UP = 30 * 60
SAMPLE_EVERY = 5 * 60
FILM_WATCH = 5  # real seconds of each film played before the session moves on
GROWTH_LIMIT = 0.10


def _film_seconds(console: Any) -> float:
    """How far the film is, from the console's "1:05 / 3:25 · Kapitel: …" line."""
    text = console.film_position.text().split(" ", 1)[0]
    minutes, _colon, seconds = text.partition(":")
    return int(minutes) * 60 + int(seconds) if minutes.isdigit() and seconds.isdigit() else 0.0


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
    from facilitator.malloc_arenas import limit_malloc_arenas

    limit_malloc_arenas()  # as facilitator.cli.main does before anything else
    offscreen()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from facilitator.app import Application
    from facilitator.core.clock import FakeClock
    from facilitator.core.planning import ModuleChoice, plan_for
    from facilitator.core.session.status import SessionState
    from facilitator.startup import prepare
    from facilitator.ui.widgets.reflection_panel import ReflectionPanel

    qapp = QApplication([])
    clock = FakeClock(datetime(2026, 11, 24, 8, 30, tzinfo=timezone(timedelta(hours=1))))
    app = Application(qapp, prepare(portable=False, language="sv"), clock=clock, interactive=False)
    app.start([], exit_when_ready=False)
    wait = Waiter()
    # Settled: the library loaded, every part assembled, the database open (decision 0004).
    wait.until(lambda: app.is_settled and app.services.storage.is_open, 60, "the app")
    modules: dict[str, Any] = {}
    for module_id, _minutes in MODULES:
        modules[module_id] = app.parts.library.open_module(module_id)
        assert modules[module_id] is not None, module_id
    plan = plan_for(
        [
            ModuleChoice(modules[module_id].manifest, modules[module_id].manifest.variant(minutes))
            for module_id, minutes in MODULES
        ]
    )
    app.parts.planning.open(plan, modules)  # as the library does, then Start in the planner
    app.parts.planning.start(rehearse=False)
    running = app.parts.launcher.current
    assert running is not None
    service, engine, console = running.service, running.service.engine, running.console
    panel = console.findChild(ReflectionPanel)
    assert panel is not None
    total = int(hours * 3600)
    note(f"{NAME}: {engine.plan.total_minutes} planned minutes, {total} one-second ticks …")

    typed: list[str] = []
    samples: list[tuple[int, float]] = []
    nones: list[int] = []  # a binding that loses them crashes the app (test_qt_binding.py)
    steps_seen: set[str] = set()
    films = 0
    began = time.perf_counter()
    for second in range(1, total + 1):
        clock.advance(1)
        service.tick()
        QCoreApplication.processEvents()
        key = engine.current_key
        if key is not None and key not in steps_seen:
            steps_seen.add(key)
            if key.endswith("/film"):
                films += 1
                # The room watches the first seconds for real: the film decodes, subtitles
                # render, the position reaches the console. Time stands still meanwhile.
                wait.until(lambda: _film_seconds(console) >= FILM_WATCH, 30, f"{key} to play")
        status = engine.status()
        # On at the end of each step; a little early while behind plan, as leaders catch up.
        due = 120 if status.minutes_behind > 0 else 0
        time_up = status.state == SessionState.RUNNING and status.step_remaining_seconds <= due
        if time_up and status.next_step is not None:
            service.next()
        if second % 10 == 0:
            running.service.save_progress()  # the autosave, at the session's pace
        if second % 90 == 0 and engine.current_key is not None:
            text = f"Minut {second // 60}: vi pratade om tystnad, tid och frågor. åäö"
            panel.entry.setPlainText(text)
            QTest.keyClick(panel.entry, Qt.Key.Key_Return)
            typed.append(text)
        if second % 600 in (300, 320):
            service.toggle_black()
        elif second % 900 in (450, 480):
            service.toggle_rules()
        elif second % 1800 == 1000:
            service.toggle_pause()
        elif second % 1800 == 1060:
            service.toggle_pause()
            service.extend(1)
        if second >= WARM_UP and second % SAMPLE_EVERY == 0:
            samples.append((second, rss_mb()))
            nones.append(sys.getrefcount(None))
        if second >= WARM_UP and second % 1800 == 0:
            note(
                f"  {second // 60:4d} min  RSS {samples[-1][1]:6.1f} MB  "
                f"references to None {nones[-1]}  step {engine.current_key}  "
                f"writes queued {app.services.storage.pending}"
            )
    ticking = time.perf_counter() - began
    from facilitator.malloc_arenas import release_freed_memory

    trim = time.perf_counter()
    release_freed_memory()  # what the app does after each film: how long the GUI waits
    note(f"  giving freed memory back took {(time.perf_counter() - trim) * 1000:.1f} ms")
    service.end()
    wait.until(lambda: app.services.storage.pending == 0, 60, "the last writes")
    end_rss = rss_mb()
    with sqlite3.connect(
        f"file:{app.services.paths.database_file}?mode=ro", uri=True
    ) as connection:
        on_disk = [row[0] for row in connection.execute("SELECT text FROM reflections")]
    app.shutdown()

    # libVLC's memory moves by tens of megabytes with each film started (its decoder
    # threads' allocations; bare python-vlc does the same), so one reading against another
    # would judge that noise: the median of an hour's readings (every 5 session minutes)
    # right after the warm-up is compared with the median of the last hour's.
    window = min(3600, (total - WARM_UP) // 3)
    warm = statistics.median(rss for when, rss in samples if when < WARM_UP + window)
    last = statistics.median(rss for when, rss in samples if when > total - window)
    growth = (last - warm) / warm
    lost = len(typed) - sum(1 for text in typed if text in on_disk)
    planned = engine.plan.active_steps
    walked = len(steps_seen) == len(planned) if total >= engine.plan.total_minutes * 60 else True
    passed = growth <= GROWTH_LIMIT and lost == 0 and walked and films >= 1
    return verdict(
        NAME,
        passed,
        f"{total // 3600} h {total % 3600 // 60} min in {ticking:.0f} s, "
        f"{len(steps_seen)} of {len(planned)} steps, {films} films, {len(typed)} reflections "
        f"({lost} lost), references to None {nones[0]} → {nones[-1]}; "
        f"RSS (median of {window // 60} min) {warm:.1f} MB after warm-up → {last:.1f} MB "
        f"at the end ({growth * 100:+.1f} %, limit +{GROWTH_LIMIT * 100:.0f} %; "
        f"{end_rss:.1f} MB after closing the session)",
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
