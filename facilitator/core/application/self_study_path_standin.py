"""STAND-IN for ``facilitator.core.content.self_study_path.self_study_steps`` (spec C, written
in parallel by another part of issue 19). Once that module lands, ``self_study.py`` imports
``self_study_steps`` from there and this file goes.

It follows spec C as far as the service needs it: a step's optional ``[steps.self_study]``
(read with ``getattr``: the manifest model may not have the field yet) gives the question, the
instructions, the minutes and ``skip``; breaks and evaluations are left out unless they say
``skip = false``; without self-study wording the group texts are used as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import Manifest

_SKIPPED_ALONE = frozenset({StepKind.BREAK, StepKind.EVALUATION})


@dataclass(frozen=True)
class SelfStudyStep:
    """One step as one person walks it."""

    step_id: str
    kind: StepKind
    title: str
    text: str
    """What to show: the step's body (text and closing steps), else empty."""
    question: str
    """What the person answers in writing; empty where nothing is asked."""
    instructions: str
    """How one person does it (activity, text and closing steps); empty for none."""
    minutes: int


def self_study_steps(manifest: Manifest) -> tuple[SelfStudyStep, ...]:
    steps: list[SelfStudyStep] = []
    for step in manifest.steps:
        alone: Any = getattr(step, "self_study", None)
        skip = getattr(alone, "skip", None)
        if skip is True or (skip is None and step.kind in _SKIPPED_ALONE):
            continue
        group_question = getattr(step, "question", None) or getattr(step, "question_after", None)
        group_instructions = getattr(step, "instructions", None)
        steps.append(
            SelfStudyStep(
                step_id=step.id,
                kind=StepKind(step.kind),
                title=step.title,
                text=getattr(step, "body", None) or "",
                question=getattr(alone, "question", None) or group_question or "",
                instructions=getattr(alone, "instructions", None) or group_instructions or "",
                minutes=getattr(alone, "minutes", None) or step.minutes,
            )
        )
    return tuple(steps)
