"""Proposals for landing a late session on its planned end.

The engine never changes the plan on its own: `propose_landing` suggests, the leader reads the
changes in plain Swedish, and `SessionEngine.apply` applies and records the proposal.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from facilitator.core.i18n import _
from facilitator.core.session.errors import StaleProposalError
from facilitator.core.session.json_fields import (
    FormatError,
    JsonDict,
    as_dict,
    read_dict,
    read_int,
    read_list,
    read_str,
    read_time,
)
from facilitator.core.session.plan import PlanStep, SessionPlan
from facilitator.core.session.status import SessionSnapshot, SessionState

DEFAULT_FLOOR_MINUTES = 2
DEFAULT_TOLERANCE_MINUTES = 1


class ChangeKind(StrEnum):
    SHORTEN = "shorten"
    DROP = "drop"


@dataclass(frozen=True)
class LandingChange:
    key: str
    title: str
    kind: ChangeKind
    from_minutes: int
    to_minutes: int
    """0 when the step is dropped."""

    @property
    def saved_minutes(self) -> int:
        return self.from_minutes - self.to_minutes

    @property
    def description(self) -> str:
        # Built on each read so a language switch after the proposal still shows the new language.
        if self.kind is ChangeKind.DROP:
            return _("Hoppa över ”{title}” ({minutes} min)").format(
                title=self.title, minutes=self.from_minutes
            )
        return _("Korta ”{title}” från {old} till {new} min").format(
            title=self.title, old=self.from_minutes, new=self.to_minutes
        )

    def to_dict(self) -> JsonDict:
        return {
            "key": self.key,
            "title": self.title,
            "kind": self.kind.value,
            "from_minutes": self.from_minutes,
            "to_minutes": self.to_minutes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LandingChange:
        try:
            kind = ChangeKind(read_str(data, "kind"))
        except ValueError as error:
            raise FormatError(f"unknown landing change: {error}") from error
        return cls(
            key=read_str(data, "key"),
            title=read_str(data, "title"),
            kind=kind,
            from_minutes=read_int(data, "from_minutes"),
            to_minutes=read_int(data, "to_minutes"),
        )


@dataclass(frozen=True)
class LandingProposal:
    behind_minutes: int
    """How late the session was when the proposal was made."""
    changes: tuple[LandingChange, ...]

    @property
    def saved_minutes(self) -> int:
        return sum(change.saved_minutes for change in self.changes)

    @property
    def shortfall_minutes(self) -> int:
        """Minutes still late after the changes (0 when the proposal lands on time)."""
        return max(0, self.behind_minutes - self.saved_minutes)

    @property
    def lands_on_time(self) -> bool:
        return self.shortfall_minutes == 0

    @property
    def descriptions(self) -> list[str]:
        return [change.description for change in self.changes]

    def apply_to(self, plan: SessionPlan) -> SessionPlan:
        """The plan with the changes made; StaleProposalError when the plan moved on meanwhile."""
        for change in self.changes:
            if change.key not in plan:
                raise StaleProposalError(f"step {change.key!r} is no longer in the plan")
            step = plan.step(change.key)
            if step.skipped or step.planned_minutes != change.from_minutes:
                raise StaleProposalError(f"step {change.key!r} changed since the proposal was made")
            if change.kind is ChangeKind.DROP:
                plan = plan.set_skipped(change.key, True)
            else:
                plan = plan.set_minutes(change.key, change.to_minutes)
        return plan

    def to_dict(self) -> JsonDict:
        return {
            "behind_minutes": self.behind_minutes,
            "changes": [change.to_dict() for change in self.changes],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LandingProposal:
        changes = tuple(
            LandingChange.from_dict(as_dict(item, "a landing change"))
            for item in read_list(data, "changes")
        )
        return cls(behind_minutes=read_int(data, "behind_minutes"), changes=changes)


@dataclass(frozen=True)
class AppliedLanding:
    applied_at: datetime
    proposal: LandingProposal

    def to_dict(self) -> JsonDict:
        return {"applied_at": self.applied_at.isoformat(), "proposal": self.proposal.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AppliedLanding:
        applied_at = read_time(data, "applied_at")
        if applied_at is None:
            raise FormatError("an applied landing needs applied_at")
        return cls(applied_at, LandingProposal.from_dict(read_dict(data, "proposal")))


def propose_landing(
    status: SessionSnapshot,
    plan: SessionPlan,
    *,
    floor_minutes: int = DEFAULT_FLOOR_MINUTES,
    tolerance_minutes: int = DEFAULT_TOLERANCE_MINUTES,
) -> LandingProposal | None:
    """How to catch up, or None when on time (within `tolerance_minutes`) or nothing can change.

    Only steps after the current one are touched: the current step is the leader's live call.
    Later steps are shortened in proportion to how far each is above `floor_minutes` (fixed-length
    steps never); only when that is not enough are optional steps dropped, largest first, and the
    shortening is then spread over what is left. A proposal may still fall short: see
    `shortfall_minutes`.
    """
    if status.state not in (SessionState.RUNNING, SessionState.PAUSED):
        return None
    behind = math.ceil(status.behind_seconds / 60 - 1e-9)
    if behind <= tolerance_minutes:
        return None
    current = status.current_step
    later = plan.active_after(None if current is None else current.key)
    return propose_cuts(plan, later, behind, floor_minutes=floor_minutes)


def propose_cuts(
    plan: SessionPlan,
    later: Sequence[PlanStep],
    behind: int,
    *,
    floor_minutes: int = DEFAULT_FLOOR_MINUTES,
) -> LandingProposal | None:
    """How to take `behind` minutes out of the steps `later` (of `plan`), by the rules above;
    None when nothing can change. The planner uses it too, before a session starts, to fit a
    plan that grew past the length chosen."""

    def slack(step: PlanStep) -> int:
        if step.has_fixed_length:
            return 0
        return max(0, step.planned_minutes - floor_minutes)

    dropped: list[PlanStep] = []
    need = behind
    kept = list(later)
    droppable = sorted(
        (step for step in later if step.optional),
        key=lambda step: (-step.planned_minutes, -plan.index_of(step.key)),
    )
    for step in droppable:
        if need <= sum(slack(s) for s in kept):
            break
        dropped.append(step)
        kept.remove(step)
        need -= step.planned_minutes

    shortenable = [step for step in kept if slack(step) > 0]
    cuts = _spread(max(0, need), [slack(step) for step in shortenable])
    new_minutes = {
        step.key: step.planned_minutes - cut for step, cut in zip(shortenable, cuts, strict=True)
    }

    changes: list[LandingChange] = []
    for step in later:
        if step in dropped:
            changes.append(_change(step, ChangeKind.DROP, 0))
        elif step.key in new_minutes and new_minutes[step.key] != step.planned_minutes:
            changes.append(_change(step, ChangeKind.SHORTEN, new_minutes[step.key]))
    if not changes:
        return None
    return LandingProposal(behind_minutes=behind, changes=tuple(changes))


def _change(step: PlanStep, kind: ChangeKind, to_minutes: int) -> LandingChange:
    return LandingChange(
        key=step.key,
        title=step.title,
        kind=kind,
        from_minutes=step.planned_minutes,
        to_minutes=to_minutes,
    )


def _spread(total: int, capacities: Sequence[int]) -> list[int]:
    """Split `total` whole minutes in proportion to `capacities`, never above a capacity.

    Integer largest-remainder keeps the result exact and the same on every machine; ties go to
    the earlier step so repeated proposals do not flip between equal choices.
    """
    available = sum(capacities)
    if available == 0:
        return [0] * len(capacities)
    total = min(total, available)
    shares = [total * capacity // available for capacity in capacities]
    remainders = [total * capacity % available for capacity in capacities]
    left = total - sum(shares)
    order = sorted(range(len(capacities)), key=lambda i: (-remainders[i], i))
    for index in order[:left]:
        shares[index] += 1
    return shares
