"""Background work whose owner goes away, and errors raised off the GUI thread."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.ui.errors import ExceptionHook
from facilitator.ui.tasks import BackgroundTasks


def test_a_result_for_a_destroyed_owner_is_dropped(qtbot, monkeypatch) -> None:
    escaped: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: escaped.append(error))
    pool = QThreadPool()
    tasks = BackgroundTasks(pool)
    owner = QObject()
    release = threading.Event()
    results: list[object] = []
    tasks.run(lambda: release.wait(10) and "done", results.append, owner=owner)
    shiboken6.delete(owner)  # a window closed while the work ran
    release.set()
    assert tasks.wait()
    qtbot.wait(50)  # let any queued delivery happen (there must be none)
    assert results == []
    assert escaped == []


def test_the_hook_opens_no_dialog_off_the_gui_thread(qtbot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    hook = ExceptionHook(tmp_path / "facilitator.log", parent)
    seen: list[str] = []

    def fail() -> None:
        try:
            raise RuntimeError("off the GUI thread")
        except RuntimeError as error:
            hook(RuntimeError, error, error.__traceback__)
        seen.append("returned")

    worker = threading.Thread(target=fail)
    worker.start()
    worker.join(10)
    assert seen == ["returned"]  # it would hang in a dialog's event loop otherwise
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not parent]


@pytest.fixture(autouse=True)
def _no_leftover_dialogs():
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.inherits("QMessageBox"):
            widget.close()
