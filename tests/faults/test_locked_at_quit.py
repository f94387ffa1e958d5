"""The database locked by another program when the app quits: what the leader typed and the
disk would not take goes to a recovery journal, and the next start merges it — nothing shown on
screen is lost with the process (before, the queued reflections vanished)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from facilitator.app import Application, prepare
from tests.app_in_process import panel_of, reflections_on_disk, start_session
from tests.faults.test_disk_full import type_reflection

WORDS = "Vi kom överens om att fråga i stället för att gissa."


def test_reflections_the_locked_disk_refused_at_quit_are_merged_next_time(
    application: Application, qtbot: Any
) -> None:
    app = application
    assert app.services is not None
    running = start_session(app, qtbot)
    database = app.services.paths.database_file
    locker = sqlite3.connect(database, timeout=0.1)
    locker.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        troubles: list[str] = []
        app.services.storage.trouble.connect(troubles.append)
        type_reflection(panel_of(running), qtbot, WORDS)
        qtbot.waitUntil(lambda: bool(troubles), timeout=20_000)
        app.shutdown()  # the leader quits; the lock still holds
    finally:
        locker.rollback()
        locker.close()
    journal = list((app.services.paths.data_dir / "recovery").glob("*.json"))
    assert len(journal) == 1 and WORDS in journal[0].read_text(encoding="utf-8")
    assert WORDS not in reflections_on_disk(database).values()

    again = Application(QApplication.instance(), prepare(False, "sv"), interactive=False)
    qtbot.addWidget(again.window)
    again.start([], exit_when_ready=False)
    qtbot.waitUntil(lambda: again.is_assembled, timeout=20_000)
    qtbot.waitUntil(lambda: WORDS in reflections_on_disk(database).values(), timeout=20_000)
    qtbot.waitUntil(lambda: not journal[0].exists(), timeout=5_000)
    again.shutdown()


def test_nothing_to_keep_leaves_no_journal(application: Application, qtbot: Any) -> None:
    app = application
    assert app.services is not None
    running = start_session(app, qtbot)
    type_reflection(panel_of(running), qtbot, "Sparad som vanligt.")
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    app.shutdown()
    assert not list(Path(app.services.paths.data_dir / "recovery").glob("*"))
