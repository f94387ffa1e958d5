"""Small plans and a clock for the session tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from facilitator.core.clock import FakeClock
from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.session.plan import PlanStep, SessionPlan

STOCKHOLM_WINTER = timezone(timedelta(hours=1))
AFTERNOON = datetime(2024, 3, 14, 13, 0, tzinfo=STOCKHOLM_WINTER)


def clock_at(start: datetime = AFTERNOON) -> FakeClock:
    return FakeClock(start)


def step(
    key: str,
    minutes: int,
    kind: StepKind = StepKind.PROMPT,
    *,
    title: str | None = None,
    format: DiscussionFormat | None = None,
    optional: bool = False,
    skipped: bool = False,
    fixed_length: bool | None = None,
) -> PlanStep:
    return PlanStep(
        key=key,
        module_id="grund-1",
        step_id=key,
        kind=kind,
        title=title or key.capitalize(),
        planned_minutes=minutes,
        format=format,
        skipped=skipped,
        optional=optional,
        fixed_length=fixed_length,
    )


def plan_of(*steps: PlanStep, title: str = "Grund 1 – Vad är kultur?") -> SessionPlan:
    return SessionPlan(title=title, steps=steps)


def three_steps() -> SessionPlan:
    """Intro 5 min, film 10 min, pairs talk 10 min: a short, typical opening."""
    return plan_of(
        step("intro", 5, StepKind.TEXT),
        step("film", 10, StepKind.FILM),
        step("pairs", 10, title="Samtal i par", format=DiscussionFormat.PAIRS),
    )
