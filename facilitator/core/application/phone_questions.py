"""Which question the phones get at a step (issue 20): a prompt's question, a reflection
round's, or the evaluation's items with their options — keyed as the close-out stores its
hand counts, so the two meet. Any other step asks the phones nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from facilitator.core.application.presentation import StepContent
from facilitator.core.content.manifest import (
    EvaluationStep,
    Manifest,
    PromptStep,
    ReflectionStep,
)
from facilitator.core.phones.question import (
    EvaluationItem,
    PhoneQuestion,
    evaluation,
    prompt,
    reflection_round,
)
from facilitator.core.planning import evaluation_questions, question_keys
from facilitator.core.session.plan import SessionPlan

EvaluationKeys = Mapping[tuple[str, str], str]
"""(module id, question id) → the key its answers are stored under."""


def evaluation_keys(manifests: Iterable[Manifest], plan: SessionPlan) -> dict[tuple[str, str], str]:
    """The keys for every evaluation question the plan asks (``question_keys``)."""
    asked = evaluation_questions(manifests, plan)
    return {
        (module_id, question.id): key
        for key, (module_id, question) in zip(question_keys(asked), asked, strict=True)
    }


def phone_question(
    step_key: str | None, content: StepContent | None, keys: EvaluationKeys
) -> PhoneQuestion | None:
    """What the phones answer while ``step_key`` is on screen; None for nothing."""
    if step_key is None or content is None:
        return None
    step = content.step
    if isinstance(step, PromptStep):
        return prompt(step_key, step.question)
    if isinstance(step, ReflectionStep):
        return reflection_round(step_key, step.question)
    if isinstance(step, EvaluationStep):
        module_id = content.manifest.id
        items = [
            EvaluationItem(keys[(module_id, q.id)], q.text, tuple(q.options))
            for q in step.questions
            if (module_id, q.id) in keys
        ]
        return evaluation(step_key, step.title, items) if items else None
    return None
