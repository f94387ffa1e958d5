"""What the storage layer hands out and takes in: plain frozen values, no ORM objects, so a
caller on another thread never touches a live database row.

All datetimes are timezone-aware; those read back are in UTC (convert for display).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from facilitator.core.content.manifest_terms import TargetGroup
from facilitator.core.glossary import REFLECTION_KINDS
from facilitator.core.i18n import N_, _

__all__ = [
    "AttendanceCounts",
    "EvaluationOption",
    "EvaluationResult",
    "ExportKind",
    "ExportRecord",
    "Gender",
    "HistoryPage",
    "HistoryQuery",
    "ModuleRef",
    "PrivateNote",
    "ReflectionDraft",
    "ReflectionKind",
    "ReflectionRecord",
    "SessionLifecycle",
    "SessionRecord",
    "SessionSummary",
    "StepRunRecord",
    "TargetGroup",
]


class SessionLifecycle(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    INTERRUPTED = "interrupted"
    FINISHED = "finished"

    @property
    def label(self) -> str:
        return _(_STATUS_LABELS[self])


class ReflectionKind(StrEnum):
    NOTE = "note"
    QUOTE = "quote"
    PARKING = "parking"
    ACTION = "action"

    # The words live in the glossary: the console, the PDF and the CSV all read them there.
    @property
    def label(self) -> str:
        return _(REFLECTION_KINDS[self.value].word)

    @property
    def heading(self) -> str:
        """Over a list of reflections of this kind."""
        term = REFLECTION_KINDS[self.value]
        return _(term.heading or term.word)

    @property
    def empty_text(self) -> str:
        """In place of an empty list of this kind."""
        return _(REFLECTION_KINDS[self.value].empty)


class ReflectionSource(StrEnum):
    """Who put a reflection into words: the leader, or the group's phones (an answer the
    leader approved). Summaries and exports mark the latter."""

    LEADER = "leader"
    PHONES = "phones"


class ExportKind(StrEnum):
    PDF = "pdf"
    CSV = "csv"
    JSON = "json"
    HTML = "html"


class Gender(StrEnum):
    WOMEN = "women"
    MEN = "men"
    OTHER = "other"
    NOT_STATED = "not_stated"

    @property
    def label(self) -> str:
        return _(_GENDER_LABELS[self])


_STATUS_LABELS = {
    SessionLifecycle.PLANNED: N_("Planerad"),
    SessionLifecycle.RUNNING: N_("Pågår"),
    SessionLifecycle.INTERRUPTED: N_("Avbruten"),
    SessionLifecycle.FINISHED: N_("Avslutad"),
}

_GENDER_LABELS = {
    Gender.WOMEN: N_("Kvinnor"),
    Gender.MEN: N_("Män"),
    Gender.OTHER: N_("Annan könstillhörighet"),
    Gender.NOT_STATED: N_("Vill inte uppge"),
}


@dataclass(frozen=True)
class ModuleRef:
    """A module as it was when the session ran."""

    module_id: str
    version: str
    content_hash: str
    title: str = ""


@dataclass(frozen=True)
class SessionRecord:
    uuid: str
    title: str
    plan_json: str
    modules: tuple[ModuleRef, ...]
    place: str
    leader_name: str | None
    status: SessionLifecycle
    current_step_key: str | None
    engine_state_json: str | None
    started_at: datetime | None
    ended_at: datetime | None
    created_at: datetime
    updated_at: datetime
    rehearsal: bool = False


@dataclass(frozen=True)
class ExportRecord:
    """A file the app wrote from a session, as it was written: it may be gone since."""

    session_uuid: str
    path: Path
    kind: ExportKind
    created_at: datetime


@dataclass(frozen=True)
class StepRunRecord:
    step_key: str
    module_id: str
    step_id: str
    title: str
    kind: str
    planned_seconds: int
    actual_seconds: int | None = None
    skipped: bool = False


@dataclass(frozen=True)
class ReflectionDraft:
    """A reflection as the leader typed it. ``uuid`` is made once, when the entry starts, and
    kept for every save of it: saving the same draft twice stores it once."""

    uuid: str
    session_uuid: str
    step_key: str
    kind: ReflectionKind
    text: str
    prompt_text: str = ""
    created_at: datetime | None = None
    source: ReflectionSource = ReflectionSource.LEADER


@dataclass(frozen=True)
class ReflectionRecord:
    uuid: str
    session_uuid: str
    step_key: str
    prompt_text: str
    kind: ReflectionKind
    text: str
    created_at: datetime
    edited_at: datetime | None
    source: ReflectionSource = ReflectionSource.LEADER


@dataclass(frozen=True)
class AttendanceCounts:
    """Participants counted, never named. Target groups may overlap or leave people out, so
    their sum need not equal ``total``."""

    women: int = 0
    men: int = 0
    other: int = 0
    not_stated: int = 0
    integration_staff: int = 0
    newcomer_staff: int = 0
    managers: int = 0
    elected: int = 0
    volunteers: int = 0

    def __post_init__(self) -> None:
        for name, value in self._values().items():
            if value < 0:
                raise ValueError(f"{name} must not be negative")

    @classmethod
    def of(
        cls,
        by_gender: Mapping[Gender, int],
        by_target_group: Mapping[TargetGroup, int] | None = None,
    ) -> AttendanceCounts:
        values = {str(g): n for g, n in by_gender.items()}
        values.update({str(t): n for t, n in (by_target_group or {}).items()})
        return cls(**values)

    @property
    def total(self) -> int:
        return sum(self.by_gender().values())

    def by_gender(self) -> dict[Gender, int]:
        return {g: int(getattr(self, g.value)) for g in Gender}

    def by_target_group(self) -> dict[TargetGroup, int]:
        return {t: int(getattr(self, t.value)) for t in TargetGroup}

    def _values(self) -> dict[str, int]:
        return {name: int(getattr(self, name)) for name in self.__dataclass_fields__}


@dataclass(frozen=True)
class EvaluationOption:
    index: int
    text: str
    count: int


@dataclass(frozen=True)
class EvaluationResult:
    """One evaluation question with the texts as asked and how many chose each option."""

    question_id: str
    question_text: str
    options: tuple[EvaluationOption, ...]
    knowledge_indicator: bool = False

    @property
    def answers(self) -> int:
        return sum(option.count for option in self.options)


@dataclass(frozen=True)
class PrivateNote:
    step_key: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class SessionSummary:
    """One line of the history list."""

    uuid: str
    title: str
    place: str
    leader_name: str | None
    status: SessionLifecycle
    started_at: datetime | None
    ended_at: datetime | None
    created_at: datetime
    modules: tuple[ModuleRef, ...]
    reflection_count: int
    participant_count: int | None
    rehearsal: bool = False


@dataclass(frozen=True)
class HistoryQuery:
    """``text`` matches title, place and module titles/ids, ignoring case (Å/å included).
    ``since``/``until`` bound the session's date (started, or created if never started):
    ``since`` inclusive, ``until`` exclusive. Rehearsals are left out unless asked for: they
    are practice, and counting them would inflate every report."""

    text: str = ""
    statuses: frozenset[SessionLifecycle] = field(default_factory=frozenset)
    since: datetime | None = None
    until: datetime | None = None
    module_id: str | None = None
    include_rehearsals: bool = False
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class HistoryPage:
    items: tuple[SessionSummary, ...]
    total: int
    query: HistoryQuery


@dataclass(frozen=True)
class ErasureOutcome:
    found: bool
    """Something was there to delete (a repeated delete finds nothing)."""
    complete: bool
    """Gone from the database file, its -wal and every backup; otherwise the erasure is
    pending and is finished later (see core/storage/erasure.py)."""
