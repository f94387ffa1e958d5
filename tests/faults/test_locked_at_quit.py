"""The database locked by another program when the app quits: what the leader typed is already in
the recovery journal, the next start replays it — nothing shown on screen is lost with the
process (before, the queued reflections vanished) — and the leader is asked before quitting."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from facilitator.app import Application
from facilitator.startup import prepare
from facilitator.ui.console.unsaved_at_quit import may_quit_with_unsaved
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
    journal = list((app.services.paths.data_dir / "recovery").glob("*.jsonl"))
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


@pytest.mark.parametrize(("choice", "quits"), [("Vänta", False), ("Avsluta ändå", True)])
def test_quitting_with_writes_the_database_refused_asks_first(
    application: Application, qtbot: Any, choice: str, quits: bool
) -> None:
    app = application
    assert app.services is not None and app.parts is not None
    running = start_session(app, qtbot)
    locker = sqlite3.connect(app.services.paths.database_file, timeout=0.1)
    locker.execute("BEGIN EXCLUSIVE")
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text() + "\n" + box.informativeText()
        seen["buttons"] = [b.text() for b in box.findChildren(QAbstractButton) if b.text()]
        [button] = [b for b in box.buttons() if b.text() == choice]
        button.click()

    try:
        troubles: list[str] = []
        app.services.storage.trouble.connect(troubles.append)
        type_reflection(panel_of(running), qtbot, WORDS)
        qtbot.waitUntil(lambda: bool(troubles), timeout=20_000)
        QTimer.singleShot(0, answer)
        assert may_quit_with_unsaved(app.parts.window, app.services.storage, running) is quits
    finally:
        locker.rollback()
        locker.close()
    assert "har inte kommit in i databasen" in seen["text"]
    assert "återställningsfil" in seen["text"]
    assert {"Vänta", "Spara en kopia…", "Avsluta ändå"} <= set(seen["buttons"])
