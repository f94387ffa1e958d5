"""Read-only snapshots of a running session, for the UI, landing proposals and export."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from facilitator.core.session.phases import PhasePosition
from facilitator.core.session.plan import PlanStep

LAST_MINUTE_SECONDS = 60.0


class SessionState(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    ENDED = "ended"


class StepPhase(StrEnum):
    NORMAL = "normal"
    LAST_MINUTE = "last_minute"
    OVERTIME = "overtime"


def phase_for(remaining_seconds: float) -> StepPhase:
    # Zero remaining already counts as overtime: that is the moment StepTimeUp fires.
    if remaining_seconds <= 0:
        return StepPhase.OVERTIME
    if remaining_seconds <= LAST_MINUTE_SECONDS:
        return StepPhase.LAST_MINUTE
    return StepPhase.NORMAL


@dataclass(frozen=True)
class SessionSnapshot:
    state: SessionState
    now: datetime
    """The wall-clock moment this snapshot describes (the end time once the session ended)."""
    current_step: PlanStep | None
    next_step: PlanStep | None
    step_planned_seconds: float
    """The current step's planned time including extensions."""
    step_elapsed_seconds: float
    """Running time on the current step over all its visits; pauses do not count."""
    step_remaining_seconds: float
    """Negative in overtime."""
    phase: StepPhase
    session_elapsed_seconds: float
    """Since start, pauses included (the room's time passes during a pause)."""
    paused_seconds: float
    planned_end: datetime
    projected_end: datetime
    behind_seconds: float
    """Projected minus planned session length: positive when late, negative when ahead."""
    phase_position: PhasePosition | None = None
    """The current step's talk phases (1-2-4-All, pairs, go-around), when it has them."""

    @property
    def minutes_behind(self) -> int:
        """Whole minutes late (negative: ahead), as shown in "4 min efter plan".

        Halves round away from zero; Python's round() would make 2.5 and 3.5 minutes both 4.
        """
        minutes = abs(self.behind_seconds) / 60
        return int(math.copysign(math.floor(minutes + 0.5), self.behind_seconds))

    @property
    def overtime_seconds(self) -> float:
        return max(0.0, -self.step_remaining_seconds)


@dataclass(frozen=True)
class StepRun:
    """What happened to one step of the plan, for the console's plan list and the summary."""

    key: str
    planned_seconds: int
    """The plan's minutes (after any landing) plus extensions."""
    extended_seconds: int
    actual_seconds: float
    started_at: datetime | None
    """Wall time the step was first entered."""
    ended_at: datetime | None
    """Wall time the step was last left; None while it is the current step or never entered."""
    skipped: bool
    """Skipped in the plan (by the planner or by an applied landing)."""
    visited_count: int
