"""What a session has done so far, and how that is stored so a crashed session can continue.

Time while the app was not running (between the last saved state and the restore) is treated
as a pause: it counts toward the session's elapsed and paused time, never toward a step. The
monotonic clock does not survive a restart, so that gap is the one duration measured on the wall
clock; a wall clock that went backwards meanwhile gives a gap of zero, never a negative one.
Treating it as a pause means the leader comes back to the step with exactly the time it had,
while the planned end stays where it was and the session shows how late the crash made it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from facilitator.core.session.errors import StaleProposalError
from facilitator.core.session.events import EngineEvent, event_from_dict, event_to_dict
from facilitator.core.session.json_fields import (
    FormatError,
    JsonDict,
    as_dict,
    check_schema,
    read_dict,
    read_float,
    read_int,
    read_list,
    read_optional_str,
    read_str,
    read_time,
    write_time,
)
from facilitator.core.session.landing import AppliedLanding
from facilitator.core.session.phases import Phase, as_run, phases_for
from facilitator.core.session.plan import SessionPlan
from facilitator.core.session.status import SessionState, StepRun
from facilitator.core.session.stopwatch import Stopwatch

STATE_SCHEMA_VERSION = 1


@dataclass
class StepRecord:
    visits: int = 0
    actual: float = 0.0
    """Running seconds, not counting the live run while the step is current."""
    extended_seconds: int = 0
    started_at: datetime | None = None
    ended_at: datetime | None = None
    phase_ends: list[float] = field(default_factory=list)
    """Step seconds at which each phase that is over ended (phases.py), skipped ones early."""

    def to_dict(self, actual: float) -> JsonDict:
        return {
            "visits": self.visits,
            "actual": actual,
            "extended_seconds": self.extended_seconds,
            "started_at": write_time(self.started_at),
            "ended_at": write_time(self.ended_at),
            "phase_ends": list(self.phase_ends),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StepRecord:
        record = cls(
            visits=read_int(data, "visits"),
            actual=read_float(data, "actual"),
            extended_seconds=read_int(data, "extended_seconds"),
            started_at=read_time(data, "started_at"),
            ended_at=read_time(data, "ended_at"),
            phase_ends=_read_phase_ends(data),
        )
        if record.visits < 0 or record.actual < 0 or record.extended_seconds < 0:
            raise FormatError("a step record has a negative count or time")
        return record


def _read_phase_ends(data: Mapping[str, Any]) -> list[float]:
    # States saved before talks had phases have no such field: no phase had ended then.
    if "phase_ends" not in data:
        return []
    ends = [read_float({"end": item}, "end") for item in read_list(data, "phase_ends")]
    if any(end < 0 for end in ends) or ends != sorted(ends):
        raise FormatError("a step record's phase ends are negative or out of order")
    return ends


@dataclass
class SessionProgress:
    plan: SessionPlan
    state: SessionState = SessionState.NOT_STARTED
    current: str | None = None
    records: dict[str, StepRecord] = field(default_factory=dict)
    session: Stopwatch = field(default_factory=Stopwatch)
    """Runs from start to end; pauses included."""
    paused: Stopwatch = field(default_factory=Stopwatch)
    step: Stopwatch = field(default_factory=Stopwatch)
    """The current step over all its visits; runs only while the session runs."""
    planned_duration: float = 0.0
    last_remaining: float = 0.0
    """The current step's remaining time when last observed, to see thresholds crossed."""
    ended_at: datetime | None = None
    events: list[EngineEvent] = field(default_factory=list)
    landings: list[AppliedLanding] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.state in (SessionState.RUNNING, SessionState.PAUSED)

    def record(self, key: str) -> StepRecord:
        return self.records.setdefault(key, StepRecord())

    def planned_seconds(self, key: str) -> int:
        extended = self.records[key].extended_seconds if key in self.records else 0
        return self.plan.step(key).planned_seconds + extended

    def actual(self, key: str, now: float) -> float:
        if key == self.current and self.active:
            return self.step.elapsed(now)
        return self.records[key].actual if key in self.records else 0.0

    def phases(self, key: str) -> tuple[Phase, ...]:
        """The step's phases as they run now: laid out on its planned time, extensions
        included, with the ones that are over ending where they ended."""
        layout = phases_for(self.plan.step(key).format, self.planned_seconds(key))
        return as_run(layout, self.records[key].phase_ends if key in self.records else ())

    def remaining(self, now: float) -> float:
        if self.current is None:
            return 0.0
        return self.planned_seconds(self.current) - self.step.elapsed(now)

    def step_runs(self, now: float) -> tuple[StepRun, ...]:
        rows: list[StepRun] = []
        for step in self.plan.steps:
            record = self.records.get(step.key, StepRecord())
            rows.append(
                StepRun(
                    key=step.key,
                    planned_seconds=self.planned_seconds(step.key),
                    extended_seconds=record.extended_seconds,
                    actual_seconds=self.actual(step.key, now),
                    started_at=record.started_at,
                    ended_at=record.ended_at,
                    skipped=step.skipped,
                    visited_count=record.visits,
                )
            )
        return tuple(rows)

    def to_dict(self, now: float, wall: datetime) -> JsonDict:
        return {
            "schema_version": STATE_SCHEMA_VERSION,
            "saved_at": wall.isoformat(),
            "state": self.state.value,
            "current": self.current,
            "session_elapsed": self.session.elapsed(now),
            "paused_seconds": self.paused.elapsed(now),
            "planned_duration": self.planned_duration,
            "last_remaining": self.last_remaining,
            "ended_at": write_time(self.ended_at),
            "steps": {
                key: record.to_dict(self.actual(key, now)) for key, record in self.records.items()
            },
            "pending_events": [event_to_dict(event) for event in self.events],
            "landings": [landing.to_dict() for landing in self.landings],
        }

    @classmethod
    def from_dict(
        cls, plan: SessionPlan, data: Mapping[str, Any], now: float, wall: datetime
    ) -> SessionProgress:
        """Rebuild progress on `plan` (the frozen copy the session started from)."""
        check_schema(data, STATE_SCHEMA_VERSION, "the saved session state")
        try:
            state = SessionState(read_str(data, "state"))
        except ValueError as error:
            raise FormatError(f"unknown session state: {error}") from error
        progress = cls(plan=plan, state=state)
        progress.landings = [
            AppliedLanding.from_dict(as_dict(item, "a landing"))
            for item in read_list(data, "landings")
        ]
        try:
            for landing in progress.landings:
                progress.plan = landing.proposal.apply_to(progress.plan)
        except StaleProposalError as error:
            raise FormatError(f"the saved state does not belong to this plan: {error}") from error
        for key, item in read_dict(data, "steps").items():
            if key not in plan:
                raise FormatError(f"the saved state names step {key!r}, which is not in the plan")
            progress.records[key] = StepRecord.from_dict(as_dict(item, "a step record"))
        progress.current = read_optional_str(data, "current")
        if progress.active and progress.current not in progress.records:
            raise FormatError("a running session's state has no current step")
        progress.planned_duration = read_float(data, "planned_duration")
        progress.last_remaining = read_float(data, "last_remaining")
        progress.ended_at = read_time(data, "ended_at")
        progress.events = [
            event_from_dict(as_dict(item, "an event")) for item in read_list(data, "pending_events")
        ]
        progress._resume_clocks(data, now, wall)
        return progress

    def _resume_clocks(self, data: Mapping[str, Any], now: float, wall: datetime) -> None:
        gap = 0.0
        if self.active:
            saved_at = read_time(data, "saved_at")
            if saved_at is None:
                raise FormatError("the saved state has no saved_at time")
            gap = max(0.0, (wall - saved_at).total_seconds())
        session_elapsed = read_float(data, "session_elapsed")
        paused = read_float(data, "paused_seconds")
        if session_elapsed < 0 or paused < 0:
            raise FormatError("the saved state has a negative elapsed time")
        self.session = Stopwatch(carried=session_elapsed + gap)
        self.paused = Stopwatch(carried=paused + gap)
        if self.current is not None and self.current in self.records:
            self.step = Stopwatch(carried=self.records[self.current].actual)
        if self.active:
            self.session.start(now)
        if self.state is SessionState.PAUSED:
            self.paused.start(now)
        if self.state is SessionState.RUNNING:
            self.step.start(now)
