"""The one way to the database: typed operations, each run on the one serial executor, in the
order asked for, so a read sees every write asked for before it. How they travel — the open,
the recovery journal, reads failing fast — is ``StorageLine``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.application.executor import Failed
from facilitator.core.application.journal_ops import (
    JournalEntry,
    attendance_entry,
    delete_entry,
    edit_entry,
    evaluation_entry,
    finish_entry,
    note_entry,
    progress_entry,
    reflection_entry,
    session_entry,
    status_entry,
)
from facilitator.core.application.phone_storage import PhoneOperations
from facilitator.core.application.self_study_storage import SelfStudyOperations
from facilitator.core.application.storage_line import StorageUnavailable
from facilitator.core.storage.records import (
    AttendanceCounts,
    ErasureOutcome,
    EvaluationResult,
    ExportKind,
    ExportRecord,
    HistoryPage,
    HistoryQuery,
    ModuleRef,
    PrivateNote,
    ReflectionDraft,
    ReflectionKind,
    ReflectionRecord,
    SessionLifecycle,
    SessionRecord,
    StepRunRecord,
)

if TYPE_CHECKING:
    # Imported where the work runs, on the executor, once the database is open (decision 0004).
    from facilitator.core.export.gather import ManifestLookup
    from facilitator.core.export.model import SessionExport
    from facilitator.core.storage.repository import Repository

__all__ = [
    "InterruptedSession",
    "NewSession",
    "SessionDetail",
    "StorageGateway",
    "StorageUnavailable",
]


@dataclass(frozen=True)
class NewSession:
    uuid: str
    title: str
    plan_json: str
    modules: Callable[[], Sequence[ModuleRef]]
    """Worked out on the executor: hashing a module's folder reads its film."""
    listed_modules: Sequence[ModuleRef] = ()
    """The same modules without their content hash, for the recovery journal."""
    place: str = ""
    leader_name: str | None = None
    rehearsal: bool = False


@dataclass(frozen=True)
class InterruptedSession:
    record: SessionRecord
    reflections: int


@dataclass(frozen=True)
class SessionDetail:
    record: SessionRecord
    reflections: tuple[ReflectionRecord, ...]
    attendance: AttendanceCounts | None
    private_notes: tuple[PrivateNote, ...] = ()
    """The leader's own notes: for the leader's eyes in the history, never in an export."""


