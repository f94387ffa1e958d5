"""The steps one person walks when taking a module alone (issue 19), with the words they read.

The path is the module's longest variant, in its order: alone there is no clock to fit, so
nothing a group would do is cut for time. Breaks and evaluations are left out (a step may say
otherwise with ``skip``), and each step reads in its self-study wording where the module has
it, else in its group text as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import (
    ActivityStep,
    ClosingStep,
    EvaluationStep,
    FilmStep,
    Manifest,
    PromptStep,
    ReflectionStep,
    Step,
    TextStep,
    Variant,
)
from facilitator.core.content.manifest_self_study import SKIPPED_ALONE
from facilitator.core.content.variant_scope import questions_in

MAX_ESTIMATE = 120


@dataclass(frozen=True)
class SelfStudyStep:
    step_id: str
    kind: StepKind
    title: str
    text: str
    """What the room would see (Markdown): a text's or closing's body, the question of a
    prompt or reflection, an activity's instructions, an evaluation's questions as a list;
    empty for a film (the film is the content) and a break."""
    question: str | None
    """The question to answer in writing: the self-study question, else the group's."""
    instructions: str | None
    """How to do the step alone: the self-study instructions, else an activity's own."""
    minutes: int
    """A quiet estimate, never a countdown: the author's ``self_study.minutes``, else
    :func:`estimated_minutes` of the step's time in the longest variant."""
    statements: tuple[str, ...] = ()
    """An activity's statements (four corners): shown alone as they are in the room."""


def longest_variant(manifest: Manifest) -> Variant:
    return max(manifest.variants, key=lambda variant: variant.minutes)


def estimated_minutes(group_minutes: int) -> int:
    """Up to ten minutes as they are (at least one); longer steps to the nearest five, since
    "23 minutes" claims a precision a guess for one person does not have."""
    if group_minutes <= 10:
        return max(1, group_minutes)
    return min(MAX_ESTIMATE, (group_minutes + 2) // 5 * 5)


def walked_alone(step: Step) -> bool:
    wording = step.self_study
    if wording is not None and wording.skip is not None:
        return not wording.skip
    return step.kind not in SKIPPED_ALONE


def _text(step: Step, step_ids: list[str]) -> str:
    if isinstance(step, TextStep | ClosingStep):
        return step.body
    if isinstance(step, PromptStep | ReflectionStep):
        return step.question
    if isinstance(step, ActivityStep):
        return step.instructions
    if isinstance(step, EvaluationStep):
        return "\n".join(f"- {question.text}" for question in questions_in(step, step_ids))
    return ""


def _question(step: Step) -> str | None:
    own = step.self_study.question if step.self_study else None
    if isinstance(step, PromptStep | ReflectionStep):
        return own or step.question
    if isinstance(step, FilmStep):
        return own or step.question_after
    return None  # a question on another kind is a validation error, never shown


def _instructions(step: Step) -> str | None:
    own = step.self_study.instructions if step.self_study else None
    if isinstance(step, ActivityStep):
        return own or step.instructions
    if isinstance(step, TextStep | ClosingStep):
        return own
    return None  # instructions on another kind are a validation error, never shown


def self_study_steps(manifest: Manifest) -> list[SelfStudyStep]:
    variant = longest_variant(manifest)
    steps: list[SelfStudyStep] = []
    for step, group_minutes in manifest.variant_step_minutes(variant):
        if not walked_alone(step):
            continue
        own_minutes = step.self_study.minutes if step.self_study else None
        steps.append(
            SelfStudyStep(
                step_id=step.id,
                kind=step.kind,
                title=step.title,
                text=_text(step, variant.steps),
                question=_question(step),
                instructions=_instructions(step),
                minutes=own_minutes or estimated_minutes(group_minutes),
                statements=tuple(getattr(step, "statements", ())),
            )
        )
    return steps


def self_study_introduction(manifest: Manifest) -> str | None:
    """The module's words for one person, shown first on the path (None: the module has none;
    the library's own words about self-study then stand alone)."""
    return manifest.self_study.introduction if manifest.self_study else None
