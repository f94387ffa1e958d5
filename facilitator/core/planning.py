"""From chosen modules and a length to a session plan: the bridge between content and the
session engine."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import (
    EvaluationQuestion,
    EvaluationStep,
    Manifest,
    Step,
    Variant,
)
from facilitator.core.content.variant_scope import questions_in
from facilitator.core.i18n import _
from facilitator.core.session.plan import PlanStep, SessionPlan

KEY_SEPARATOR = "/"


@dataclass(frozen=True)
class ModuleChoice:
    manifest: Manifest
    variant: Variant


@dataclass(frozen=True)
class OpenModule:
    """A module ready to run: its manifest and the folder its files are in."""

    manifest: Manifest
    folder: Path


def step_key(module_id: str, step_id: str) -> str:
    return f"{module_id}{KEY_SEPARATOR}{step_id}"


def module_step_ids(plan: SessionPlan, module_id: str) -> frozenset[str]:
    """The module's steps the plan runs (left-out ones are not run): what decides which of its
    evaluation questions are asked and which goals the session can claim."""
    return frozenset(step.step_id for step in plan.active_steps if step.module_id == module_id)


def variant_of(plan: SessionPlan, module_id: str) -> int | None:
    """The length variant the plan took the module's steps from (None when unknown)."""
    return next(
        (s.variant_minutes for s in plan.steps if s.module_id == module_id and s.variant_minutes),
        None,
    )


def evaluation_questions(
    manifests: Iterable[Manifest], plan: SessionPlan
) -> list[tuple[str, EvaluationQuestion]]:
    """(module id, question) for every evaluation question the plan asks, in module order."""
    return [
        (manifest.id, question)
        for manifest in manifests
        for step in manifest.steps
        if isinstance(step, EvaluationStep)
        for question in questions_in(step, module_step_ids(plan, manifest.id))
    ]


def question_keys(questions: Sequence[tuple[str, EvaluationQuestion]]) -> list[str]:
    """The id each answer is stored under: the question's own id, which the exports look up
    in the module. Modules reuse ids (every module asks "kunskap"), and a session may hold
    several modules; a reused id is stored as "module_id/question_id" so the answers to two
    different questions never land in one row."""
    uses = Counter(question.id for _module, question in questions)
    return [
        f"{module_id}/{question.id}" if uses[question.id] > 1 else question.id
        for module_id, question in questions
    ]


def plan_for(choices: Sequence[ModuleChoice], language: str = "sv") -> SessionPlan:
    steps: list[PlanStep] = []
    for choice in choices:
        manifest = choice.manifest
        for step, minutes in manifest.variant_step_minutes(choice.variant):
            steps.append(_plan_step(manifest.id, step, minutes, choice.variant.minutes))
    titles = [c.manifest.title.get(language) for c in choices]
    title = " + ".join(titles) if titles else _("Ny session")
    return SessionPlan(title=title, steps=tuple(steps))


def _plan_step(module_id: str, step: Step, minutes: int, variant_minutes: int) -> PlanStep:
    return PlanStep(
        key=step_key(module_id, step.id),
        module_id=module_id,
        step_id=step.id,
        kind=StepKind(step.kind),
        title=step.title,
        planned_minutes=minutes,
        format=getattr(step, "format", None),
        # Extra conversation rounds are what a late session can most easily do without.
        optional=step.kind == StepKind.PROMPT,
        variant_minutes=variant_minutes,
    )
