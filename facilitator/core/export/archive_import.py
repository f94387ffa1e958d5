"""Merging session archives from other laptops into this database.

The rule, by session uuid:

* not here yet → **added**, with its original times;
* here with the same content → **unchanged** (importing the same archive twice adds nothing);
* here, different, and the archive was exported after the local copy last changed →
  **updated**: reflections (added, changed, removed), step runs, attendance, evaluation and
  status are replaced by the archive's. The imported copy is stamped with the archive's
  export time, so of several archives of one session the most recently exported one wins,
  in whatever order they arrive;
* here, different, and the local copy changed later → **kept**: the local copy is newer.

Title, place and leader name are not changed by an update (the storage API has no way to
change them); that is reported with the outcome. A session archived while still running is
imported as interrupted, so no other laptop offers to resume it.

Writes go through the public storage API with a clock set to the archive's times, so the
copy carries when things happened, not when they were imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from facilitator.core.export.archive import ArchiveError, archive_of, read_archive
from facilitator.core.export.archive_format import Archive
from facilitator.core.export.gather import gather_session
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.i18n import _
from facilitator.core.storage.database import Database
from facilitator.core.storage.errors import SessionNotFound, StorageError
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationOption,
    EvaluationResult,
    ModuleRef,
    ReflectionDraft,
    SessionLifecycle,
    SessionRecord,
    StepRunRecord,
)
from facilitator.core.storage.repository import Repository


class ArchiveOutcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_LOCAL = "kept_local"
    FAILED = "failed"


@dataclass(frozen=True)
class ArchiveImportResult:
    file: Path
    outcome: ArchiveOutcome
    session_uuid: str = ""
    title: str = ""
    message: str = ""


class _Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def import_archives(
    database: Database,
    files: Sequence[Path],
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> list[ArchiveImportResult]:
    """Import each file; one bad file does not stop the others. ``ExportCancelled`` stops
    between files (each file is imported whole or, on a storage error, reported failed)."""
    steps = Steps(progress, is_cancelled)
    results: list[ArchiveImportResult] = []
    for index, file in enumerate(files):
        steps.report(index / max(1, len(files)))
        try:
            archive = read_archive(file)
        except ArchiveError as error:
            results.append(ArchiveImportResult(file, ArchiveOutcome.FAILED, message=error.message))
            continue
        try:
            outcome, message = import_archive(database, archive)
        except (StorageError, ValueError) as error:
            text = getattr(error, "message", None) or str(error)
            results.append(
                ArchiveImportResult(
                    file, ArchiveOutcome.FAILED, archive.session.uuid, archive.session.title, text
                )
            )
            continue
        results.append(
            ArchiveImportResult(file, outcome, archive.session.uuid, archive.session.title, message)
        )
    steps.report(1.0)
    return results


def import_archive(database: Database, archive: Archive) -> tuple[ArchiveOutcome, str]:
    clock = _Clock(archive.exported_at)
    repo = Repository(database.engine, backup_dir=database.backup_dir, now=clock)
    uuid = archive.session.uuid
    try:
        existing: SessionRecord | None = repo.sessions.get(uuid)
    except SessionNotFound:
        existing = None
    if existing is None:
        _write(repo, clock, archive, None)
        return ArchiveOutcome.ADDED, ""
    local = archive_of(gather_session(repo, uuid), archive.exported_at)
    if _content(local) == _content(archive):
        return ArchiveOutcome.UNCHANGED, ""
    if existing.updated_at >= archive.exported_at:
        return ArchiveOutcome.KEPT_LOCAL, _("Kopian här har ändrats efter att arkivet gjordes.")
    _write(repo, clock, archive, existing)
    details = (existing.title, existing.place, existing.leader_name)
    given = (archive.session.title, archive.session.place, archive.session.leader_name)
    if details != given:
        return ArchiveOutcome.UPDATED, _(
            "Titel, plats och samtalsledare behölls från förra importen."
        )
    return ArchiveOutcome.UPDATED, ""


def _status(archive: Archive) -> SessionLifecycle:
    status = archive.session.status
    return SessionLifecycle.INTERRUPTED if status is SessionLifecycle.RUNNING else status


def _write(
    repo: Repository, clock: _Clock, archive: Archive, existing: SessionRecord | None
) -> None:
    s = archive.session
    uuid = s.uuid
    if existing is None:
        clock.moment = s.created_at
        repo.sessions.create(
            title=s.title,
            plan_json=s.plan_json,
            modules=[ModuleRef(m.module_id, m.version, m.content_hash, m.title) for m in s.modules],
            place=s.place,
            leader_name=s.leader_name,
            session_uuid=uuid,
        )
    if s.started_at is not None and (existing is None or existing.started_at is None):
        clock.moment = s.started_at
        repo.sessions.set_status(uuid, SessionLifecycle.RUNNING)
    _write_reflections(repo, clock, archive, existing is not None)
    repo.sessions.save_step_runs(
        uuid,
        [
            StepRunRecord(
                st.step_key,
                st.module_id,
                st.step_id,
                st.title,
                st.kind,
                st.planned_seconds,
                st.actual_seconds,
                st.skipped,
            )
            for st in archive.steps
        ],
    )
    if archive.attendance is not None:
        repo.tallies.save_attendance(uuid, AttendanceCounts(**archive.attendance.model_dump()))
    repo.tallies.save_evaluation(
        uuid,
        [
            EvaluationResult(
                q.question_id,
                q.question_text,
                tuple(EvaluationOption(o.index, o.text, o.count) for o in q.options),
                q.knowledge_indicator,
            )
            for q in archive.evaluation
        ],
    )
    status = _status(archive)
    if status is SessionLifecycle.FINISHED and s.ended_at is not None:
        clock.moment = s.ended_at
        repo.sessions.set_status(uuid, status)
    # Last: stamps the copy with the export time, which decides between later archives.
    clock.moment = archive.exported_at
    repo.sessions.set_status(uuid, status)


def _write_reflections(repo: Repository, clock: _Clock, archive: Archive, replacing: bool) -> None:
    uuid = archive.session.uuid
    wanted = {r.uuid for r in archive.reflections}
    if replacing:
        for old in repo.reflections.for_session(uuid):
            if old.uuid not in wanted:
                repo.reflections.delete(old.uuid)
    for r in archive.reflections:
        clock.moment = r.edited_at or r.created_at
        repo.reflections.save(
            ReflectionDraft(r.uuid, uuid, r.step_key, r.kind, r.text, r.prompt_text, r.created_at)
        )


def _content(archive: Archive) -> dict[str, Any]:
    """What the group shared and counted: the parts an import would change. Export time,
    the session's last-change time, edit times and what the modules say about positive
    options are left out: they differ between copies of the same content."""
    data = archive.model_dump(mode="json", exclude={"exported_at", "app_version"})
    data["session"].pop("updated_at", None)
    data["session"]["status"] = _status(archive).value
    for reflection in data["reflections"]:
        reflection.pop("edited_at", None)
    for question in data["evaluation"]:
        question.pop("positive_options", None)
    return data
