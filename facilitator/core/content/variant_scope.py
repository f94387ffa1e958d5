"""What a module says in one length variant: the evaluation questions asked, the learning
goals claimed and the leader notes given.

A question or a goal tied to steps (``requires``) belongs to a variant only when the variant
has every one of them, so a 45-minute session never asks about a talk it did not hold. The
steps a session has are its plan's steps of that module (a leader who leaves a step out of the
plan has left it out of the session too).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from facilitator.core.content.manifest import (
    EvaluationQuestion,
    EvaluationStep,
    LearningGoal,
    Manifest,
    Step,
)


def applies(requires: Iterable[str], step_ids: Collection[str]) -> bool:
    return all(step_id in step_ids for step_id in requires)


def goal_text(goal: str | LearningGoal) -> str:
    return goal if isinstance(goal, str) else goal.text


def goal_requires(goal: str | LearningGoal) -> list[str]:
    return [] if isinstance(goal, str) else goal.requires


def goals_in(manifest: Manifest, step_ids: Collection[str]) -> list[str]:
    """The learning goals a session with ``step_ids`` of this module can claim."""
    return [
        goal_text(goal)
        for goal in manifest.learning_goals
        if applies(goal_requires(goal), step_ids)
    ]


def questions_in(step: EvaluationStep, step_ids: Collection[str]) -> list[EvaluationQuestion]:
    """The questions of ``step`` asked in a session with ``step_ids`` of this module."""
    return [question for question in step.questions if applies(question.requires, step_ids)]


def leader_notes_in(manifest: Manifest, step: Step, variant_minutes: int | None) -> str:
    """The variant's own notes for ``step`` where it has them, else the step's."""
    if variant_minutes is not None:
        for variant in manifest.variants:
            if variant.minutes == variant_minutes:
                return variant.leader_notes_override.get(step.id, step.leader_notes)
    return step.leader_notes


def step_in(
    manifest: Manifest, step: Step, step_ids: Collection[str], variant_minutes: int | None
) -> Step:
    """``step`` as a session with ``step_ids`` of the module's ``variant_minutes`` variant runs
    it: its leader notes the variant's, an evaluation's questions only those asked there."""
    changes: dict[str, object] = {}
    notes = leader_notes_in(manifest, step, variant_minutes)
    if notes != step.leader_notes:
        changes["leader_notes"] = notes
    if isinstance(step, EvaluationStep):
        questions = questions_in(step, step_ids)
        if len(questions) != len(step.questions):
            changes["questions"] = questions
    return step.model_copy(update=changes) if changes else step


def variant_lengths(manifest: Manifest, requires: Sequence[str]) -> list[int]:
    """The lengths (minutes) of the variants that have every step in ``requires``."""
    return sorted(v.minutes for v in manifest.variants if applies(requires, v.steps))
