"""From chosen modules and a length to a session plan: the bridge between content and the
session engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import Manifest, Step, Variant
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


def plan_for(choices: Sequence[ModuleChoice], language: str = "sv") -> SessionPlan:
    steps: list[PlanStep] = []
    for choice in choices:
        manifest = choice.manifest
        for step, minutes in manifest.variant_step_minutes(choice.variant):
            steps.append(_plan_step(manifest.id, step, minutes))
    titles = [c.manifest.title.get(language) for c in choices]
    title = " + ".join(titles) if titles else _("Ny session")
    return SessionPlan(title=title, steps=tuple(steps))


def _plan_step(module_id: str, step: Step, minutes: int) -> PlanStep:
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
    )
