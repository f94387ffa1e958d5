"""Quitting in the first second after start, while the database is still opening (it opens
after the library is usable, decision 0004), asks nothing: nothing has been typed, and closing
waits for the open and lets whatever is queued behind it land."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.app import Application
from facilitator.startup import prepare
from facilitator.ui.console.unsaved_at_quit import waiting_writes


def test_quitting_while_the_database_opens_asks_nothing(
    qtbot: Any, facilitator_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_question(*_args: object, **_kwargs: object) -> int:
        raise AssertionError("a question was asked at quit")

    monkeypatch.setattr(QMessageBox, "exec", no_question)
    app = Application(QApplication.instance(), prepare(portable=False, language="sv"))
    qtbot.addWidget(app.window)
    seen: dict[str, object] = {}

    def just_assembled() -> None:
        # The open was queued a moment ago and runs on the storage executor now.
        assert app.services is not None and app.parts is not None
        storage = app.services.storage
        seen["opening"] = storage.opening
        seen["waiting"] = waiting_writes(storage)
        assert app.parts.quit_guard is not None
        seen["may_close"] = app.parts.quit_guard.may_close()

    app.assembled.connect(just_assembled)
    app.start(problems=[], exit_when_ready=False)
    qtbot.waitUntil(lambda: app.is_settled, timeout=30_000)
    assert seen == {"opening": True, "waiting": 0, "may_close": True}
    app.shutdown()
    assert app.services is not None and app.services.storage.closed
