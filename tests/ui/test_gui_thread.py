"""Work handed over from other threads runs on the GUI thread, in the order it was handed."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QThread

from facilitator.ui.gui_thread import GuiThread


def test_calls_from_other_threads_run_on_the_gui_thread_in_order(qtbot: Any) -> None:
    hop = GuiThread()
    ran: list[tuple[int, bool]] = []
    gui = QThread.currentThread()

    def send() -> None:
        for n in range(50):
            hop.run_soon(lambda n=n: ran.append((n, QThread.currentThread() is gui)))

    sender = threading.Thread(target=send)
    sender.start()
    sender.join()
    qtbot.waitUntil(lambda: len(ran) == 50, timeout=5_000)
    assert ran == [(n, True) for n in range(50)]
