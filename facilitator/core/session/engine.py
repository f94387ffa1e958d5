"""The session engine: a state machine over a plan, timed by deadlines on an injected Clock.

    NOT_STARTED --start--> RUNNING --pause--> PAUSED --resume--> RUNNING
    RUNNING or PAUSED --end--> ENDED      (next/back/jump/extend/apply in RUNNING or PAUSED)

Durations come only from `clock.monotonic()`, so a wall clock that jumps (daylight saving, the
user fixing the time, midnight) never changes a countdown; `clock.now()` only turns durations
into clock times for display. Nothing runs by itself: the UI calls `poll()` on its own timer and
gets each threshold crossing once.

A talk in 1-2-4-All, pairs or a go-around runs in phases (phases.py) inside its step: each
boundary passed is recorded on the step and reported once as PhaseChanged; `skip_phase` ends
the current one early.

Moving between steps while paused is allowed and keeps the session paused: the leader can line
up the next step before resuming, and the new step's timer starts with the resume.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from facilitator.core.clock import Clock
from facilitator.core.session.errors import (
    IllegalTransitionError,
    SessionError,
    StaleProposalError,
    UnknownStepError,
)
from facilitator.core.session.events import EngineEvent, LastMinute, PhaseChanged, StepTimeUp
from facilitator.core.session.json_fields import JsonDict
from facilitator.core.session.landing import AppliedLanding, LandingProposal
from facilitator.core.session.phases import PhasePosition, current_phase
from facilitator.core.session.plan import PlanStep, SessionPlan
from facilitator.core.session.progress import SessionProgress
from facilitator.core.session.status import (
    LAST_MINUTE_SECONDS,
    SessionSnapshot,
    SessionState,
    StepPhase,
    StepRun,
    phase_for,
)
from facilitator.core.session.stopwatch import Stopwatch

_ACTIVE = (SessionState.RUNNING, SessionState.PAUSED)


class SessionEngine:
    def __init__(self, plan: SessionPlan, clock: Clock) -> None:
        self._clock = clock
        self._initial_plan = plan
        self._p = SessionProgress(plan=plan, planned_duration=float(plan.total_minutes * 60))

    @classmethod
    def restore(cls, plan: SessionPlan, clock: Clock, state: Mapping[str, Any]) -> SessionEngine:
        """Continue a session saved by `to_state` on the plan it started from.

        Step and session times continue exactly as saved; the time the app was not running
        counts as a pause (see progress.py). Raises FormatError (a ValueError) for a state that
        is damaged or belongs to another plan.
        """
        engine = cls(plan, clock)
        engine._p = SessionProgress.from_dict(plan, state, clock.monotonic(), clock.now())
        return engine

    def to_state(self) -> JsonDict:
        """A JSON-friendly snapshot for crash-resume; save it often (it is small)."""
        return self._p.to_dict(self._clock.monotonic(), self._clock.now())

    # --- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._p.state

    @property
    def plan(self) -> SessionPlan:
        """The plan as it is now, with applied landings."""
        return self._p.plan

    @property
    def initial_plan(self) -> SessionPlan:
        return self._initial_plan

    @property
    def current_key(self) -> str | None:
        return self._p.current if self._p.active else None

    @property
    def landings(self) -> tuple[AppliedLanding, ...]:
        return tuple(self._p.landings)

    @property
    def runs(self) -> tuple[StepRun, ...]:
        """One record per plan step (skipped ones too), in plan order."""
        return self._p.step_runs(self._clock.monotonic())

    def status(self) -> SessionSnapshot:
        p = self._p
        if p.state is SessionState.NOT_STARTED:
            return self._status_before_start()
        now = self._clock.monotonic()
        wall = p.ended_at if p.ended_at is not None else self._clock.now()
        elapsed = p.session.elapsed(now)
        current = p.plan.step(p.current) if p.active and p.current is not None else None
        planned = step_elapsed = remaining = to_go = 0.0
        phase = StepPhase.NORMAL
        position = None
        if current is not None:
            planned = float(p.planned_seconds(current.key))
            step_elapsed = p.step.elapsed(now)
            remaining = planned - step_elapsed
            phase = phase_for(remaining)
            phases = p.phases(current.key)
            if phases:
                position = PhasePosition(phases, current_phase(phases, step_elapsed), step_elapsed)
            later = p.plan.active_after(current.key)
            # Overtime cannot be won back by ending now, so the current step adds no less than 0.
            to_go = max(0.0, remaining) + sum(
                max(0.0, p.planned_seconds(step.key) - p.actual(step.key, now)) for step in later
            )
        # Both clock times are anchored to the same "now", so a jump of the wall clock moves
        # them together and the minutes behind (a monotonic difference) stay true.
        return SessionSnapshot(
            state=p.state,
            now=wall,
            current_step=current,
            next_step=self._next_of(current.key) if current is not None else None,
            step_planned_seconds=planned,
            step_elapsed_seconds=step_elapsed,
            step_remaining_seconds=remaining,
            phase=phase,
            session_elapsed_seconds=elapsed,
            paused_seconds=p.paused.elapsed(now),
            planned_end=wall + timedelta(seconds=p.planned_duration - elapsed),
            projected_end=wall + timedelta(seconds=to_go),
            behind_seconds=elapsed + to_go - p.planned_duration,
            phase_position=position,
        )

    def _status_before_start(self) -> SessionSnapshot:
        wall = self._clock.now()
        active = self._p.plan.active_steps
        end = wall + timedelta(minutes=self._p.plan.total_minutes)
        return SessionSnapshot(
            state=SessionState.NOT_STARTED,
            now=wall,
            current_step=None,
            next_step=active[0] if active else None,
            step_planned_seconds=0.0,
            step_elapsed_seconds=0.0,
            step_remaining_seconds=0.0,
            phase=StepPhase.NORMAL,
            session_elapsed_seconds=0.0,
            paused_seconds=0.0,
            planned_end=end,
            projected_end=end,
            behind_seconds=0.0,
        )

    def poll(self) -> list[EngineEvent]:
        """Events since the last poll, each reported exactly once."""
        if self._p.active:
            self._observe()
        events, self._p.events = self._p.events, []
        return events

    # --- transitions -----------------------------------------------------------------------

    def start(self, *, planned_end: datetime | None = None) -> None:
        """Start on the first active step. `planned_end` fixes the end time to land on (a hard
        stop); by default the session should end the plan's total minutes from now."""
        p = self._require(SessionState.NOT_STARTED)
        active = p.plan.active_steps
        if not active:
            raise IllegalTransitionError("the plan has no active steps to run")
        if planned_end is not None:
            duration = (planned_end - self._clock.now()).total_seconds()
            if duration <= 0:
                raise SessionError("the planned end is not in the future")
            p.planned_duration = duration
        else:
            p.planned_duration = float(p.plan.total_minutes * 60)
        now = self._clock.monotonic()
        p.session.start(now)
        p.state = SessionState.RUNNING
        self._enter(active[0].key, now)

    def next(self) -> None:
        now = self._observe(*_ACTIVE)
        following = self._next_of(self._current())
        if following is None:
            raise IllegalTransitionError("this is the last step; end the session instead")
        self._move_to(following.key, now)

    def back(self) -> None:
        now = self._observe(*_ACTIVE)
        earlier = self._p.plan.active_before(self._current())
        if not earlier:
            raise IllegalTransitionError("this is the first step; there is nothing to go back to")
        self._move_to(earlier[-1].key, now)

    def jump(self, key: str) -> None:
        now = self._observe(*_ACTIVE)
        if key not in self._p.plan:
            raise UnknownStepError(f"no step with key {key!r} in the plan")
        if self._p.plan.step(key).skipped:
            raise UnknownStepError(f"step {key!r} is skipped in the plan")
        if key != self._current():
            self._move_to(key, now)

    def pause(self) -> None:
        now = self._observe(SessionState.RUNNING)
        self._p.step.stop(now)
        self._p.paused.start(now)
        self._p.state = SessionState.PAUSED

    def resume(self) -> None:
        now = self._observe(SessionState.PAUSED)
        self._p.paused.stop(now)
        self._p.step.start(now)
        self._p.state = SessionState.RUNNING

    def extend(self, minutes: int) -> None:
        """Give the current step `minutes` more; added to its plan, recorded on its run."""
        if minutes <= 0:
            raise SessionError(f"an extension must be at least one minute, not {minutes}")
        now = self._observe(*_ACTIVE)
        self._p.record(self._current()).extended_seconds += minutes * 60
        # An extension is not a crossing: the next threshold counts from the new remaining time.
        self._p.last_remaining = self._p.remaining(now)

    def skip_phase(self) -> None:
        """End the current phase of a talk now, because the room is done early: the next one
        starts now with its full length, and the last one takes the time saved."""
        now = self._observe(*_ACTIVE)
        key = self._current()
        record = self._p.record(key)
        if len(record.phase_ends) >= len(self._p.phases(key)) - 1:
            raise IllegalTransitionError("this step has no later phase to move on to")
        record.phase_ends.append(self._p.step.elapsed(now))
        self._p.events.append(PhaseChanged(key, len(record.phase_ends)))

    def end(self) -> None:
        now = self._observe(*_ACTIVE)
        self._leave(now)
        self._p.session.stop(now)
        self._p.paused.stop(now)
        self._p.state = SessionState.ENDED
        self._p.ended_at = self._clock.now()

    def apply(self, proposal: LandingProposal) -> None:
        """Apply a landing proposal to the steps after the current one, and record it."""
        self._observe(*_ACTIVE)
        later = {step.key for step in self._p.plan.active_after(self._current())}
        for change in proposal.changes:
            if change.key not in later:
                raise StaleProposalError(f"step {change.key!r} is not a later step any more")
        self._p.plan = proposal.apply_to(self._p.plan)
        self._p.landings.append(AppliedLanding(self._clock.now(), proposal))

    # --- inside ----------------------------------------------------------------------------

    def _require(self, *states: SessionState) -> SessionProgress:
        if self._p.state not in states:
            allowed = " or ".join(state.value for state in states)
            raise IllegalTransitionError(
                f"not allowed while {self._p.state.value}; needs {allowed}"
            )
        return self._p

    def _current(self) -> str:
        if self._p.current is None:  # pragma: no cover - guarded by the state checks
            raise IllegalTransitionError("there is no current step")
        return self._p.current

    def _next_of(self, key: str) -> PlanStep | None:
        following = self._p.plan.active_after(key)
        return following[0] if following else None

    def _observe(self, *states: SessionState) -> float:
        """Check the state, then record thresholds the current step crossed since last time.

        Every transition observes first, so a step that ran out just before the leader moved on
        still reports it.
        """
        p = self._require(*states) if states else self._p
        now = self._clock.monotonic()
        if p.current is None:
            return now
        remaining = p.remaining(now)
        if p.last_remaining > 0 >= remaining:
            p.events.append(StepTimeUp(p.current))
        elif p.last_remaining > LAST_MINUTE_SECONDS >= remaining > 0:
            p.events.append(LastMinute(p.current))
        p.last_remaining = remaining
        self._observe_phases(p.current, p.step.elapsed(now))
        return now

    def _observe_phases(self, key: str, elapsed: float) -> None:
        """Record each phase boundary the step passed since last time, and report it once.

        Recording it fixes it: a later extension lays the phases out anew on the longer time,
        and must not move the room back into a phase it has left.
        """
        record = self._p.record(key)
        phases = self._p.phases(key)
        while len(record.phase_ends) < len(phases) - 1:
            ending = phases[len(record.phase_ends)]
            if elapsed < ending.end:
                break
            record.phase_ends.append(ending.end)
            self._p.events.append(PhaseChanged(key, len(record.phase_ends)))

    def _move_to(self, key: str, now: float) -> None:
        self._leave(now)
        self._enter(key, now)

    def _leave(self, now: float) -> None:
        p = self._p
        record = p.record(self._current())
        record.actual = p.step.elapsed(now)
        record.ended_at = self._clock.now()
        p.step.stop(now)

    def _enter(self, key: str, now: float) -> None:
        p = self._p
        record = p.record(key)
        record.visits += 1
        if record.started_at is None:
            record.started_at = self._clock.now()
        record.ended_at = None
        p.current = key
        p.step = Stopwatch(carried=record.actual)
        if p.state is SessionState.RUNNING:
            p.step.start(now)
        p.last_remaining = p.remaining(now)
