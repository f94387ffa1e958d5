"""The session plan: ordered steps with planned minutes, edited by making new plans.

A plan is immutable so the planner can keep an undo history for free, the engine can hold the
frozen copy a session started from, and nothing edits a plan behind another part's back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from facilitator.core import glossary
from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.i18n import _
from facilitator.core.session.json_fields import (
    FormatError,
    JsonDict,
    as_dict,
    check_schema,
    read_bool,
    read_int,
    read_list,
    read_optional_bool,
    read_optional_int,
    read_optional_str,
    read_str,
)

PLAN_SCHEMA_VERSION = 1
MAX_STEP_MINUTES = 480

# A film runs as long as it runs, and a break is promised to the group; neither is shortened to
# catch up unless a step says otherwise.
FIXED_LENGTH_KINDS = frozenset({StepKind.FILM, StepKind.BREAK})

BREAK_KEY_PREFIX = "break-"


class PlanError(ValueError):
    """A plan edit or a plan that does not make sense (unknown key, bad minutes, …)."""


@dataclass(frozen=True)
class PlanStep:
    key: str
    module_id: str
    step_id: str
    kind: StepKind
    title: str
    planned_minutes: int
    format: DiscussionFormat | None = None
    skipped: bool = False
    optional: bool = False
    """May be dropped when the session runs late (see landing.py)."""
    fixed_length: bool | None = None
    """True: never shortened to catch up. None: decided by kind (films and breaks are fixed)."""
    variant_minutes: int | None = None
    """The length variant of its module the step was planned from: whose leader notes it
    shows (None: a break, or a plan written before variants had notes of their own)."""

    def __post_init__(self) -> None:
        if not self.key:
            raise PlanError("a plan step needs a key")
        if not 0 <= self.planned_minutes <= MAX_STEP_MINUTES:
            raise PlanError(
                f"step {self.key!r}: minutes must be 0–{MAX_STEP_MINUTES}, "
                f"not {self.planned_minutes}"
            )

    @property
    def has_fixed_length(self) -> bool:
        if self.fixed_length is None:
            return self.kind in FIXED_LENGTH_KINDS
        return self.fixed_length

    @property
    def planned_seconds(self) -> int:
        return self.planned_minutes * 60

    def to_dict(self) -> JsonDict:
        return {
            "key": self.key,
            "module_id": self.module_id,
            "step_id": self.step_id,
            "kind": self.kind.value,
            "title": self.title,
            "planned_minutes": self.planned_minutes,
            "format": None if self.format is None else self.format.value,
            "skipped": self.skipped,
            "optional": self.optional,
            "fixed_length": self.fixed_length,
            "variant_minutes": self.variant_minutes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanStep:
        format_value = read_optional_str(data, "format")
        try:
            kind = StepKind(read_str(data, "kind"))
            discussion = None if format_value is None else DiscussionFormat(format_value)
        except ValueError as error:
            raise FormatError(f"unknown step kind or format: {error}") from error
        return cls(
            key=read_str(data, "key"),
            module_id=read_str(data, "module_id"),
            step_id=read_str(data, "step_id"),
            kind=kind,
            title=read_str(data, "title"),
            planned_minutes=read_int(data, "planned_minutes"),
            format=discussion,
            skipped=read_bool(data, "skipped", default=False),
            optional=read_bool(data, "optional", default=False),
            fixed_length=read_optional_bool(data, "fixed_length"),
            variant_minutes=read_optional_int(data, "variant_minutes"),
        )


@dataclass(frozen=True)
class ScheduledStep:
    step: PlanStep
    start: datetime
    end: datetime


@dataclass(frozen=True)
class SessionPlan:
    title: str
    steps: tuple[PlanStep, ...]

    def __post_init__(self) -> None:
        # Accept any sequence from callers but store a tuple, so the plan stays hashable and
        # nobody can append to it afterwards.
        object.__setattr__(self, "steps", tuple(self.steps))
        seen: set[str] = set()
        for step in self.steps:
            if step.key in seen:
                raise PlanError(f"step key {step.key!r} occurs more than once")
            seen.add(step.key)

    # --- reading ---------------------------------------------------------------------------

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(step.key for step in self.steps)

    @property
    def active_steps(self) -> tuple[PlanStep, ...]:
        return tuple(step for step in self.steps if not step.skipped)

    @property
    def total_minutes(self) -> int:
        return sum(step.planned_minutes for step in self.active_steps)

    def index_of(self, key: str) -> int:
        for index, step in enumerate(self.steps):
            if step.key == key:
                return index
        raise PlanError(f"no step with key {key!r} in the plan")

    def step(self, key: str) -> PlanStep:
        return self.steps[self.index_of(key)]

    def __contains__(self, key: object) -> bool:
        return any(step.key == key for step in self.steps)

    def active_after(self, key: str | None) -> tuple[PlanStep, ...]:
        """Active steps after `key` in plan order; all active steps when `key` is None."""
        start = 0 if key is None else self.index_of(key) + 1
        return tuple(step for step in self.steps[start:] if not step.skipped)

    def active_before(self, key: str) -> tuple[PlanStep, ...]:
        return tuple(step for step in self.steps[: self.index_of(key)] if not step.skipped)

    def schedule(self, start: datetime) -> list[ScheduledStep]:
        """Start and end of each active step when the session starts at `start`."""
        rows: list[ScheduledStep] = []
        moment = start
        for step in self.active_steps:
            end = moment + timedelta(minutes=step.planned_minutes)
            rows.append(ScheduledStep(step=step, start=moment, end=end))
            moment = end
        return rows

    # --- editing: each returns a new plan --------------------------------------------------

    def move(self, key: str, new_index: int) -> SessionPlan:
        if not 0 <= new_index < len(self.steps):
            raise PlanError(f"index {new_index} is outside the plan (0–{len(self.steps) - 1})")
        steps = list(self.steps)
        moved = steps.pop(self.index_of(key))
        steps.insert(new_index, moved)
        return replace(self, steps=tuple(steps))

    def set_minutes(self, key: str, minutes: int) -> SessionPlan:
        return self._replace_step(key, planned_minutes=minutes)

    def set_skipped(self, key: str, skipped: bool) -> SessionPlan:
        return self._replace_step(key, skipped=skipped)

    def set_optional(self, key: str, optional: bool) -> SessionPlan:
        return self._replace_step(key, optional=optional)

    def set_fixed_length(self, key: str, fixed_length: bool | None) -> SessionPlan:
        return self._replace_step(key, fixed_length=fixed_length)

    def insert_break(
        self, after_key: str | None, minutes: int, title: str | None = None
    ) -> SessionPlan:
        """A break after `after_key`, or first in the plan when `after_key` is None."""
        index = 0 if after_key is None else self.index_of(after_key) + 1
        pause = PlanStep(
            key=self._free_break_key(),
            module_id="",
            step_id="break",
            kind=StepKind.BREAK,
            title=_(glossary.BREAK) if title is None else title,
            planned_minutes=minutes,
        )
        steps = list(self.steps)
        steps.insert(index, pause)
        return replace(self, steps=tuple(steps))

    def remove(self, key: str) -> SessionPlan:
        index = self.index_of(key)
        return replace(self, steps=self.steps[:index] + self.steps[index + 1 :])

    def _replace_step(self, key: str, **changes: Any) -> SessionPlan:
        index = self.index_of(key)
        steps = list(self.steps)
        steps[index] = replace(steps[index], **changes)
        return replace(self, steps=tuple(steps))

    def _free_break_key(self) -> str:
        taken = set(self.keys)
        number = 1
        while f"{BREAK_KEY_PREFIX}{number}" in taken:
            number += 1
        return f"{BREAK_KEY_PREFIX}{number}"

    # --- storage ---------------------------------------------------------------------------

    def to_dict(self) -> JsonDict:
        return {
            "schema_version": PLAN_SCHEMA_VERSION,
            "title": self.title,
            "steps": [step.to_dict() for step in self.steps],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SessionPlan:
        """Read a plan written by `to_dict`; raises FormatError or PlanError when it is bad."""
        check_schema(data, PLAN_SCHEMA_VERSION, "the session plan")
        steps = tuple(
            PlanStep.from_dict(as_dict(item, "a plan step")) for item in read_list(data, "steps")
        )
        return cls(title=read_str(data, "title"), steps=steps)
