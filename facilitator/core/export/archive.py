"""Writing and reading the JSON session archive (format: ``archive_format.py``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator import __version__
from facilitator.core.export.archive_bounds import READING
from facilitator.core.export.archive_format import (
    ARCHIVE_KIND,
    SCHEMA_VERSION,
    Archive,
    ArchiveAttendance,
    ArchiveError,
    ArchiveModule,
    ArchiveOption,
    ArchiveQuestion,
    ArchiveReflection,
    ArchiveSession,
    ArchiveStep,
)
from facilitator.core.export.archive_reading import parse_json, read_bytes, validation_message
from facilitator.core.export.model import SessionExport
from facilitator.core.i18n import _
from facilitator.core.safe_write import write_text
from facilitator.core.storage.records import EvaluationResult

# ArchiveError is defined with the format; it is raised and caught by this module's callers.
__all__ = ["ArchiveError", "archive_of", "read_archive", "write_archive"]


def archive_of(session: SessionExport, exported_at: datetime) -> Archive:
    positive = dict(session.positive_options)
    attendance = session.attendance
    return Archive(
        schema_version=SCHEMA_VERSION,
        kind=ARCHIVE_KIND,
        exported_at=exported_at,
        app_version=__version__,
        session=ArchiveSession(
            uuid=session.uuid,
            title=session.title,
            place=session.place,
            leader_name=session.leader_name,
            status=session.status,
            created_at=session.created_at,
            started_at=session.started_at,
            ended_at=session.ended_at,
            updated_at=session.updated_at,
            plan_json=session.plan_json,
            modules=[
                ArchiveModule(
                    module_id=m.module_id,
                    version=m.version,
                    content_hash=m.content_hash,
                    title=m.title,
                )
                for m in session.modules
            ],
        ),
        steps=[
            ArchiveStep(
                step_key=s.step_key,
                module_id=s.module_id,
                step_id=s.step_id,
                title=s.title,
                kind=str(s.kind),
                planned_seconds=s.planned_seconds,
                actual_seconds=s.actual_seconds,
                skipped=s.skipped,
            )
            for s in session.steps
        ],
        reflections=[
            ArchiveReflection(
                uuid=r.uuid,
                step_key=r.step_key,
                prompt_text=r.prompt_text,
                kind=r.kind,
                text=r.text,
                created_at=r.created_at,
                edited_at=r.edited_at,
                source=r.source,
            )
            for r in session.reflections
        ],
        attendance=None
        if attendance is None
        else ArchiveAttendance(**{name: getattr(attendance, name) for name in _COUNTS}),
        evaluation=[_question(q, positive) for q in session.by_hand],
        phone_evaluation=[_question(q, positive) for q in session.phone_evaluation],
        phone_voters=session.phone_voters,
    )


def _question(q: EvaluationResult, positive: Mapping[str, Sequence[int]]) -> ArchiveQuestion:
    return ArchiveQuestion(
        question_id=q.question_id,
        question_text=q.question_text,
        knowledge_indicator=q.knowledge_indicator,
        positive_options=list(positive[q.question_id]) if q.question_id in positive else None,
        options=[ArchiveOption(index=o.index, text=o.text, count=o.count) for o in q.options],
    )


_COUNTS = tuple(ArchiveAttendance.model_fields)


def write_archive(
    session: SessionExport, target: Path, *, exported_at: datetime | None = None
) -> Path:
    """Write the archive as UTF-8 JSON (readable, not escaped: names stay legible), safely
    (``facilitator.core.safe_write``)."""
    moment = exported_at or datetime.now().astimezone()
    data = archive_of(session, moment).model_dump(mode="json")
    return write_text(target, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_archive(path: Path) -> Archive:
    """Raises ``ArchiveError`` for anything that is not a readable archive of a known version
    within the bounds in ``archive_bounds.py``; its text comes back cleaned."""
    data: Any = parse_json(path, read_bytes(path))
    if not isinstance(data, dict) or data.get("kind") != ARCHIVE_KIND:
        raise ArchiveError(path, _("filen är inte ett sessionsarkiv från Facilitator"))
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise ArchiveError(
            path,
            _(
                "arkivet har format {found}; den här versionen av Facilitator läser format {known}"
            ).format(found=version, known=SCHEMA_VERSION),
        )
    try:
        return Archive.model_validate(data, context=READING)
    except ValidationError as error:
        raise ArchiveError(path, validation_message(error)) from error
