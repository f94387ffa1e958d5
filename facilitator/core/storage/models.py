"""The tables. Schema changes go through a new Alembic revision, never through create_all:
``tests/core/storage/test_migrations.py`` checks that these models and the revisions agree.

Sessions are addressed by a text uuid everywhere outside this package (it survives exports and
reports gathered from many laptops); the integer ``id`` only keeps foreign keys and their
indexes small when a laptop holds hundreds of thousands of reflections.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from facilitator.core.storage.timestamps import UtcTimestamp

# Named constraints let a later batch migration (SQLite rebuilds tables to alter them) refer to
# each constraint by a stable name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SESSION_STATUSES = ("planned", "running", "interrupted", "finished")
REFLECTION_KINDS = ("note", "quote", "parking", "action")
EXPORT_KINDS = ("pdf", "csv", "json", "html")
REFLECTION_SOURCES = ("leader", "phones")
PHONE_ANSWER_KINDS = ("prompt", "reflection", "evaluation")
MODERATION_STATES = ("pending", "approved", "rejected")
GENDER_COLUMNS = ("women", "men", "other", "not_stated")
TARGET_GROUP_COLUMNS = ("integration_staff", "newcomer_staff", "managers", "elected", "volunteers")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcTimestamp()}


def _session_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False)


class SessionRow(Base):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint(_in("status", SESSION_STATUSES), name="status"),
        Index(None, "started_at"),
        Index(None, "status", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(Text)
    plan_json: Mapped[str] = mapped_column(Text)
    place: Mapped[str] = mapped_column(Text, default="")
    leader_name: Mapped[str | None] = mapped_column(Text)
    # A rehearsal is kept like any session but left out of period reports.
    rehearsal: Mapped[bool] = mapped_column(default=False, server_default=text("0"))
    status: Mapped[str] = mapped_column(String(16))
    current_step_key: Mapped[str | None] = mapped_column(Text)
    engine_state_json: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class SessionModuleRow(Base):
    __tablename__ = "session_modules"
    __table_args__ = (Index(None, "module_id"),)

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[str] = mapped_column(Text)
    version: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(Text)
    # A snapshot of the module's title, so history search needs no module catalogue.
    title: Mapped[str] = mapped_column(Text, default="")


class StepRunRow(Base):
    __tablename__ = "step_runs"
    __table_args__ = (
        UniqueConstraint("session_id", "step_key"),
        CheckConstraint("planned_seconds >= 0", name="planned_seconds"),
        CheckConstraint("actual_seconds IS NULL OR actual_seconds >= 0", name="actual_seconds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    position: Mapped[int]
    step_key: Mapped[str] = mapped_column(Text)
    module_id: Mapped[str] = mapped_column(Text)
    step_id: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    planned_seconds: Mapped[int]
    actual_seconds: Mapped[int | None]
    skipped: Mapped[bool] = mapped_column(default=False)


class ReflectionRow(Base):
    __tablename__ = "reflections"
    __table_args__ = (
        CheckConstraint(_in("kind", REFLECTION_KINDS), name="kind"),
        Index(None, "session_id", "step_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Made by the client before the first save, so a retried save cannot make a duplicate.
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    session_id: Mapped[int] = _session_fk()
    step_key: Mapped[str] = mapped_column(Text)
    prompt_text: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    edited_at: Mapped[datetime | None]
    # Who put it into words: the leader typing, or the group's phones (approved by the leader).
    source: Mapped[str] = mapped_column(String(16), default="leader", server_default="leader")


class AttendanceRow(Base):
    __tablename__ = "attendance"
    __table_args__ = tuple(
        CheckConstraint(f"{name} >= 0", name=name)
        for name in (*GENDER_COLUMNS, *TARGET_GROUP_COLUMNS)
    )

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    women: Mapped[int] = mapped_column(default=0)
    men: Mapped[int] = mapped_column(default=0)
    other: Mapped[int] = mapped_column(default=0)
    not_stated: Mapped[int] = mapped_column(default=0)
    integration_staff: Mapped[int] = mapped_column(default=0)
    newcomer_staff: Mapped[int] = mapped_column(default=0)
    managers: Mapped[int] = mapped_column(default=0)
    elected: Mapped[int] = mapped_column(default=0)
    volunteers: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime]


class EvaluationAnswerRow(Base):
    __tablename__ = "evaluation_answers"
    __table_args__ = (
        UniqueConstraint("session_id", "question_id", "option_index"),
        CheckConstraint("count >= 0", name="count"),
        CheckConstraint("option_index >= 0", name="option_index"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    question_position: Mapped[int]
    question_id: Mapped[str] = mapped_column(Text)
    question_text: Mapped[str] = mapped_column(Text)
    option_index: Mapped[int]
    option_text: Mapped[str] = mapped_column(Text)
    count: Mapped[int]
    knowledge_indicator: Mapped[bool] = mapped_column(default=False)


class PrivateNoteRow(Base):
    """The leader's own notes. A table of their own so that no export query that joins the
    session's content can pick them up by accident."""

    __tablename__ = "private_notes"
    __table_args__ = (UniqueConstraint("session_id", "step_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    # "" holds a note about the whole session rather than one step.
    step_key: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ExportRow(Base):
    """A file the app wrote from a session. Only the path is kept: the file is the leader's,
    and it may since have been moved, renamed or deleted (the history checks on disk)."""

    __tablename__ = "exports"
    __table_args__ = (
        CheckConstraint(_in("kind", EXPORT_KINDS), name="kind"),
        Index(None, "session_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    path: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]


class SelfStudyAnswerRow(Base):
    """A person's own answer to one step of a module taken alone. Deliberately tied to no
    session (no foreign key into the session tables): a group export, which gathers what
    hangs off a session, cannot reach it, and deleting a session leaves it alone."""

    __tablename__ = "self_study_answers"
    __table_args__ = (
        UniqueConstraint("module_id", "step_id"),
        Index(None, "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Made by the client before the first save, so a replayed save cannot make a duplicate.
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    module_id: Mapped[str] = mapped_column(Text)
    module_version: Mapped[str] = mapped_column(Text)
    # Snapshots, so the logbook reads without the module (it may since have been removed).
    module_title: Mapped[str] = mapped_column(Text)
    position: Mapped[int]
    step_id: Mapped[str] = mapped_column(Text)
    question: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class SelfStudyProgressRow(Base):
    """Where a person is in a module taken alone, so they continue there days later."""

    __tablename__ = "self_study_progress"

    module_id: Mapped[str] = mapped_column(Text, primary_key=True)
    module_version: Mapped[str] = mapped_column(Text)
    current_step_id: Mapped[str | None] = mapped_column(Text)
    started_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class PhoneAnswerRow(Base):
    """An answer sent from a participant's phone (issue 20). The device is only a salted hash
    (the salt lives in memory for one session), so rows of one session can be told apart by
    device but never linked to a cookie or to another session; exports never read the hash."""

    __tablename__ = "phone_answers"
    __table_args__ = (
        CheckConstraint(_in("kind", PHONE_ANSWER_KINDS), name="kind"),
        CheckConstraint(_in("status", MODERATION_STATES), name="status"),
        CheckConstraint("(text IS NULL) != (option_index IS NULL)", name="text_or_option"),
        # A post that arrives twice (double tap, resend) is stored once.
        UniqueConstraint("session_id", "device_hash", "nonce", "question_key"),
        Index(None, "session_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    session_id: Mapped[int] = _session_fk()
    step_key: Mapped[str] = mapped_column(Text)
    question_key: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    question_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    option_index: Mapped[int | None]
    option_text: Mapped[str | None] = mapped_column(Text)
    device_hash: Mapped[str] = mapped_column(String(64))
    nonce: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16))
    reflection_uuid: Mapped[str | None] = mapped_column(String(36))
