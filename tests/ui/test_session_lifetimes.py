"""Per-session objects go when the session ends: three sessions in a row leave the app with
as many listeners as one did (the storage's trouble signal grew 2 → 3 → 4 before)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import SIGNAL
from PySide6.QtWidgets import QApplication

from facilitator.app import Application
from tests.app_in_process import MODULE


def _listeners(app: Application) -> dict[str, int]:
    services = app.services
    assert services is not None
    qapp = QApplication.instance()
    assert qapp is not None
    return {
        "storage trouble": services.storage.trouble.receivers,
        "storage recovered": services.storage.recovered.receivers,
        "settings changed": services.settings.changed.receivers,
        "sessions started": services.sessions.started.receivers,
        "sessions finished": services.sessions.finished.receivers,
        "focus window": qapp.receivers(SIGNAL("focusWindowChanged(QWindow*)")),
        "screens added": qapp.receivers(SIGNAL("screenAdded(QScreen*)")),
        "screens removed": qapp.receivers(SIGNAL("screenRemoved(QScreen*)")),
    }


def test_three_sessions_leave_no_listeners_behind(application: Application, qtbot: Any) -> None:
    app = application
    parts = app.parts
    assert parts is not None and parts.launcher is not None
    qtbot.waitUntil(lambda: app.is_assembled, timeout=20_000)
    counts = []
    for _ in range(3):
        with qtbot.waitSignal(parts.library.plan_ready, timeout=10_000):
            parts.library.make_plan([MODULE], 45)
        with qtbot.waitSignal(parts.launcher.opened, timeout=10_000):
            parts.planning.start(True)
        running = parts.launcher.current
        assert running is not None
        with qtbot.waitSignal(parts.launcher.closed, timeout=10_000):
            running.service.end()
        assert parts.launcher.current is None
        counts.append(_listeners(app))
    assert counts[0] == counts[1] == counts[2]
