"""After a crash: find the session that was running, and continue it or close it as
interrupted. Everything reads and writes through the session store's queue."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from facilitator.core.clock import Clock
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.plan import SessionPlan
from facilitator.core.storage.records import SessionRecord, SessionStatus
from facilitator.core.storage.repository import Repository
from facilitator.ui.session_store import SessionStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Interrupted:
    record: SessionRecord
    reflections: int


@dataclass(frozen=True)
class Resumable:
    record: SessionRecord
    plan: SessionPlan
    engine: SessionEngine
    modules: dict[str, OpenModule]


class ResumeController(QObject):
    found = Signal(object)  # Interrupted
    nothing_found = Signal()
    ready = Signal(object)  # Resumable
    failed = Signal(str)

    def __init__(
        self,
        store: SessionStore,
        clock: Clock,
        open_module: Callable[[str, str | None], OpenModule | None],
        live_session: Callable[[], str | None] = lambda: None,
        parent: QObject | None = None,
    ) -> None:
        """``live_session`` names the session running in this process right now, if any: it
        is marked running too, but it was not interrupted."""
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._open_module = open_module
        self._live_session = live_session

    def look(self) -> None:
        live = self._live_session()

        def find(repo: Repository) -> Interrupted | None:
            sessions = [s for s in repo.sessions.find_interrupted() if s.uuid != live]
            if not sessions:
                return None
            latest = sessions[0]
            return Interrupted(latest, len(repo.reflections.for_session(latest.uuid)))

        self._store.read(find, self._found)

    def _found(self, interrupted: Interrupted | None) -> None:
        if interrupted is not None and interrupted.record.uuid == self._live_session():
            interrupted = None  # the leader started this one while we were looking
        if interrupted is None:
            self.nothing_found.emit()
        else:
            self.found.emit(interrupted)

    def resume(self, interrupted: Interrupted) -> None:
        record = interrupted.record
        try:
            plan = SessionPlan.from_dict(json.loads(record.plan_json))
            state = json.loads(record.engine_state_json or "null")
            if not isinstance(state, dict):
                raise ValueError("no engine state saved")
            engine = SessionEngine.restore(plan, self._clock, state)
        except (ValueError, TypeError) as error:
            log.warning("Cannot resume %s: %s", record.uuid, error)
            self.failed.emit(
                _(
                    "Sessionen kan inte fortsätta där den var, men allt som sparades finns kvar. "
                    "Den avslutas som avbruten."
                )
            )
            self.close(interrupted)
            return
        modules: dict[str, OpenModule] = {}
        for ref in record.modules:
            opened = self._open_module(ref.module_id, ref.version) or self._open_module(
                ref.module_id, None
            )
            if opened is None:
                self.failed.emit(
                    _(
                        "Modulen {title} som sessionen använde finns inte längre på datorn. "
                        "Sessionen avslutas som avbruten; allt som sparades finns kvar."
                    ).format(title=ref.title or ref.module_id)
                )
                self.close(interrupted)
                return
            modules[ref.module_id] = opened
        self.ready.emit(Resumable(record, plan, engine, modules))

    def close(self, interrupted: Interrupted) -> None:
        key = interrupted.record.uuid
        self._store.writer.submit(
            lambda: self._store.repository().sessions.set_status(key, SessionStatus.INTERRUPTED)
        )
