"""After a crash or a quit: find the session that was left running, and continue it or close
it as interrupted."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.session_service import SessionService
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.storage_gateway import InterruptedSession, StorageGateway
from facilitator.core.clock import Clock
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.plan import SessionPlan
from facilitator.core.storage.records import SessionLifecycle, SessionRecord

log = logging.getLogger(__name__)

OpenModuleFn = Callable[[str, str | None], OpenModule | None]


def current_step_title(record: SessionRecord) -> str | None:
    """The step an interrupted session was on, for the question whether to continue it."""
    try:
        plan = SessionPlan.from_dict(json.loads(record.plan_json))
    except (ValueError, TypeError):
        return None
    key = record.current_step_key
    return plan.step(key).title if key is not None and key in plan else None


class SessionResumer:
    def __init__(
        self, storage: StorageGateway, sessions: Sessions, clock: Clock, open_module: OpenModuleFn
    ) -> None:
        self._storage = storage
        self._sessions = sessions
        self._clock = clock
        self._open_module = open_module
        self.found: Broadcast[InterruptedSession | None] = Broadcast()
        self.failed: Broadcast[str] = Broadcast()

    def look(self) -> None:
        live = self._sessions.current
        self._storage.find_interrupted(live.session_uuid if live is not None else None, self._found)

    def _found(self, interrupted: InterruptedSession | None) -> None:
        live = self._sessions.current
        if (
            interrupted is not None
            and live is not None
            and interrupted.record.uuid == live.session_uuid
        ):
            interrupted = None  # the leader started this one while we were looking
        self.found.emit(interrupted)

    def resume(self, interrupted: InterruptedSession) -> SessionService | None:
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
            return None
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
                return None
            modules[ref.module_id] = opened
        return self._sessions.restore(engine, modules, record.uuid, rehearsal=record.rehearsal)

    def close(self, interrupted: InterruptedSession) -> None:
        self._storage.set_status(interrupted.record.uuid, SessionLifecycle.INTERRUPTED)
