"""The real app, in this process: the composition root from facilitator.app on Qt's offscreen
platform (two screens, tests/screens.json), with its own FACILITATOR_HOME, real SQLite, real
libVLC with dummy outputs. Built with ``interactive=False`` as `facilitator --drive` builds
it, so the app asks no modal questions (resume, close-out) that would block a test. The
``application`` fixture is offered to every test (tests/conftest.py loads this module)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from facilitator.app import Application
from facilitator.startup import prepare
from facilitator.ui.console.session_launcher import RunningSession
from facilitator.ui.widgets.reflection_panel import ReflectionPanel

MODULE = "grund-1-vad-ar-kultur"
FILM_STEP = f"{MODULE}/film"


@pytest.fixture
def application(qtbot: Any, facilitator_home: Path) -> Iterator[Application]:
    startup = prepare(portable=False, language="sv")
    app = Application(QApplication.instance(), startup, interactive=False)
    qtbot.addWidget(app.window)
    app.start(problems=[], exit_when_ready=False)
    # Settled: the library loaded, then every part assembled, then the database opened.
    qtbot.waitUntil(lambda: app.is_settled, timeout=20_000)
    assert app.services is not None and app.services.storage.is_open
    yield app
    running = app.parts.launcher.current
    if running is not None:
        running.service.end()
    app.shutdown()


def start_session(
    app: Application, qtbot: Any, *, rehearse: bool = True, minutes: int = 45
) -> RunningSession:
    """Plan the bundled Grund 1 and start it, as the leader does from the planner."""
    qtbot.waitUntil(lambda: app.is_assembled, timeout=20_000)
    with qtbot.waitSignal(app.parts.library.plan_ready, timeout=10_000):
        app.parts.library.make_plan([MODULE], minutes)
    with qtbot.waitSignal(app.parts.launcher.opened, timeout=10_000):
        app.parts.planning.start(rehearse)
    running = app.parts.launcher.current
    assert running is not None
    # The session row is on disk before the test starts its fault.
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    return running


def panel_of(running: RunningSession) -> ReflectionPanel:
    panel = running.console.findChild(ReflectionPanel)
    assert panel is not None
    return panel


def reflections_on_disk(database: Path) -> dict[str, str]:
    """What a second program reading the file sees: only committed rows."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return dict(connection.execute("SELECT uuid, text FROM reflections").fetchall())
