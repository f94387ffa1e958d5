"""The writes a recovery journal carries (a running session's, and a person's self-study
answers and progress), as plain JSON objects, and how each is applied to the database when a
journal is replayed.

Every operation is idempotent — a session is created only if it is not there, a reflection is
an upsert on its uuid, a delete of what is gone changes nothing — so replaying a journal whose
writes partly reached the database is safe. Each write is applied with a clock set to the
moment it was made, so a replayed session carries when things happened, not when the app next
started.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from facilitator.core.storage.errors import StorageError, translate
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationOption,
    EvaluationResult,
    ModuleRef,
    ReflectionDraft,
    ReflectionKind,
    ReflectionSource,
    SessionLifecycle,
    StepRunRecord,
)
from facilitator.core.storage.self_study_records import AnswerDraft

if TYPE_CHECKING:
    # SQLAlchemy stays out of the GUI's imports until the database opens (decision 0004).
    from facilitator.core.storage.database import Database
    from facilitator.core.storage.repository import Repository

log = logging.getLogger(__name__)

JournalEntry = dict[str, Any]


def _stamped(op: str, **fields: Any) -> JournalEntry:
    return {"op": op, "at": datetime.now(UTC).isoformat(), **fields}


# --- entries ---------------------------------------------------------------------------------


def session_entry(
    uuid: str,
    title: str,
    plan_json: str,
    modules: Sequence[ModuleRef],
    place: str,
    leader_name: str | None,
    rehearsal: bool,
) -> JournalEntry:
    return _stamped(
        "session",
        uuid=uuid,
        title=title,
        plan_json=plan_json,
        modules=[[m.module_id, m.version, m.content_hash, m.title] for m in modules],
        place=place,
        leader_name=leader_name,
        rehearsal=rehearsal,
    )


def progress_entry(uuid: str, step_key: str | None, state_json: str) -> JournalEntry:
    return _stamped("progress", uuid=uuid, step_key=step_key, state_json=state_json)


def reflection_entry(draft: ReflectionDraft) -> JournalEntry:
    created = draft.created_at or datetime.now(UTC)
    return _stamped(
        "reflection",
        uuid=draft.uuid,
        session_uuid=draft.session_uuid,
        step_key=draft.step_key,
        kind=draft.kind.value,
        text=draft.text,
        prompt_text=draft.prompt_text,
        created_at=created.isoformat(),
        source=draft.source.value,
    )


def edit_entry(uuid: str, text: str, kind: ReflectionKind) -> JournalEntry:
    return _stamped("edit", uuid=uuid, text=text, kind=kind.value)


def delete_entry(uuid: str) -> JournalEntry:
    return _stamped("delete", uuid=uuid)


def note_entry(session_uuid: str, step_key: str, text: str) -> JournalEntry:
    return _stamped("note", session_uuid=session_uuid, step_key=step_key, text=text)


def finish_entry(
    uuid: str, runs: Sequence[StepRunRecord], status: SessionLifecycle
) -> JournalEntry:
    return _stamped(
        "finish",
        uuid=uuid,
        status=status.value,
        runs=[dataclasses.astuple(r) for r in runs],
    )


def attendance_entry(uuid: str, counts: AttendanceCounts) -> JournalEntry:
    return _stamped("attendance", uuid=uuid, counts=dataclasses.asdict(counts))


def evaluation_entry(uuid: str, results: Sequence[EvaluationResult]) -> JournalEntry:
    return _stamped(
        "evaluation",
        uuid=uuid,
        results=[
            [
                r.question_id,
                r.question_text,
                r.knowledge_indicator,
                [[o.index, o.text, o.count] for o in r.options],
            ]
            for r in results
        ],
    )


def status_entry(uuid: str, status: SessionLifecycle) -> JournalEntry:
    return _stamped("status", uuid=uuid, status=status.value)


def answer_entry(draft: AnswerDraft) -> JournalEntry:
    """A self-study answer (blank text: the answer is erased)."""
    return _stamped("answer", **dataclasses.asdict(draft))


def answer_erase_entry(answer_id: str) -> JournalEntry:
    return _stamped("answer_erase", id=answer_id)


def study_erase_entry(module_id: str) -> JournalEntry:
    """Every self-study answer to a module, and where the person was in it."""
    return _stamped("study_erase", module_id=module_id)


def study_move_entry(module_id: str, version: str, step_id: str) -> JournalEntry:
    return _stamped("study_move", module_id=module_id, version=version, step_id=step_id)


# --- replay ----------------------------------------------------------------------------------


class _Moment:
    def __init__(self) -> None:
        self.value = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.value


def replay_entries(database: Database, entries: Sequence[JournalEntry]) -> int:
    """Apply ``entries`` in order; the number applied. An entry that cannot apply for good (its
    session is gone, a field is missing) is skipped and logged by type; a ``StorageError``
    (locked, full) propagates so the whole journal is tried again later."""
    from facilitator.core.storage.repository import Repository  # on the executor

    moment = _Moment()
    repo = Repository(database.engine, backup_dir=database.backup_dir, now=moment)
    applied = 0
    for entry in entries:
        try:
            moment.value = datetime.fromisoformat(entry["at"])
            _APPLY[entry["op"]](repo, entry)
        except StorageError:
            raise
        except Exception as error:
            storage_error = translate(error)
            if storage_error is not None:
                raise storage_error from error
            # By type only: an entry holds what the group said.
            log.warning("Journal entry %r skipped: %s", entry.get("op"), type(error).__name__)
            continue
        applied += 1
    return applied


def _session(repo: Repository, e: JournalEntry) -> None:
    repo.sessions.create(
        title=e["title"],
        plan_json=e["plan_json"],
        modules=[ModuleRef(*m) for m in e["modules"]],
        place=e["place"],
        leader_name=e["leader_name"],
        session_uuid=e["uuid"],
        rehearsal=bool(e["rehearsal"]),
    )
    if repo.sessions.get(e["uuid"]).status == SessionLifecycle.PLANNED:
        repo.sessions.set_status(e["uuid"], SessionLifecycle.RUNNING)


def _progress(repo: Repository, e: JournalEntry) -> None:
    repo.sessions.save_progress(
        e["uuid"], current_step_key=e["step_key"], engine_state_json=e["state_json"]
    )


def _reflection(repo: Repository, e: JournalEntry) -> None:
    repo.reflections.save(
        ReflectionDraft(
            uuid=e["uuid"],
            session_uuid=e["session_uuid"],
            step_key=e["step_key"],
            kind=ReflectionKind(e["kind"]),
            text=e["text"],
            prompt_text=e["prompt_text"],
            created_at=datetime.fromisoformat(e["created_at"]),
            # Journals written before issue 20 carry no source: the leader typed those.
            source=ReflectionSource(e.get("source", ReflectionSource.LEADER.value)),
        )
    )


def _edit(repo: Repository, e: JournalEntry) -> None:
    repo.reflections.edit(e["uuid"], text=e["text"], kind=ReflectionKind(e["kind"]))


def _delete(repo: Repository, e: JournalEntry) -> None:
    repo.reflections.delete(e["uuid"])


def _note(repo: Repository, e: JournalEntry) -> None:
    repo.private_notes.save(e["session_uuid"], e["step_key"], e["text"])


def _finish(repo: Repository, e: JournalEntry) -> None:
    repo.sessions.save_step_runs(e["uuid"], [StepRunRecord(*run) for run in e["runs"]])
    repo.sessions.set_status(e["uuid"], SessionLifecycle(e["status"]))


def _attendance(repo: Repository, e: JournalEntry) -> None:
    repo.tallies.save_attendance(e["uuid"], AttendanceCounts(**e["counts"]))


def _evaluation(repo: Repository, e: JournalEntry) -> None:
    results = [
        EvaluationResult(
            question_id=question_id,
            question_text=text,
            options=tuple(EvaluationOption(*option) for option in options),
            knowledge_indicator=bool(indicator),
        )
        for question_id, text, indicator, options in e["results"]
    ]
    repo.tallies.save_evaluation(e["uuid"], results)


def _status(repo: Repository, e: JournalEntry) -> None:
    repo.sessions.set_status(e["uuid"], SessionLifecycle(e["status"]))


def _answer(repo: Repository, e: JournalEntry) -> None:
    fields = {f.name: e[f.name] for f in dataclasses.fields(AnswerDraft)}
    repo.self_study.save(AnswerDraft(**fields))


def _answer_erase(repo: Repository, e: JournalEntry) -> None:
    repo.self_study.erase(e["id"])


def _study_erase(repo: Repository, e: JournalEntry) -> None:
    repo.self_study.erase_module(e["module_id"])


def _study_move(repo: Repository, e: JournalEntry) -> None:
    repo.self_study.move_to(e["module_id"], e["version"], e["step_id"])


_APPLY: dict[str, Callable[[Repository, JournalEntry], None]] = {
    "session": _session,
    "progress": _progress,
    "reflection": _reflection,
    "edit": _edit,
    "delete": _delete,
    "note": _note,
    "finish": _finish,
    "status": _status,
    "attendance": _attendance,
    "evaluation": _evaluation,
    "answer": _answer,
    "answer_erase": _answer_erase,
    "study_erase": _study_erase,
    "study_move": _study_move,
}
