"""The JSON session archive, version 1: what one laptop hands to another.

Everything the group shared and the counts; never the leader's private notes (the model has
no place for them, and unknown keys are refused on reading). Times are ISO 8601 with offset.
A reader refuses a ``schema_version`` it does not know rather than guess at its meaning.

``deleted_reflections`` (optional, added without a version change since older readers never
saw it written) lists reflections deleted on the computer that wrote the archive: the only way
an import removes a reflection. This version of Facilitator does not keep a record of
deletions, so it writes none: a reflection deleted on one laptop stays on the others.

Reading checks the bounds in ``archive_bounds.py``; writing does not.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from facilitator.core.export.archive_bounds import (
    MAX_DEPTH,
    MAX_MODULES,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MAX_REFLECTIONS,
    MAX_STEPS,
    Count,
    Key,
    Line,
    Moment,
    OptionIndex,
    PlanText,
    Prompt,
    ReflectionText,
    Seconds,
    Uuid,
    limited,
    nesting_depth,
    reading,
    refuse_duplicates,
)
from facilitator.core.i18n import _
from facilitator.core.storage.records import ReflectionKind, ReflectionSource, SessionLifecycle

SCHEMA_VERSION: Literal[1] = 1
ARCHIVE_KIND: Literal["facilitator-session-archive"] = "facilitator-session-archive"
ARCHIVE_SUFFIX = ".facilitator-session.json"


class ArchiveError(Exception):
    """An archive that cannot be read; ``message`` is Swedish, for the person importing."""

    def __init__(self, path: object, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ArchiveModule(_Strict):
    module_id: Key = Field(min_length=1)
    version: Key
    content_hash: Key
    title: Line = ""


class ArchiveSession(_Strict):
    uuid: Uuid
    title: Line
    place: Line = ""
    leader_name: Line | None = None
    status: SessionLifecycle
    created_at: Moment
    started_at: Moment | None = None
    ended_at: Moment | None = None
    updated_at: Moment | None = None
    plan_json: PlanText = "{}"
    modules: Annotated[list[ArchiveModule], limited(MAX_MODULES)] = Field(default_factory=list)

    @model_validator(mode="after")
    def _plan_readable(self, info: ValidationInfo) -> ArchiveSession:
        # The history reads the plan back for step titles; a plan nested too deep for the
        # JSON parser would fail there, long after the import said yes.
        if reading(info) and nesting_depth(self.plan_json.encode("utf-8")) > MAX_DEPTH:
            raise ValueError(_("planen är för djupt nästlad"))
        if reading(info):
            try:
                json.loads(self.plan_json)
            except ValueError as error:
                raise ValueError(_("planen är ingen giltig JSON")) from error
        return self


class ArchiveStep(_Strict):
    step_key: Key = Field(min_length=1)
    module_id: Key
    step_id: Key
    title: Line
    kind: Key
    planned_seconds: Seconds = Field(ge=0)
    actual_seconds: Seconds | None = Field(default=None, ge=0)
    skipped: bool = False


class ArchiveReflection(_Strict):
    uuid: Uuid
    step_key: Key
    prompt_text: Prompt = ""
    kind: ReflectionKind
    text: ReflectionText
    created_at: Moment
    edited_at: Moment | None = None
    source: ReflectionSource = ReflectionSource.LEADER
    """Who wrote it: the leader, or the group's phones (approved); older archives lack it."""


class ArchiveTombstone(_Strict):
    """A reflection deleted where the archive was written, and when."""

    uuid: Uuid
    deleted_at: Moment


class ArchiveAttendance(_Strict):
    women: Count = Field(ge=0)
    men: Count = Field(ge=0)
    other: Count = Field(ge=0)
    not_stated: Count = Field(ge=0)
    integration_staff: Count = Field(ge=0)
    newcomer_staff: Count = Field(ge=0)
    managers: Count = Field(ge=0)
    elected: Count = Field(ge=0)
    volunteers: Count = Field(ge=0)


class ArchiveOption(_Strict):
    index: OptionIndex = Field(ge=0)
    text: Line
    count: Count = Field(ge=0)


class ArchiveQuestion(_Strict):
    question_id: Key
    question_text: Line
    knowledge_indicator: bool = False
    positive_options: Annotated[list[OptionIndex], limited(MAX_OPTIONS)] | None = None
    """As the module said when the archive was made; for reading the archive on its own."""
    options: Annotated[list[ArchiveOption], limited(MAX_OPTIONS)] = Field(min_length=1)

    @model_validator(mode="after")
    def _options_once(self, info: ValidationInfo) -> ArchiveQuestion:
        if reading(info):
            refuse_duplicates([o.index for o in self.options], _("svarsalternativ"))
        return self


class Archive(_Strict):
    schema_version: Literal[1]
    kind: Literal["facilitator-session-archive"]
    exported_at: Moment
    app_version: Key = ""
    session: ArchiveSession
    steps: Annotated[list[ArchiveStep], limited(MAX_STEPS)] = Field(default_factory=list)
    reflections: Annotated[list[ArchiveReflection], limited(MAX_REFLECTIONS)] = Field(
        default_factory=list
    )
    # Left out when empty, so an archive without deletions is one older versions can read.
    deleted_reflections: Annotated[list[ArchiveTombstone], limited(MAX_REFLECTIONS)] = Field(
        default_factory=list, exclude_if=lambda tombstones: not tombstones
    )
    attendance: ArchiveAttendance | None = None
    evaluation: Annotated[list[ArchiveQuestion], limited(MAX_QUESTIONS)] = Field(
        default_factory=list
    )
    """Counted by hand at the close-out."""
    phone_evaluation: Annotated[list[ArchiveQuestion], limited(MAX_QUESTIONS)] = Field(
        default_factory=list
    )
    """The phones' choices, apart from the hand counts (a merge back adds nothing twice)."""
    phone_voters: Count = Field(default=0, ge=0)
    """How many phones answered the evaluation."""

    @model_validator(mode="after")
    def _each_once(self, info: ValidationInfo) -> Archive:
        """Two entries under one id would collapse into one on import, and the import would
        still count both: refused instead."""
        if not reading(info):
            return self
        refuse_duplicates([r.uuid for r in self.reflections], _("reflektionens id"))
        refuse_duplicates([s.step_key for s in self.steps], _("stegets nyckel"))
        refuse_duplicates([q.question_id for q in self.evaluation], _("frågans id"))
        refuse_duplicates([q.question_id for q in self.phone_evaluation], _("frågans id"))
        refuse_duplicates([t.uuid for t in self.deleted_reflections], _("borttagen reflektion"))
        kept = {r.uuid for r in self.reflections}
        both = sorted(t.uuid for t in self.deleted_reflections if t.uuid in kept)
        if both:
            raise ValueError(
                _("reflektionen finns både kvar och borttagen: {which}").format(
                    which=", ".join(both[:3])
                )
            )
        return self
