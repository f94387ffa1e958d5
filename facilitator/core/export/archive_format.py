"""The JSON session archive, version 1: what one laptop hands to another.

Everything the group shared and the counts; never the leader's private notes (the model has
no place for them, and unknown keys are refused on reading). Times are ISO 8601 with offset.
A reader refuses a ``schema_version`` it does not know rather than guess at its meaning.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from facilitator.core.storage.records import ReflectionKind, SessionLifecycle

SCHEMA_VERSION: Literal[1] = 1
ARCHIVE_KIND: Literal["facilitator-session-archive"] = "facilitator-session-archive"
ARCHIVE_SUFFIX = ".facilitator-session.json"
MAX_ARCHIVE_BYTES = 50_000_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArchiveModule(_Strict):
    module_id: str = Field(min_length=1, max_length=200)
    version: str = Field(max_length=50)
    content_hash: str = Field(max_length=200)
    title: str = Field(default="", max_length=1000)


class ArchiveSession(_Strict):
    uuid: str = Field(min_length=1, max_length=100)
    title: str = Field(max_length=1000)
    place: str = Field(default="", max_length=1000)
    leader_name: str | None = Field(default=None, max_length=1000)
    status: SessionLifecycle
    created_at: datetime
    started_at: datetime | None = None
    ended_at: datetime | None = None
    updated_at: datetime | None = None
    plan_json: str = "{}"
    modules: list[ArchiveModule] = Field(default_factory=list)


class ArchiveStep(_Strict):
    step_key: str = Field(min_length=1)
    module_id: str
    step_id: str
    title: str
    kind: str
    planned_seconds: int = Field(ge=0)
    actual_seconds: int | None = Field(default=None, ge=0)
    skipped: bool = False


class ArchiveReflection(_Strict):
    uuid: str = Field(min_length=1, max_length=100)
    step_key: str
    prompt_text: str = ""
    kind: ReflectionKind
    text: str
    created_at: datetime
    edited_at: datetime | None = None


class ArchiveAttendance(_Strict):
    women: int = Field(ge=0)
    men: int = Field(ge=0)
    other: int = Field(ge=0)
    not_stated: int = Field(ge=0)
    integration_staff: int = Field(ge=0)
    newcomer_staff: int = Field(ge=0)
    managers: int = Field(ge=0)
    elected: int = Field(ge=0)
    volunteers: int = Field(ge=0)


class ArchiveOption(_Strict):
    index: int = Field(ge=0)
    text: str
    count: int = Field(ge=0)


class ArchiveQuestion(_Strict):
    question_id: str
    question_text: str
    knowledge_indicator: bool = False
    positive_options: list[int] | None = None
    """As the module said when the archive was made; for reading the archive on its own."""
    options: list[ArchiveOption]


class Archive(_Strict):
    schema_version: Literal[1]
    kind: Literal["facilitator-session-archive"]
    exported_at: datetime
    app_version: str = ""
    session: ArchiveSession
    steps: list[ArchiveStep] = Field(default_factory=list)
    reflections: list[ArchiveReflection] = Field(default_factory=list)
    attendance: ArchiveAttendance | None = None
    evaluation: list[ArchiveQuestion] = Field(default_factory=list)