class StorageGateway(SelfStudyOperations, PhoneOperations):
    """The typed operations, each a read (``_read``), a journalled write (``_write``) or
    plain queued work (``_run``); the self-study ones are in ``SelfStudyOperations``, the
    phones' in ``PhoneOperations``."""

    # --- a running session ------------------------------------------------------------------

    def create_session(self, new: NewSession, failed: Failed | None = None) -> None:
        def create(repo: Repository) -> None:
            repo.sessions.create(
                title=new.title,
                plan_json=new.plan_json,
                modules=list(new.modules()),
                place=new.place,
                leader_name=new.leader_name,
                session_uuid=new.uuid,
                rehearsal=new.rehearsal,
            )
            repo.sessions.set_status(new.uuid, SessionLifecycle.RUNNING)

        def entry() -> JournalEntry:
            return session_entry(
                new.uuid,
                new.title,
                new.plan_json,
                new.listed_modules,
                new.place,
                new.leader_name,
                new.rehearsal,
            )

        self._write(entry, create, None, failed)

    def save_progress(self, uuid: str, current_step_key: str | None, state_json: str) -> None:
        self._write(
            lambda: progress_entry(uuid, current_step_key, state_json),
            lambda repo: repo.sessions.save_progress(
                uuid, current_step_key=current_step_key, engine_state_json=state_json
            ),
        )

    def finish_session(
        self, uuid: str, runs: Sequence[StepRunRecord], status: SessionLifecycle
    ) -> None:
        def close(repo: Repository) -> None:
            repo.sessions.save_step_runs(uuid, runs)
            repo.sessions.set_status(uuid, status)

        self._write(lambda: finish_entry(uuid, runs, status), close)

    def set_status(self, uuid: str, status: SessionLifecycle) -> None:
        self._write(
            lambda: status_entry(uuid, status), lambda repo: repo.sessions.set_status(uuid, status)
        )

    def find_interrupted(
        self, not_this: str | None, done: Callable[[InterruptedSession | None], None]
    ) -> None:
        def find(repo: Repository) -> InterruptedSession | None:
            sessions = [s for s in repo.sessions.find_interrupted() if s.uuid != not_this]
            if not sessions:
                return None
            latest = sessions[0]
            return InterruptedSession(latest, len(repo.reflections.for_session(latest.uuid)))

        self._read(find, done, lambda _error: done(None))

    # --- reflections -------------------------------------------------------------------------

    def save_reflection(
        self,
        draft: ReflectionDraft,
        done: Callable[[ReflectionRecord], None],
        failed: Failed | None = None,
    ) -> None:
        self._write(
            lambda: reflection_entry(draft), lambda repo: repo.reflections.save(draft), done, failed
        )

    def edit_reflection(
        self,
        uuid: str,
        text: str,
        kind: ReflectionKind,
        done: Callable[[ReflectionRecord], None],
        failed: Failed | None = None,
    ) -> None:
        self._write(
            lambda: edit_entry(uuid, text, kind),
            lambda repo: repo.reflections.edit(uuid, text=text, kind=kind),
            done,
            failed,
        )

    def reflections_for(
        self,
        session_uuid: str,
        done: Callable[[tuple[ReflectionRecord, ...]], None],
        failed: Failed | None = None,
    ) -> None:
        self._read(lambda repo: repo.reflections.for_session(session_uuid), done, failed)

    # --- the leader's private notes -----------------------------------------------------------

    def save_private_note(
        self,
        session_uuid: str,
        step_key: str,
        text: str,
        done: Callable[[None], None],
        failed: Failed | None = None,
    ) -> None:
        """Set a step's note (blank text removes it); ``done`` once it is committed."""
        self._write(
            lambda: note_entry(session_uuid, step_key, text),
            lambda repo: repo.private_notes.save(session_uuid, step_key, text),
            done,
            failed,
        )

    def private_notes_for(
        self, session_uuid: str, done: Callable[[tuple[PrivateNote, ...]], None]
    ) -> None:
        self._read(lambda repo: repo.private_notes.for_session(session_uuid), done)

    # --- close-out ---------------------------------------------------------------------------

    def save_attendance(self, session_uuid: str, counts: AttendanceCounts) -> None:
        self._write(
            lambda: attendance_entry(session_uuid, counts),
            lambda repo: repo.tallies.save_attendance(session_uuid, counts),
        )

    def save_evaluation(self, session_uuid: str, results: Sequence[EvaluationResult]) -> None:
        chosen = tuple(results)
        self._write(
            lambda: evaluation_entry(session_uuid, chosen),
            lambda repo: repo.tallies.save_evaluation(session_uuid, chosen),
        )

    # --- history and export -------------------------------------------------------------------

    def history_page(self, query: HistoryQuery, done: Callable[[HistoryPage], None]) -> None:
        self._read(lambda repo: repo.history.page(query), done)

    def session_detail(
        self, uuid: str, done: Callable[[SessionDetail], None], failed: Failed | None = None
    ) -> None:
        def gather(repo: Repository) -> SessionDetail:
            return SessionDetail(
                repo.sessions.get(uuid),
                repo.reflections.for_session(uuid),
                repo.tallies.attendance(uuid),
                repo.private_notes.for_session(uuid),
            )

        self._read(gather, done, failed)

    def delete_session(self, uuid: str, done: Callable[[bool], None]) -> None:
        self._run(lambda repo: repo.erasure.delete_session(uuid), done)

    def record_exports(
        self,
        uuid: str,
        paths: Sequence[Path],
        kind: ExportKind,
        done: Callable[[tuple[ExportRecord, ...]], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        """Remember files written from the session, so deleting it can offer to delete them."""
        written = tuple(paths)
        self._run(lambda repo: repo.exports.record(uuid, written, kind), done, failed)

    def exports_of(
        self, uuid: str, done: Callable[[tuple[ExportRecord, ...]], None], failed: Failed
    ) -> None:
        """Every file written from the session, whether or not it is still on disk."""
        self._read(lambda repo: repo.exports.for_session(uuid), done, failed)

    def gather_export(
        self,
        uuid: str,
        manifests: ManifestLookup,
        done: Callable[[SessionExport], None],
        failed: Failed,
    ) -> None:
        """What an export of one session needs, read once, behind every write asked for."""

        def gather(repo: Repository) -> SessionExport:
            from facilitator.core.export.gather import gather_session

            return gather_session(repo, uuid, manifests)

        self._read(gather, done, failed)

    # --- housekeeping at start-up -------------------------------------------------------------

    def delete_older_than(self, days: int, done: Callable[[int], None]) -> None:
        self._run(lambda repo: repo.erasure.delete_older_than(days), done)

    def module_versions_in_use(
        self, work: Callable[[frozenset[tuple[str, str]]], Any], done: Callable[[Any], None]
    ) -> None:
        """``work`` runs on the executor with the versions in use, so nothing can start
        using a version between the look-up and what ``work`` does with it."""
        self._run(lambda repo: work(repo.sessions.module_versions_in_use()), done)

    # --- erasure that says when the text is really gone (see core/storage/erasure.py) -------

    def erase_reflection(self, uuid: str, done: Callable[[ErasureOutcome], None]) -> None:
        self._write(
            lambda: delete_entry(uuid), lambda repo: repo.erasure.erase_reflection(uuid), done
        )

    def erase_session(self, uuid: str, done: Callable[[ErasureOutcome], None]) -> None:
        self._run(lambda repo: repo.erasure.erase_session(uuid), done)

    def finish_erasure(self, done: Callable[[bool], None] | None = None) -> None:
        """Finish an erasure that another connection held back; ``done`` gets True when
        nothing is pending any more."""
        self._run(lambda repo: repo.erasure.finish_pending(), done)
