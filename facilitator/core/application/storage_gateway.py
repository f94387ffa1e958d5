"""The one way to the database: typed operations, each run on the one serial executor, in the
order asked for, so a read sees every write asked for before it.

The database opens on the executor too, first in line. When it cannot be opened, every later
operation fails at once with ``StorageUnavailable`` (its message says why and what to do)
instead of waiting in a queue that will never move; what the leader typed stays in memory with
the session (see ``ReflectionLedger``) and can be saved as a copy elsewhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.executor import Failed, SerialExecutor
from facilitator.core.export.gather import ManifestLookup, gather_session
from facilitator.core.export.model import SessionExport
from facilitator.core.paths import AppPaths
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.errors import DatabaseOpenError, StorageError
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
from facilitator.core.storage.repository import Repository

log = logging.getLogger(__name__)

T = TypeVar("T")


class StorageUnavailable(Exception):
    """The database never opened; ``message`` is the Swedish reason shown to the leader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class NewSession:
    uuid: str
    title: str
    plan_json: str
    modules: Callable[[], Sequence[ModuleRef]]
    """Worked out on the executor: hashing a module's folder reads its film."""
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


class StorageGateway:
    def __init__(
        self,
        executor: SerialExecutor,
        paths: AppPaths,
        open_with: Callable[[AppPaths], Database] = open_database,
    ) -> None:
        self._executor = executor
        self._paths = paths
        self._open_with = open_with
        self._database: Database | None = None
        self._repository: Repository | None = None
        self._problem: str | None = None
        self.opened: Broadcast[None] = Broadcast()
        self.failed: Broadcast[str] = Broadcast()

    # --- life ------------------------------------------------------------------------------

    @property
    def trouble(self) -> Broadcast[str]:
        """A write is waiting for the disk (full, read-only, locked); it will be retried."""
        return self._executor.trouble

    @property
    def recovered(self) -> Broadcast[None]:
        return self._executor.recovered

    @property
    def is_open(self) -> bool:
        return self._repository is not None

    @property
    def problem(self) -> str | None:
        """Why the database is not available, once opening it failed."""
        return self._problem

    @property
    def pending(self) -> int:
        return self._executor.pending

    @property
    def database_file(self) -> Path:
        return self._paths.database_file

    def open(self) -> None:
        self._executor.submit(self._open, self._opened)

    def _open(self) -> Database | str:
        # Returned, not raised: a failure to open must not be retried like a failed write.
        try:
            return self._open_with(self._paths)
        except (DatabaseOpenError, StorageError) as error:
            return error.message
        except Exception as error:
            log.error("The database could not be opened: %r", error)
            return DatabaseOpenError(self._paths.database_file, str(error)).message

    def _opened(self, result: Database | str) -> None:
        if isinstance(result, str):
            self._problem = result
            self.failed.emit(result)
            return
        self._database = result
        self._repository = Repository.of(result)
        if result.backup_file is not None:
            log.info("Database migrated; backup at %s", result.backup_file)
        self.opened.emit(None)

    def close(self) -> int:
        """At shutdown: every queued write reaches the disk (or is counted as lost)."""
        lost = self._executor.flush()
        if self._database is not None:
            self._database.close()
            self._database = None
            self._repository = None
        return lost

    def _run(
        self,
        work: Callable[[Repository], T],
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        if self._problem is not None:
            if failed is not None:
                failed(StorageUnavailable(self._problem))
            return
        self._executor.submit(lambda: work(self._repo()), done, failed)

    def _repo(self) -> Repository:
        if self._repository is None:
            raise StorageUnavailable(self._problem or "the database is not open")
        return self._repository

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

        self._run(create, None, failed)

    def save_progress(self, uuid: str, current_step_key: str | None, state_json: str) -> None:
        self._run(
            lambda repo: repo.sessions.save_progress(
                uuid, current_step_key=current_step_key, engine_state_json=state_json
            )
        )

    def finish_session(
        self, uuid: str, runs: Sequence[StepRunRecord], status: SessionLifecycle
    ) -> None:
        def close(repo: Repository) -> None:
            repo.sessions.save_step_runs(uuid, runs)
            repo.sessions.set_status(uuid, status)

        self._run(close)

    def set_status(self, uuid: str, status: SessionLifecycle) -> None:
        self._run(lambda repo: repo.sessions.set_status(uuid, status))

    def find_interrupted(
        self, not_this: str | None, done: Callable[[InterruptedSession | None], None]
    ) -> None:
        def find(repo: Repository) -> InterruptedSession | None:
            sessions = [s for s in repo.sessions.find_interrupted() if s.uuid != not_this]
            if not sessions:
                return None
            latest = sessions[0]
            return InterruptedSession(latest, len(repo.reflections.for_session(latest.uuid)))

        self._run(find, done, lambda _error: done(None))

    # --- reflections -------------------------------------------------------------------------

    def save_reflection(
        self,
        draft: ReflectionDraft,
        done: Callable[[ReflectionRecord], None],
        failed: Failed | None = None,
    ) -> None:
        self._run(lambda repo: repo.reflections.save(draft), done, failed)

    def edit_reflection(
        self,
        uuid: str,
        text: str,
        kind: ReflectionKind,
        done: Callable[[ReflectionRecord], None],
        failed: Failed | None = None,
    ) -> None:
        self._run(lambda repo: repo.reflections.edit(uuid, text=text, kind=kind), done, failed)

    def delete_reflection(
        self, uuid: str, done: Callable[[bool], None], failed: Failed | None = None
    ) -> None:
        self._run(lambda repo: repo.reflections.delete(uuid), done, failed)

    def reflections_for(
        self, session_uuid: str, done: Callable[[tuple[ReflectionRecord, ...]], None]
    ) -> None:
        self._run(lambda repo: repo.reflections.for_session(session_uuid), done)

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
        self._run(lambda repo: repo.private_notes.save(session_uuid, step_key, text), done, failed)

    def private_notes_for(
        self, session_uuid: str, done: Callable[[tuple[PrivateNote, ...]], None]
    ) -> None:
        self._run(lambda repo: repo.private_notes.for_session(session_uuid), done)

    # --- close-out ---------------------------------------------------------------------------

    def save_attendance(self, session_uuid: str, counts: AttendanceCounts) -> None:
        self._run(lambda repo: repo.tallies.save_attendance(session_uuid, counts))

    def save_evaluation(self, session_uuid: str, results: Sequence[EvaluationResult]) -> None:
        self._run(lambda repo: repo.tallies.save_evaluation(session_uuid, results))

    # --- history and export -------------------------------------------------------------------

    def history_page(self, query: HistoryQuery, done: Callable[[HistoryPage], None]) -> None:
        self._run(lambda repo: repo.history.page(query), done)

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

        self._run(gather, done, failed)

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
        self._run(lambda repo: repo.exports.for_session(uuid), done, failed)

    def gather_export(
        self,
        uuid: str,
        manifests: ManifestLookup,
        done: Callable[[SessionExport], None],
        failed: Failed,
    ) -> None:
        """What an export of one session needs, read once, behind every write asked for."""
        self._run(lambda repo: gather_session(repo, uuid, manifests), done, failed)

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
        self._run(lambda repo: repo.erasure.erase_reflection(uuid), done)

    def erase_session(self, uuid: str, done: Callable[[ErasureOutcome], None]) -> None:
        self._run(lambda repo: repo.erasure.erase_session(uuid), done)

    def finish_erasure(self, done: Callable[[bool], None] | None = None) -> None:
        """Finish an erasure that another connection held back; ``done`` gets True when
        nothing is pending any more."""
        self._run(lambda repo: repo.erasure.finish_pending(), done)
