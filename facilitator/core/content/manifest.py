"""The module manifest (`module.toml`) as typed models. Unknown keys are rejected so a typo in
a manifest is reported instead of silently ignored."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError, PydanticKnownError

from facilitator.core.content.consistency import consistency_issues
from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.content.manifest_printables import Printable, printable_issues
from facilitator.core.content.manifest_self_study import SelfStudy, SelfStudyIntro
from facilitator.core.content.manifest_terms import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    STEP_ID_PATTERN,
    VERSION_PATTERN,
    TargetGroup,
)
from facilitator.core.i18n import _

# TOML has real types, so a number written as text or `true` where minutes belong is a mistake
# to report, not something to coerce (pydantic's lax mode would turn `true` into 1).
Minutes = Annotated[int, Field(ge=0, le=240, strict=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Localized(Strict):
    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.sv


class Source(Strict):
    author: str = ""
    title: str = Field(min_length=1)
    published_in: str = Field(
        default="", description="The journal, book or series, with volume, issue and pages"
    )
    publisher: str = ""
    year: int | None = Field(default=None, ge=1800, le=2100, strict=True)
    undated: bool = Field(
        default=False, strict=True, description="The source carries no date: cited as (u.å.)"
    )
    url: str = ""
    note: str = ""


class SubtitleTrack(Strict):
    language: str = Field(pattern=LANGUAGE_PATTERN)
    file: str


class Film(Strict):
    file: str
    subtitles: list[SubtitleTrack] = Field(default_factory=list)
    chapters: str | None = None
    script: str | None = None


class PausePoint(Strict):
    at: float = Field(
        ge=0, strict=True, allow_inf_nan=False, description="Seconds from the start of the film"
    )
    question: str = Field(min_length=1)


class StepBase(Strict):
    id: str = Field(pattern=STEP_ID_PATTERN)
    title: str = Field(min_length=1)
    minutes: Minutes
    leader_notes: str = Field(min_length=1)
    core: bool = Field(
        default=False, strict=True, description="Every length variant must include this step"
    )
    self_study: SelfStudy | None = Field(
        default=None, description="The step's wording for one person taking the module alone"
    )


class TextStep(StepBase):
    kind: Literal[StepKind.TEXT]
    body: str = Field(min_length=1, description="Markdown shown on the projector")
    handout: str | None = Field(default=None, description="Markdown file read aloud or handed out")


class FilmStep(StepBase):
    kind: Literal[StepKind.FILM]
    chapter_from: str | None = None
    chapter_to: str | None = None
    pause_points: list[PausePoint] = Field(default_factory=list)
    question_after: str | None = None


class PromptStep(StepBase):
    kind: Literal[StepKind.PROMPT]
    question: str = Field(min_length=1)
    format: DiscussionFormat
    follow_ups: list[str] = Field(default_factory=list)


class ActivityStep(StepBase):
    kind: Literal[StepKind.ACTIVITY]
    instructions: str = Field(min_length=1)
    format: DiscussionFormat | None = None
    materials: list[str] = Field(default_factory=list)
    statements: list[str] = Field(default_factory=list)
    printables: list[str] = Field(default_factory=list)


class ReflectionStep(StepBase):
    kind: Literal[StepKind.REFLECTION]
    question: str = Field(min_length=1)
    format: DiscussionFormat = DiscussionFormat.GO_AROUND


class BreakStep(StepBase):
    kind: Literal[StepKind.BREAK]


class EvaluationQuestion(Strict):
    id: str = Field(pattern=STEP_ID_PATTERN)
    text: str = Field(min_length=1)
    options: list[str] = Field(min_length=2, max_length=7)
    indicator: Literal["knowledge"] | None = None
    positive_options: list[Annotated[int, Field(strict=True)]] = Field(
        default_factory=list, description="Option indexes that count towards the indicator"
    )
    requires: list[str] = Field(
        default_factory=list, description="Asked only in variants that have all these steps"
    )

    @model_validator(mode="after")
    def _indicator_has_positive_options(self) -> EvaluationQuestion:
        if self.indicator and not self.positive_options:
            raise ValueError(_("en indikatorfråga behöver positive_options"))
        for index in self.positive_options:
            if not 0 <= index < len(self.options):
                raise ValueError(_("positive_options pekar på ett svarsalternativ som saknas"))
        return self


class EvaluationStep(StepBase):
    kind: Literal[StepKind.EVALUATION]
    questions: list[EvaluationQuestion] = Field(min_length=1, max_length=10)


class ClosingStep(StepBase):
    kind: Literal[StepKind.CLOSING]
    body: str = Field(min_length=1)


Step = Annotated[
    TextStep
    | FilmStep
    | PromptStep
    | ActivityStep
    | ReflectionStep
    | BreakStep
    | EvaluationStep
    | ClosingStep,
    Field(discriminator="kind"),
]


class LearningGoal(Strict):
    text: str = Field(min_length=1)
    requires: list[str] = Field(
        default_factory=list, description="Claimed only in variants that have all these steps"
    )


class Variant(Strict):
    minutes: int = Field(ge=5, le=480, strict=True)
    steps: list[str] = Field(min_length=1)
    minutes_override: dict[str, Minutes] = Field(
        default_factory=dict, description="Step id → minutes in this variant"
    )
    leader_notes_override: dict[str, Annotated[str, Field(min_length=1)]] = Field(
        default_factory=dict, description="Step id → the leader notes for it in this variant"
    )


class Manifest(Strict):
    schema_version: Literal[1]
    id: str = Field(pattern=ID_PATTERN)
    version: str = Field(pattern=VERSION_PATTERN)
    language: str = Field(pattern=LANGUAGE_PATTERN)
    title: Localized
    summary: Localized
    learning_goals: list[str | LearningGoal] = Field(min_length=1)
    target_groups: list[TargetGroup] = Field(min_length=1)
    introduction: str | None = None
    sources: list[Source] = Field(min_length=1)
    film: Film | None = None
    steps: list[Step] = Field(min_length=1)
    variants: list[Variant] = Field(min_length=1)
    printables: list[Printable] = Field(default_factory=list)
    self_study: SelfStudyIntro | None = None

    @field_validator("schema_version", mode="before")
    @classmethod
    def _schema_version_is_an_integer(cls, value: object) -> object:
        # A Literal cannot be strict, and lax mode would take `true` or 1.0 for 1.
        if type(value) is not int:
            raise PydanticKnownError("int_type")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Manifest:
        # Every broken reference is reported at once, each with its own place in the file;
        # the loader unpacks "issues" into one problem per entry.
        issues = consistency_issues(self) + printable_issues(self)
        if issues:
            raise PydanticCustomError(
                "manifest_consistency",
                "{summary}",
                {"summary": issues[0].expected, "issues": issues},
            )
        return self

    @property
    def languages(self) -> tuple[str, ...]:
        """The content language first, then the subtitle languages."""
        found = [self.language]
        for track in self.film.subtitles if self.film else []:
            if track.language not in found:
                found.append(track.language)
        return tuple(found)

    def printable(self, file: str) -> Printable | None:
        return next((p for p in self.printables if p.file == file), None)

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def variant(self, minutes: int) -> Variant:
        for variant in self.variants:
            if variant.minutes == minutes:
                return variant
        raise KeyError(minutes)

    def variant_step_minutes(self, variant: Variant) -> list[tuple[Step, int]]:
        return [
            (self.step(sid), variant.minutes_override.get(sid, self.step(sid).minutes))
            for sid in variant.steps
        ]
