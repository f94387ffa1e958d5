"""When a rehearsal ends the leader is offered to delete it; keeping it goes on to the close-out
as usual, and without a leader to ask (``--drive``) nothing is asked and nothing deleted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.app import Application
from facilitator.startup import prepare
from tests.app_in_process import start_session


@pytest.fixture
def leader_app(qtbot, facilitator_home):  # type: ignore[no-untyped-def]
    """The app as a leader starts it: it asks questions."""
    app = Application(QApplication.instance(), prepare(portable=False, language="sv"))
    qtbot.addWidget(app.window)
    app.start(problems=[], exit_when_ready=False)
    # Assembled means the library had loaded first (decision 0004).
    qtbot.waitUntil(lambda: app.is_settled, timeout=30_000)
    assert app.services.storage.is_open
    yield app
    app.shutdown()


def _answer(monkeypatch, button: str | None) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    asked: list[QMessageBox] = []

    def press(box: QMessageBox) -> int:
        asked.append(box)
        chosen = next((b for b in box.buttons() if b.text() == button), box.defaultButton())
        chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press)
    return asked


def _sessions(database: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT title, rehearsal FROM sessions").fetchall()


def test_a_rehearsal_deleted_at_its_end_is_gone(qtbot, leader_app, monkeypatch) -> None:
    asked = _answer(monkeypatch, "Ta bort repetitionen")
    running = start_session(leader_app, qtbot, rehearse=True)
    running.service.end()
    qtbot.waitUntil(lambda: leader_app.window.current_page() is leader_app.library, timeout=10_000)
    (question,) = [b for b in asked if type(b).__name__ == "RehearsalEndedQuestion"]
    assert question.text() == "Vill du ta bort repetitionen?"
    assert question.defaultButton().text() == "Behåll och gå vidare"
    qtbot.waitUntil(lambda: leader_app.services.storage.pending == 0, timeout=10_000)
    assert _sessions(leader_app.services.paths.database_file) == []


def test_a_kept_rehearsal_goes_on_to_the_close_out(qtbot, leader_app, monkeypatch) -> None:
    _answer(monkeypatch, None)  # Enter: keep
    running = start_session(leader_app, qtbot, rehearse=True)
    running.service.end()
    closeout = leader_app.parts.closeout
    qtbot.waitUntil(lambda: leader_app.window.current_page() is closeout.attendance)
    qtbot.waitUntil(lambda: leader_app.services.storage.pending == 0, timeout=10_000)
    [(_title, rehearsal)] = _sessions(leader_app.services.paths.database_file)
    assert rehearsal == 1


def test_a_real_session_is_not_asked_about(qtbot, leader_app, monkeypatch) -> None:
    asked = _answer(monkeypatch, "Ta bort repetitionen")
    running = start_session(leader_app, qtbot, rehearse=False)
    running.service.end()
    closeout = leader_app.parts.closeout
    qtbot.waitUntil(lambda: leader_app.window.current_page() is closeout.attendance)
    assert not [b for b in asked if type(b).__name__ == "RehearsalEndedQuestion"]


def test_without_a_leader_to_ask_the_rehearsal_is_kept(qtbot, application, monkeypatch) -> None:
    asked = _answer(monkeypatch, "Ta bort repetitionen")
    running = start_session(application, qtbot, rehearse=True)
    running.service.end()
    qtbot.waitUntil(lambda: application.window.current_page() is application.library)
    qtbot.waitUntil(lambda: application.services.storage.pending == 0, timeout=10_000)
    assert asked == []
    [(_title, rehearsal)] = _sessions(application.services.paths.database_file)
    assert rehearsal == 1
