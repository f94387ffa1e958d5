"""What a summary says about the modules a session ran: the learning goals it can claim and
the sources behind them, as the module's manifest gives them.

The goals are those of the session's variant: the plan the session started from decides, as
it decided the evaluation's questions (``variant_scope``). A plan that cannot be read (an
archive from elsewhere) falls back to the steps that ran.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.content.citation import citation
from facilitator.core.content.manifest import Manifest
from facilitator.core.content.variant_scope import goals_in
from facilitator.core.planning import module_step_ids
from facilitator.core.session.json_fields import FormatError
from facilitator.core.session.plan import PlanError, SessionPlan
from facilitator.core.storage.records import ModuleRef, StepRunRecord

if TYPE_CHECKING:
    from facilitator.core.export.model import SessionExport

ManifestLookup = Callable[[str, str], Manifest | None]


@dataclass(frozen=True)
class ModuleAbout:
    title: str
    goals: tuple[str, ...]
    sources: tuple[str, ...]
    """Each a full citation (``citation``)."""


def _plan(plan_json: str) -> SessionPlan | None:
    try:
        data = json.loads(plan_json)
        return SessionPlan.from_dict(data) if isinstance(data, dict) else None
    except (ValueError, FormatError, PlanError):  # JSONDecodeError is a ValueError
        return None


def _step_ids(
    plan: SessionPlan | None, module_id: str, steps: Collection[StepRunRecord]
) -> frozenset[str]:
    if plan is not None and any(step.module_id == module_id for step in plan.steps):
        return module_step_ids(plan, module_id)
    return frozenset(s.step_id for s in steps if s.module_id == module_id and not s.skipped)


def modules_about(
    modules: Collection[ModuleRef],
    manifests: ManifestLookup,
    plan_json: str,
    steps: Collection[StepRunRecord],
) -> tuple[ModuleAbout, ...]:
    """One entry per module whose manifest is on this computer, in the session's order."""
    plan = _plan(plan_json)
    found: list[ModuleAbout] = []
    for module in modules:
        manifest = manifests(module.module_id, module.version)
        if manifest is None:
            continue
        step_ids = _step_ids(plan, module.module_id, steps)
        found.append(
            ModuleAbout(
                title=module.title or manifest.title.sv,
                goals=tuple(goals_in(manifest, step_ids)),
                sources=tuple(citation(source) for source in manifest.sources),
            )
        )
    return tuple(found)


def about_parts(
    session: SessionExport, items: Callable[[ModuleAbout], tuple[str, ...]]
) -> list[tuple[str | None, tuple[str, ...]]]:
    """(module title when the session ran several modules, its items) for modules with any."""
    several = len(session.about) > 1
    return [
        (about.title if several else None, items(about)) for about in session.about if items(about)
    ]
