"""`facilitator --drive`: the app taking a leader's actions as JSON lines on standard input
and reporting what it did as JSON lines on standard output. For end-to-end tests (the
kill-and-resume soak) and automation; it drives the same services as the keys and buttons.

Commands: {"do": "plan", "modules": [...], "minutes": 75} · {"do": "start"} · {"do": "next"} ·
{"do": "back"} · {"do": "reflect", "kind": "note", "text": "..."} ·
{"do": "private_note", "text": "..."} (typed into the console's note box) · {"do": "resume"} ·
{"do": "close_interrupted"} · {"do": "end"} · {"do": "quit"}.
Events: ready · interrupted (uuid, reflections) or no_interrupted · planned ·
started (uuid, left: steps after the current one; "next" on the last step ends the session) ·
step (key) · accepted (uuid) — a reflection taken, and in the recovery journal — ·
saved (uuid, text) — only once the row is committed — ·
note (key, text, state) — the current step's private note, "saved" once committed — ·
storage_waiting (message) — the database refused to open and is being retried — ·
error (message).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from facilitator.core.application.session_service import SessionService, StepEntered
from facilitator.core.application.storage_gateway import InterruptedSession
from facilitator.core.logsetup import without_content
from facilitator.core.storage.records import ReflectionKind, ReflectionRecord

if TYPE_CHECKING:
    from facilitator.core.application.services import AppServices
    from facilitator.ui.parts import UiParts

log = logging.getLogger(__name__)


def emit(event: str, **fields: Any) -> None:
    sys.stdout.write(json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


class Driver(QObject):
    def __init__(self, services: AppServices, parts: UiParts) -> None:
        super().__init__(parts.window)
        self._services = services
        self._parts = parts
        self._interrupted: InterruptedSession | None = None
        self._buffer = b""
        s = services
        s.resumer.found.connect(self._on_found)
        s.resumer.failed.connect(lambda text: emit("error", message=text))
        s.storage.failed.connect(lambda text: emit("error", message=text))
        s.storage.refused_at_open.connect(lambda text: emit("storage_waiting", message=text))
        s.sessions.started.connect(self._on_started)
        parts.library.plan_ready.connect(lambda *_: emit("planned"))
        self._stdin = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
        self._stdin.activated.connect(self._read)
        emit("ready")

    def _on_found(self, interrupted: InterruptedSession | None) -> None:
        self._interrupted = interrupted
        if interrupted is None:
            emit("no_interrupted")
        else:
            emit("interrupted", uuid=interrupted.record.uuid, reflections=interrupted.reflections)

    def _on_started(self, service: SessionService) -> None:
        emit("started", uuid=service.session_uuid, left=service.steps_left)
        service.step_entered.connect(self._on_step)
        service.reflections.saved.connect(self._on_saved)
        service.notes.changed.connect(
            lambda note: emit("note", key=note.step_key, text=note.text, state=note.state)
        )
        key = service.engine.current_key
        if key:
            emit("step", key=key)

    def _on_step(self, entered: StepEntered) -> None:
        if entered.key is not None:
            emit("step", key=entered.key)

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
            log.error("Driver command failed: %s", without_content(error))
            emit("error", message=str(error))

    def _running(self) -> SessionService:
        running = self._services.sessions.current
        if running is None:
            raise RuntimeError("no session is running")
        return running

    def _do(self, command: dict[str, Any]) -> None:
        what = command.get("do")
        if what == "plan":
            self._parts.library.make_plan(list(command["modules"]), int(command["minutes"]))
        elif what == "start":
            self._parts.planning.start(bool(command.get("rehearse", True)))
        elif what == "next":
            self._running().next()
        elif what == "back":
            self._running().back()
        elif what == "reflect":
            kind = ReflectionKind(command.get("kind", "note"))
            accepted = self._running().reflections.submit(kind, command["text"])
            emit("accepted", uuid=accepted)
        elif what == "private_note":
            running = self._parts.launcher.current if self._parts.launcher else None
            if running is None:
                raise RuntimeError("no console is showing")
            running.console.private_note.edit.setPlainText(command["text"])
        elif what == "resume" and self._interrupted is not None:
            self._services.resumer.resume(self._interrupted)
        elif what == "close_interrupted" and self._interrupted is not None:
            self._services.resumer.close(self._interrupted)
        elif what == "end":
            self._running().end()
        elif what == "quit":
            # As "Avsluta appen" does: the session's place saved, its windows closed.
            if self._parts.quit_guard is not None:
                self._parts.quit_guard.quit_without_asking()
            QApplication.quit()
        else:
            raise ValueError(f"unknown command: {command!r}")
