from __future__ import annotations

import json

import pytest

from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.errors import StaleProposalError
from facilitator.core.session.landing import (
    ChangeKind,
    LandingChange,
    LandingProposal,
    propose_landing,
)
from facilitator.core.session.plan import SessionPlan
from tests.core.session.builders import clock_at, plan_of, step


def late_by(plan: SessionPlan, minutes_over: int) -> SessionEngine:
    """A session whose first step ran `minutes_over` minutes over its plan."""
    clock = clock_at()
    engine = SessionEngine(plan, clock)
    engine.start()
    clock.advance((plan.active_steps[0].planned_minutes + minutes_over) * 60)
    return engine


def proposal_for(engine: SessionEngine, **options: int) -> LandingProposal:
    proposal = propose_landing(engine.status(), engine.plan, **options)
    assert proposal is not None
    return proposal


def test_later_steps_are_shortened_in_proportion_and_described_in_swedish() -> None:
    plan = plan_of(
        step("intro", 10, StepKind.TEXT),
        step("pairs", 10, title="Samtal i par", format=DiscussionFormat.PAIRS),
        step("groups", 20, title="Samtal i smågrupper"),
        step("round", 6, StepKind.REFLECTION, title="Reflektionsrunda"),
    )
    engine = late_by(plan, 8)

    proposal = proposal_for(engine)

    assert proposal.behind_minutes == 8
    assert proposal.lands_on_time
    assert proposal.saved_minutes == 8
    # Slack above the 2-minute floor is 8, 18 and 4: the cuts follow it.
    assert proposal.descriptions == [
        "Korta ”Samtal i par” från 10 till 8 min",
        "Korta ”Samtal i smågrupper” från 20 till 15 min",
        "Korta ”Reflektionsrunda” från 6 till 5 min",
    ]


def test_films_breaks_and_fixed_steps_are_never_shortened_nor_below_the_floor() -> None:
    plan = plan_of(
        step("intro", 5),
        step("film", 12, StepKind.FILM),
        step("coffee", 15, StepKind.BREAK),
        step("case", 10, fixed_length=True),
        step("talk", 6),
        step("round", 4),
    )
    engine = late_by(plan, 30)

    proposal = proposal_for(engine)

    assert [(c.key, c.to_minutes) for c in proposal.changes] == [("talk", 2), ("round", 2)]
    assert proposal.shortfall_minutes == 30 - 6
    assert not proposal.lands_on_time


def test_optional_steps_are_dropped_only_when_shortening_is_not_enough() -> None:
    plan = plan_of(
        step("intro", 10),
        step("talk", 10),
        step("extra", 8, StepKind.ACTIVITY, title="Fyra hörn", optional=True),
        step("round", 10),
    )
    shortening_is_enough = proposal_for(late_by(plan, 16))
    assert {c.kind for c in shortening_is_enough.changes} == {ChangeKind.SHORTEN}

    proposal = proposal_for(late_by(plan, 23))  # more than the 22 min of slack

    assert proposal.lands_on_time
    dropped = [c for c in proposal.changes if c.kind is ChangeKind.DROP]
    assert [(c.key, c.description) for c in dropped] == [
        ("extra", "Hoppa över ”Fyra hörn” (8 min)")
    ]
    # With the optional step gone, the rest is shortened only by what is still missing.
    assert sum(c.saved_minutes for c in proposal.changes if c.kind is ChangeKind.SHORTEN) == 15


def test_on_time_or_within_tolerance_proposes_nothing() -> None:
    plan = plan_of(step("a", 10), step("b", 10))

    assert propose_landing(late_by(plan, 0).status(), plan) is None
    assert propose_landing(late_by(plan, 1).status(), plan) is None
    assert propose_landing(late_by(plan, 3).status(), plan, tolerance_minutes=5) is None
    assert propose_landing(late_by(plan, 3).status(), plan) is not None


def test_nothing_to_change_proposes_nothing() -> None:
    plan = plan_of(step("a", 10), step("film", 5, StepKind.FILM))

    assert propose_landing(late_by(plan, 10).status(), plan) is None


def test_before_the_start_and_after_the_end_nothing_is_proposed() -> None:
    plan = plan_of(step("a", 10), step("b", 10))
    engine = SessionEngine(plan, clock_at())
    assert propose_landing(engine.status(), plan) is None

    late = late_by(plan, 5)
    late.end()
    assert propose_landing(late.status(), plan) is None


def test_apply_changes_the_plan_records_it_and_lands_the_session() -> None:
    plan = plan_of(step("a", 10), step("b", 20), step("c", 20), step("d", 10, optional=True))
    engine = late_by(plan, 10)
    proposal = proposal_for(engine)

    engine.apply(proposal)

    assert engine.initial_plan == plan
    assert engine.plan == proposal.apply_to(plan)
    assert [landing.proposal for landing in engine.landings] == [proposal]
    assert engine.landings[0].applied_at == engine.status().now
    assert engine.status().behind_seconds == 0
    engine.next()
    assert engine.status().step_planned_seconds < 20 * 60


def test_a_proposal_cannot_be_applied_twice_or_after_the_step_started() -> None:
    plan = plan_of(step("a", 10), step("b", 20), step("c", 20))
    engine = late_by(plan, 10)
    proposal = proposal_for(engine)
    engine.apply(proposal)

    with pytest.raises(StaleProposalError):
        engine.apply(proposal)

    other = late_by(plan, 10)
    other.next()
    with pytest.raises(StaleProposalError):
        other.apply(proposal)
    assert other.plan == plan
    assert other.landings == ()


def test_a_proposal_survives_json() -> None:
    proposal = LandingProposal(
        behind_minutes=6,
        changes=(
            LandingChange("b", "Samtal i par", ChangeKind.SHORTEN, 10, 6),
            LandingChange("c", "Fyra hörn", ChangeKind.DROP, 8, 0),
        ),
    )

    assert LandingProposal.from_dict(json.loads(json.dumps(proposal.to_dict()))) == proposal
    assert proposal.descriptions[0] == "Korta ”Samtal i par” från 10 till 6 min"
