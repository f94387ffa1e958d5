"""Starting, continuing and ending sessions: at most one runs at a time, and whoever shows a
session (the console, the projector, ``--drive``) hears of it here."""

from __future__ import annotations

import uuid as uuids
from collections.abc import Mapping

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.session_service import SessionService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import Clock
from facilitator.core.planning import OpenModule
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.plan import SessionPlan


class SessionAlreadyRunning(RuntimeError):
    pass


class Sessions:
    def __init__(self, storage: StorageGateway, clock: Clock, language: str = "sv") -> None:
        self._storage = storage
        self._clock = clock
        self.language = language
        self.current: SessionService | None = None
        self.started: Broadcast[SessionService] = Broadcast()
        self.finished: Broadcast[SessionService] = Broadcast()

    def begin(
        self,
        plan: SessionPlan,
        modules: Mapping[str, OpenModule],
        *,
        rehearsal: bool = False,
        place: str = "",
        leader: str | None = None,
    ) -> SessionService:
        service = self._new(
            SessionEngine(plan, self._clock), modules, str(uuids.uuid4()), rehearsal
        )
        service.begin(place, leader)
        self.started.emit(service)
        return service

    def restore(
        self,
        engine: SessionEngine,
        modules: Mapping[str, OpenModule],
        session_uuid: str,
        *,
        rehearsal: bool = False,
    ) -> SessionService:
        """Continue a session that a crash or a quit interrupted (a rehearsal stays one)."""
        service = self._new(engine, modules, session_uuid, rehearsal)
        self._storage.reflections_for(session_uuid, service.reflections.load)
        self._storage.private_notes_for(session_uuid, service.notes.load)
        service.continue_restored()
        self.started.emit(service)
        return service

    def _new(
        self,
        engine: SessionEngine,
        modules: Mapping[str, OpenModule],
        session_uuid: str,
        rehearsal: bool,
    ) -> SessionService:
        if self.current is not None:
            raise SessionAlreadyRunning(self.current.session_uuid)
        service = SessionService(
            engine, modules, self._storage, session_uuid, self.language, rehearsal
        )
        self.current = service
        service.ended.connect(lambda _none: self._finished(service))
        return service

    def _finished(self, service: SessionService) -> None:
        if self.current is service:
            self.current = None
        self.finished.emit(service)
