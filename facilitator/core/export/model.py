"""What an export knows about one session: plain values gathered from storage once, so the
PDF, CSV, archive and report code never touch the database. Private leader notes have no
field here, which is how they stay out of every export."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from facilitator.core.export.module_about import ModuleAbout
from facilitator.core.settings import DEFAULT_KNOWLEDGE_TARGET_PERCENT
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationResult,
    ModuleRef,
    ReflectionKind,
    ReflectionRecord,
    SessionLifecycle,
    StepRunRecord,
)

DEFAULT_TARGET = DEFAULT_KNOWLEDGE_TARGET_PERCENT / 100
"""The IKO plan's goal as a share, when no setting says otherwise."""


@dataclass(frozen=True)
class KnowledgeIndicator:
    """One knowledge-indicator question of a session: how many chose a positive option.

    ``positive`` is None when the module that asked the question is not on this computer, so
    which options count as positive is unknown; such a question is left out of every share
    rather than guessed.
    """

    question_id: str
    module_id: str | None
    positive: int | None
    answers: int

    @property
    def share(self) -> float | None:
        if self.positive is None or self.answers == 0:
            return None
        return self.positive / self.answers


@dataclass(frozen=True)
class SessionExport:
    uuid: str
    title: str
    place: str
    leader_name: str | None
    status: SessionLifecycle
    created_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    modules: tuple[ModuleRef, ...]
    steps: tuple[StepRunRecord, ...]
    reflections: tuple[ReflectionRecord, ...]
    attendance: AttendanceCounts | None
    evaluation: tuple[EvaluationResult, ...]
    """Counted by hand, with the phones' choices added (``phone_votes.py``)."""
    hand_evaluation: tuple[EvaluationResult, ...] | None = None
    """Only what was counted by hand (the archive keeps the parts apart); None: ``evaluation``."""
    phone_evaluation: tuple[EvaluationResult, ...] = ()
    """Only the phones' choices."""
    phone_voters: int = 0
    """How many phones answered the evaluation (the close-out's "N svarade på mobilen")."""
    indicators: tuple[KnowledgeIndicator, ...] = ()
    positive_options: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """(question id, option indexes that count as positive), as the modules say."""
    plan_json: str = "{}"
    updated_at: datetime | None = None
    about: tuple[ModuleAbout, ...] = ()
    """The modules' goals (the session's variant's) and sources, where the modules are known."""

    @property
    def by_hand(self) -> tuple[EvaluationResult, ...]:
        return self.evaluation if self.hand_evaluation is None else self.hand_evaluation

    @property
    def date(self) -> datetime:
        """When it took place (planned, if it never started), in local time."""
        return (self.started_at or self.created_at).astimezone()

    @property
    def planned_seconds(self) -> int:
        """The plan's length, steps skipped on the day included."""
        return sum(step.planned_seconds for step in self.steps)

    @property
    def actual_seconds(self) -> int:
        """Time the steps actually took; the clock time from start to end when no step was
        timed (a session stored without step runs)."""
        timed = [step.actual_seconds for step in self.steps if step.actual_seconds is not None]
        if timed:
            return sum(timed)
        if self.started_at is not None and self.ended_at is not None:
            return max(0, int((self.ended_at - self.started_at).total_seconds()))
        return 0

    @property
    def participants(self) -> int:
        return self.attendance.total if self.attendance is not None else 0

    def reflections_of(self, *kinds: ReflectionKind) -> tuple[ReflectionRecord, ...]:
        return tuple(r for r in self.reflections if r.kind in kinds)

    def step_title(self, step_key: str) -> str:
        for step in self.steps:
            if step.step_key == step_key:
                return step.title
        return ""

    def positive_of(self, question_id: str) -> tuple[int, ...] | None:
        for key, options in self.positive_options:
            if key == question_id:
                return options
        return None


def module_titles(modules: Iterable[ModuleRef]) -> str:
    return ", ".join(module.title or module.module_id for module in modules)
