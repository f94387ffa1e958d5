"""`facilitator --drive`: the app taking a leader's actions as JSON lines on standard input
and reporting what it did as JSON lines on standard output. For end-to-end tests (the
kill-and-resume soak) and automation; it uses the same controllers as the keys and buttons.

Commands: {"do": "plan", "modules": [...], "minutes": 75} · {"do": "start"} · {"do": "next"} ·
{"do": "back"} · {"do": "reflect", "kind": "note", "text": "..."} · {"do": "resume"} ·
{"do": "close_interrupted"} · {"do": "end"} · {"do": "quit"}.
Events: ready · interrupted (uuid, reflections) or no_interrupted · planned · started (uuid) · step (key) ·
saved (uuid, text) — only once the row is committed — · error (message).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from facilitator.core.storage.records import ReflectionKind, ReflectionRecord

if TYPE_CHECKING:
    from facilitator.app import Application
    from facilitator.ui.console.resume import Interrupted
    from facilitator.ui.console.session_launcher import RunningSession

log = logging.getLogger(__name__)


def emit(event: str, **fields: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class Driver(QObject):
    def __init__(self, app: Application) -> None:
        super().__init__(app.window)
        self._app = app
        self._interrupted: Interrupted | None = None
        app.driven = True

    def attach(self) -> None:
        """Once the app has assembled its parts: listen, then say ready."""
        app = self._app
        app.resume.found.connect(self._on_interrupted)
        app.resume.nothing_found.connect(lambda: emit("no_interrupted"))
        app.store.failed.connect(lambda text: emit("error", message=text))
        app.launcher.started.connect(self._on_started)
        app.library_controller.plan_ready.connect(lambda *_: emit("planned"))
        app.resume.failed.connect(lambda text: emit("error", message=text))
        self._buffer = b""
        self._stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
        self._stdin.activated.connect(self._read)
        emit("ready")

    def _on_interrupted(self, interrupted: Interrupted) -> None:
        self._interrupted = interrupted
        emit("interrupted", uuid=interrupted.record.uuid, reflections=interrupted.reflections)

    def _on_started(self, running: RunningSession) -> None:
        emit("started", uuid=running.recorder.session_uuid)
        running.controller.step_changed.connect(lambda key: emit("step", key=key))
        running.reflections.saved.connect(self._on_saved)
        key = running.controller.engine.current_key
        if key:
            emit("step", key=key)

    def _on_saved(self, record: ReflectionRecord) -> None:
        emit("saved", uuid=record.uuid, text=record.text)

    def _read(self) -> None:
        # Read the descriptor directly: a buffered readline would swallow several queued
        # lines at once, and the notifier would never fire for the ones left in the buffer.
        chunk = os.read(sys.stdin.fileno(), 65536)
        if not chunk:
            self._stdin.setEnabled(False)
            QApplication.quit()
            return
        self._buffer += chunk
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            if line.strip():
                self._run(line)

    def _run(self, line: bytes) -> None:
        try:
            self._do(json.loads(line))
        except Exception as error:  # a bad command must not take the app down
            log.exception("Driver command failed")
            emit("error", message=str(error))

    def _running(self) -> RunningSession:
        running = self._app.launcher.current
        if running is None:
            raise RuntimeError("no session is running")
        return running

    def _do(self, command: dict[str, Any]) -> None:
        what = command.get("do")
        if what == "plan":
            self._app.library_controller.make_plan(
                list(command["modules"]), int(command["minutes"])
            )
        elif what == "start":
            self._app.start_session(bool(command.get("rehearse", True)))
        elif what == "next":
            self._running().controller.next()
        elif what == "back":
            self._running().controller.back()
        elif what == "reflect":
            running = self._running()
            running.reflections.submit(ReflectionKind(command.get("kind", "note")), command["text"])
        elif what == "resume" and self._interrupted is not None:
            self._app.resume.resume(self._interrupted)
        elif what == "close_interrupted" and self._interrupted is not None:
            self._app.resume.close(self._interrupted)
        elif what == "end":
            self._running().controller.end()
        elif what == "quit":
            QApplication.quit()
        else:
            raise ValueError(f"unknown command: {command!r}")
