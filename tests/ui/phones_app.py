"""The running app with the phones on, for the tests that play phones against it: a session
started with "Deltagarna svarar på mobilen" on loopback, and a way to act as a phone without
blocking the GUI thread (every request a phone makes waits on it: the storage lives there)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from facilitator.app import Application
from facilitator.ui.console.session_launcher import RunningSession
from facilitator.ui.console.session_phones import SessionPhones
from tests.app_in_process import start_session

T = TypeVar("T")


def session_with_phones(
    app: Application, qtbot: Any, monkeypatch: pytest.MonkeyPatch, *, rehearse: bool
) -> tuple[RunningSession, SessionPhones]:
    monkeypatch.setenv("FACILITATOR_PHONES_ADDRESS", "127.0.0.1")
    app.services.settings.change(phones_on=True)
    running = start_session(app, qtbot, rehearse=rehearse, minutes=45)
    phones = running.session_phones
    assert phones is not None and phones.address is not None
    return running, phones


def off_the_gui_thread(qtbot: Any, work: Callable[[], T], timeout_ms: int = 10_000) -> T:
    """Run ``work`` on a thread of its own while the test keeps the GUI thread turning; its
    result, or its exception raised here."""
    result: list[T] = []
    failed: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            result.append(work())
        except BaseException as error:  # raised on the test's thread
            failed.append(error)
        finally:
            done.set()

    threading.Thread(target=run, daemon=True).start()
    qtbot.waitUntil(done.is_set, timeout=timeout_ms)
    if failed:
        raise failed[0]
    return result[0]
