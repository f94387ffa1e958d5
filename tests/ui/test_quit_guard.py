"""Quitting mid-session asks first; on yes the projector window closes, the film is released
and the session stays on disk as running, so the next start offers to continue it."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from facilitator.app import Application
from facilitator.ui.console import quit_guard
from facilitator.ui.console.quit_guard import QuitGuard
from tests.app_in_process import FILM_STEP, start_session


def test_quitting_mid_film_asks_then_leaves_nothing_running(
    application: Application, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = application
    assert app.parts is not None and app.parts.launcher is not None and app.services
    running = start_session(app, qtbot, rehearse=False)
    running.service.jump(FILM_STEP)
    qtbot.waitUntil(lambda: running.film.active, timeout=15_000)
    QuitGuard(
        app.window,
        app.services.sessions,
        app.parts.launcher,
        app.services.settings,
        app.services.storage,
        ask=True,
    )
    answers = [False]
    monkeypatch.setattr(quit_guard, "confirm", lambda *a: answers[0])

    assert not app.window.close()  # "Sessionen pågår …" – the leader says no
    assert running.projector.isVisible() and running.film.active

    answers[0] = True
    assert app.window.close()
    assert not running.projector.isVisible()
    assert running.film.player is None  # stopped and libVLC released
    assert app.parts.launcher.current is None
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    database = app.services.paths.database_file
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        (status,) = connection.execute("SELECT status FROM sessions").fetchone()
    assert status == "running"  # the next start offers to continue it


def test_the_window_opens_where_it_was_left(qtbot: Any) -> None:
    from PySide6.QtWidgets import QMainWindow

    from facilitator.ui.main_window import show_in_place, window_place

    first = QMainWindow()
    qtbot.addWidget(first)
    show_in_place(first, None)
    assert first.isMaximized()  # no place remembered: maximised on the laptop's screen
    first.showNormal()
    first.setGeometry(100, 80, 900, 600)
    place = window_place(first)
    again = QMainWindow()
    qtbot.addWidget(again)
    show_in_place(again, place)
    assert not again.isMaximized()
    assert (again.width(), again.height()) == (900, 600)
