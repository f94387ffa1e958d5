"""The whole core flow through the real app on two screens: plan module 1 at 75 minutes, run it
with clicker keys, lose and regain the projector, finish, count attendance and evaluation."""

from __future__ import annotations

import sqlite3

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from facilitator.app import Application
from facilitator.core.storage.records import AttendanceCounts
from facilitator.startup import prepare


@pytest.fixture
def app(qtbot):
    application = Application(QApplication.instance(), prepare(portable=False, language="sv"))
    qtbot.addWidget(application.window)
    application.window.resize(1200, 760)
    application.start(problems=[], exit_when_ready=False)
    qtbot.waitUntil(lambda: application.is_assembled, timeout=30_000)
    yield application
    application.shutdown()


def test_plan_run_unplug_finish(qtbot, app: Application, monkeypatch) -> None:
    qtbot.waitUntil(lambda: len(app.library.cards()) == 9, timeout=30_000)
    qtbot.waitUntil(lambda: app.services.storage.is_open, timeout=30_000)
    app.library.select("grund-1-vad-ar-kultur")
    app.library.set_minutes(75)
    qtbot.mouseClick(app.library._plan_button, Qt.MouseButton.LeftButton)
    assert app.window.current_page() is app.parts.planner
    assert app.parts.planner.plan.total_minutes == 75
    qtbot.mouseClick(app.parts.planner.start_button, Qt.MouseButton.LeftButton)
    running = app.parts.launcher.current
    assert running is not None
    projector = running.projector
    assert projector.isVisible() and projector.isFullScreen()
    assert projector.screen().name() == "PROJECTOR"
    console = running.console
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    engine = running.service.engine
    steps = [s.key for s in engine.plan.active_steps]
    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert engine.current_key == steps[1]
    # The projector goes away mid-session: hidden, never over the console; the session goes on.
    screen = projector.screen()
    running.screens.on_screen_removed(screen)
    assert not projector.isVisible()
    assert "Projektorn kopplades bort" in console.notices.text.text()
    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert engine.current_key == steps[2]
    # Plugged in again: offered, and back on the projector when the leader accepts.
    running.screens.on_screen_added(screen)
    assert "Visa på projektorn" in console.notices.button.text()
    qtbot.mouseClick(console.notices.button, Qt.MouseButton.LeftButton)
    assert projector.isVisible() and projector.screen().name() == "PROJECTOR"
    qtbot.waitUntil(app.window.isActiveWindow)
    for key in steps[3:]:
        qtbot.keyClick(console, Qt.Key.Key_PageDown)
        assert engine.current_key == key
    uuid = running.service.session_uuid
    qtbot.mouseClick(console.end_button, Qt.MouseButton.LeftButton)
    assert app.window.current_page() is app.parts.closeout.attendance
    app.parts.closeout.attendance.saved.emit(
        AttendanceCounts(women=7, men=5, not_stated=1, managers=2)
    )
    assert app.window.current_page() is app.parts.closeout.evaluation
    app.parts.closeout.evaluation.saved.emit(app.parts.closeout.evaluation.results())
    qtbot.waitUntil(lambda: app.window.current_page() is app.parts.closeout.parking, timeout=10_000)
    # The summary from the end of the session: where the leader chose, written off the GUI
    # thread, then offered.
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    chosen = app.services.paths.data_dir.parent / "Dokument" / "Grund 1.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(chosen), ""))
    with qtbot.waitSignal(app.parts.exports.finished, timeout=30_000) as exported:
        app.parts.closeout.parking.export_requested.emit()
    pdf = exported.args[0]
    assert pdf == chosen
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Grund 1" in text and "Kvinnor" in text
    app.parts.closeout.parking.done.emit()
    assert app.window.current_page() is app.library
    app.services.storage.close()
    with sqlite3.connect(app.services.paths.database_file) as db:
        (status,) = db.execute("SELECT status FROM sessions WHERE uuid = ?", (uuid,)).fetchone()
        runs = db.execute("SELECT count(*) FROM step_runs").fetchone()[0]
        women = db.execute("SELECT women FROM attendance").fetchone()[0]
    assert status == "finished"
    assert runs == len(steps)
    assert women == 7
