"""Sessions: creating them, following their progress, and the steps as they were run."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, delete, insert, select, update
from sqlalchemy.engine import Connection

from facilitator.core.storage.errors import SessionNotFound
from facilitator.core.storage.models import SessionModuleRow, SessionRow, StepRunRow
from facilitator.core.storage.records import (
    ModuleRef,
    SessionLifecycle,
    SessionRecord,
    StepRunRecord,
)
from facilitator.core.storage.transactions import Transactions, session_id


class SessionStore:
    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def create(
        self,
        *,
        title: str,
        plan_json: str,
        modules: Sequence[ModuleRef],
        place: str = "",
        leader_name: str | None = None,
        session_uuid: str | None = None,
        rehearsal: bool = False,
    ) -> SessionRecord:
        """Store a new planned session. Given a ``session_uuid`` that already exists, returns
        that session unchanged, so a retried create makes no second copy."""
        key = session_uuid or str(uuid.uuid4())
        now = self._tx.now()
        with self._tx.write() as connection:
            if _load(connection, key) is None:
                new_id = connection.execute(
                    insert(SessionRow).values(
                        uuid=key,
                        title=title,
                        plan_json=plan_json,
                        place=place,
                        leader_name=leader_name or None,
                        rehearsal=rehearsal,
                        status=SessionLifecycle.PLANNED.value,
                        created_at=now,
                        updated_at=now,
                    )
                ).inserted_primary_key
                if new_id is None:
                    raise RuntimeError("insert returned no key")
                if modules:
                    connection.execute(
                        insert(SessionModuleRow),
                        [
                            {
                                "session_id": new_id[0],
                                "position": position,
                                "module_id": module.module_id,
                                "version": module.version,
                                "content_hash": module.content_hash,
                                "title": module.title,
                            }
                            for position, module in enumerate(modules)
                        ],
                    )
            record = _load(connection, key)
        if record is None:
            raise SessionNotFound(key)
        return record

    def get(self, session_uuid: str) -> SessionRecord:
        with self._tx.read() as connection:
            record = _load(connection, session_uuid)
        if record is None:
            raise SessionNotFound(session_uuid)
        return record

    def set_status(self, session_uuid: str, status: SessionLifecycle) -> SessionRecord:
        """Change the status. The first RUNNING stamps ``started_at``; FINISHED stamps
        ``ended_at`` (and leaving FINISHED clears it again)."""
        now = self._tx.now()
        with self._tx.write() as connection:
            current = _load(connection, session_uuid)
            if current is None:
                raise SessionNotFound(session_uuid)
            started_at = current.started_at
            if started_at is None and status in (
                SessionLifecycle.RUNNING,
                SessionLifecycle.FINISHED,
            ):
                started_at = now
            ended_at = now if status is SessionLifecycle.FINISHED else None
            if status is SessionLifecycle.FINISHED and current.status is SessionLifecycle.FINISHED:
                ended_at = current.ended_at
            connection.execute(
                update(SessionRow)
                .where(SessionRow.uuid == session_uuid)
                .values(
                    status=status.value,
                    started_at=started_at,
                    ended_at=ended_at,
                    updated_at=now,
                )
            )
            record = _load(connection, session_uuid)
        if record is None:
            raise SessionNotFound(session_uuid)
        return record

    def save_progress(
        self, session_uuid: str, *, current_step_key: str | None, engine_state_json: str | None
    ) -> None:
        """Where the session is and the engine's state to resume from after a crash."""
        with self._tx.write() as connection:
            result = connection.execute(
                update(SessionRow)
                .where(SessionRow.uuid == session_uuid)
                .values(
                    current_step_key=current_step_key,
                    engine_state_json=engine_state_json,
                    updated_at=self._tx.now(),
                )
            )
            if result.rowcount == 0:
                raise SessionNotFound(session_uuid)

    def save_step_runs(self, session_uuid: str, runs: Sequence[StepRunRecord]) -> None:
        """Replace the session's step runs with ``runs`` (in plan order)."""
        with self._tx.write() as connection:
            owner = session_id(connection, session_uuid)
            connection.execute(delete(StepRunRow).where(StepRunRow.session_id == owner))
            if runs:
                connection.execute(
                    insert(StepRunRow),
                    [
                        {
                            "session_id": owner,
                            "position": position,
                            "step_key": run.step_key,
                            "module_id": run.module_id,
                            "step_id": run.step_id,
                            "title": run.title,
                            "kind": str(run.kind),
                            "planned_seconds": run.planned_seconds,
                            "actual_seconds": run.actual_seconds,
                            "skipped": run.skipped,
                        }
                        for position, run in enumerate(runs)
                    ],
                )

    def step_runs(self, session_uuid: str) -> tuple[StepRunRecord, ...]:
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            rows = connection.execute(
                select(StepRunRow)
                .where(StepRunRow.session_id == owner)
                .order_by(StepRunRow.position)
            ).all()
        return tuple(
            StepRunRecord(
                step_key=row.step_key,
                module_id=row.module_id,
                step_id=row.step_id,
                title=row.title,
                kind=row.kind,
                planned_seconds=row.planned_seconds,
                actual_seconds=row.actual_seconds,
                skipped=bool(row.skipped),
            )
            for row in rows
        )

    def module_versions_in_use(self) -> frozenset[tuple[str, str]]:
        """Every (module id, version) a saved session ran: those module folders must stay."""
        with self._tx.read() as connection:
            rows = connection.execute(
                select(SessionModuleRow.module_id, SessionModuleRow.version).distinct()
            ).all()
        return frozenset((str(module_id), str(version)) for module_id, version in rows)

    def find_interrupted(self) -> tuple[SessionRecord, ...]:
        """Sessions still marked RUNNING. At start-up these are the ones the app did not get
        to finish (a crash, a flat battery): candidates to resume, most recent first."""
        with self._tx.read() as connection:
            keys = connection.execute(
                select(SessionRow.uuid)
                .where(SessionRow.status == SessionLifecycle.RUNNING.value)
                .order_by(SessionRow.updated_at.desc(), SessionRow.id.desc())
            ).scalars()
            records = [_load(connection, key) for key in list(keys)]
        return tuple(record for record in records if record is not None)


def _load(connection: Connection, session_uuid: str) -> SessionRecord | None:
    row = connection.execute(select(SessionRow).where(SessionRow.uuid == session_uuid)).first()
    if row is None:
        return None
    modules = connection.execute(
        select(SessionModuleRow)
        .where(SessionModuleRow.session_id == row.id)
        .order_by(SessionModuleRow.position)
    ).all()
    return _record(row, tuple(module_ref(m) for m in modules))


def module_ref(row: Row[Any]) -> ModuleRef:
    return ModuleRef(
        module_id=row.module_id,
        version=row.version,
        content_hash=row.content_hash,
        title=row.title,
    )


def _record(row: Row[Any], modules: tuple[ModuleRef, ...]) -> SessionRecord:
    return SessionRecord(
        uuid=row.uuid,
        title=row.title,
        plan_json=row.plan_json,
        modules=modules,
        place=row.place,
        leader_name=row.leader_name,
        status=SessionLifecycle(row.status),
        current_step_key=row.current_step_key,
        engine_state_json=row.engine_state_json,
        started_at=row.started_at,
        ended_at=row.ended_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        rehearsal=bool(row.rehearsal),
    )
