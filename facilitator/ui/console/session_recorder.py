"""Records a running session: what the engine did and what the group said, as writes queued
on the serial writer. A reflection counts as saved only once its row is committed."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.pack import folder_content_hash
from facilitator.core.planning import OpenModule
from facilitator.core.session.engine import SessionEngine
from facilitator.core.storage.records import (
    ModuleRef,
    ReflectionDraft,
    ReflectionKind,
    ReflectionRecord,
    SessionStatus,
    StepRun,
)
from facilitator.core.storage.repository import Repository
from facilitator.ui.serial_writer import SerialWriter


class SessionRecorder(QObject):
    reflection_saved = Signal(object)  # ReflectionRecord, committed
    reflection_deleted = Signal(str)

    def __init__(
        self,
        writer: SerialWriter,
        repository: Callable[[], Repository],
        session_uuid: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._repo = repository
        self.session_uuid = session_uuid or str(uuid.uuid4())

    # --- the session -----------------------------------------------------------------------

    def begin(
        self,
        engine: SessionEngine,
        modules: Sequence[OpenModule],
        place: str = "",
        leader: str | None = None,
    ) -> None:
        plan_json = json.dumps(engine.initial_plan.to_dict(), ensure_ascii=False)
        title = engine.plan.title
        key = self.session_uuid

        def create() -> None:
            refs = [
                ModuleRef(
                    m.manifest.id,
                    m.manifest.version,
                    folder_content_hash(m.folder),
                    m.manifest.title.sv,
                )
                for m in modules
            ]
            repo = self._repo()
            repo.sessions.create(
                title=title,
                plan_json=plan_json,
                modules=refs,
                place=place,
                leader_name=leader,
                session_uuid=key,
            )
            repo.sessions.set_status(key, SessionStatus.RUNNING)

        self._writer.submit(create)
        self.progress(engine)

    def progress(self, engine: SessionEngine) -> None:
        """Where the session is, so it can resume after a crash (taken now, written soon)."""
        state = json.dumps(engine.to_state(), ensure_ascii=False)
        current = engine.current_key
        key = self.session_uuid
        self._writer.submit(
            lambda: self._repo().sessions.save_progress(
                key, current_step_key=current, engine_state_json=state
            )
        )

    def finish(self, engine: SessionEngine, status: SessionStatus = SessionStatus.FINISHED) -> None:
        runs = step_runs(engine)
        key = self.session_uuid
        self.progress(engine)

        def close() -> None:
            repo = self._repo()
            repo.sessions.save_step_runs(key, runs)
            repo.sessions.set_status(key, status)

        self._writer.submit(close)

    # --- reflections -------------------------------------------------------------------------

    def add_reflection(
        self, step_key: str, kind: ReflectionKind, text: str, prompt_text: str = ""
    ) -> str:
        draft = ReflectionDraft(
            uuid=str(uuid.uuid4()),
            session_uuid=self.session_uuid,
            step_key=step_key,
            kind=kind,
            text=text,
            prompt_text=prompt_text,
        )
        self._writer.submit(
            lambda: self._repo().reflections.save(draft), self.reflection_saved.emit
        )
        return draft.uuid

    def edit_reflection(self, reflection_uuid: str, text: str, kind: ReflectionKind) -> None:
        self._writer.submit(
            lambda: self._repo().reflections.edit(reflection_uuid, text=text, kind=kind),
            self.reflection_saved.emit,
        )

    def delete_reflection(self, reflection_uuid: str) -> None:
        self._writer.submit(
            lambda: self._repo().reflections.delete(reflection_uuid),
            lambda _deleted: self.reflection_deleted.emit(reflection_uuid),
        )

    def load_reflections(self, done: Callable[[tuple[ReflectionRecord, ...]], None]) -> None:
        """Read through the same queue, so the answer includes every write asked for before."""
        key = self.session_uuid
        self._writer.submit(lambda: self._repo().reflections.for_session(key), done)


def step_runs(engine: SessionEngine) -> list[StepRun]:
    plan = engine.plan
    runs = {run.key: run for run in engine.runs}
    result: list[StepRun] = []
    for step in plan.steps:
        run = runs.get(step.key)
        result.append(
            StepRun(
                step_key=step.key,
                module_id=step.module_id,
                step_id=step.step_id,
                title=step.title,
                kind=StepKind(step.kind).value,
                planned_seconds=run.planned_seconds if run else step.planned_seconds,
                actual_seconds=round(run.actual_seconds) if run else None,
                skipped=step.skipped or (run.skipped if run else False),
            )
        )
    return result
