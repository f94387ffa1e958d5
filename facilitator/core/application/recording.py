"""What a running session writes: its start, where it is (for resuming after a crash), and how
each step went at the end. Taken at once from the engine, written in order by the gateway."""

from __future__ import annotations

import json
from collections.abc import Sequence

from facilitator.core.application.storage_gateway import NewSession, StorageGateway
from facilitator.core.content.kinds import StepKind
from facilitator.core.content.pack import folder_content_hash
from facilitator.core.planning import OpenModule
from facilitator.core.session.engine import SessionEngine
from facilitator.core.storage.records import ModuleRef, SessionLifecycle, StepRunRecord
from facilitator.core.user_text import clean_user_text


class SessionRecording:
    def __init__(self, storage: StorageGateway, session_uuid: str, rehearsal: bool = False) -> None:
        self._storage = storage
        self.session_uuid = session_uuid
        self.rehearsal = rehearsal

    def begin(
        self,
        engine: SessionEngine,
        modules: Sequence[OpenModule],
        place: str = "",
        leader: str | None = None,
    ) -> None:
        chosen = tuple(modules)

        def refs() -> list[ModuleRef]:
            return [
                ModuleRef(
                    m.manifest.id,
                    m.manifest.version,
                    folder_content_hash(m.folder),
                    m.manifest.title.sv,
                )
                for m in chosen
            ]

        # What the leader typed about the session enters the application here.
        self._storage.create_session(
            NewSession(
                uuid=self.session_uuid,
                title=clean_user_text(engine.plan.title),
                plan_json=json.dumps(engine.initial_plan.to_dict(), ensure_ascii=False),
                modules=refs,
                listed_modules=[
                    ModuleRef(m.manifest.id, m.manifest.version, "", m.manifest.title.sv)
                    for m in chosen
                ],
                place=clean_user_text(place),
                leader_name=None if leader is None else clean_user_text(leader),
                rehearsal=self.rehearsal,
            )
        )
        self.progress(engine)

    def progress(self, engine: SessionEngine) -> None:
        """Where the session is, so it can resume after a crash (taken now, written soon)."""
        state = json.dumps(engine.to_state(), ensure_ascii=False)
        self._storage.save_progress(self.session_uuid, engine.current_key, state)

    def finish(
        self, engine: SessionEngine, status: SessionLifecycle = SessionLifecycle.FINISHED
    ) -> None:
        self.progress(engine)
        self._storage.finish_session(self.session_uuid, step_runs(engine), status)


def step_runs(engine: SessionEngine) -> list[StepRunRecord]:
    runs = {run.key: run for run in engine.runs}
    result: list[StepRunRecord] = []
    for step in engine.plan.steps:
        run = runs.get(step.key)
        result.append(
            StepRunRecord(
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
