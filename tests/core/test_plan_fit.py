"""A plan that grew past its chosen length is fitted by the landing rules: a break just added
and the film keep their minutes, the talk is shortened, and the result is the chosen length."""

from __future__ import annotations

from facilitator.core.content.kinds import StepKind
from facilitator.core.plan_fit import PlanLength, fit_to_length
from facilitator.core.session.plan import PlanStep, SessionPlan


def _plan() -> SessionPlan:
    def step(key: str, kind: StepKind, minutes: int, optional: bool = False) -> PlanStep:
        return PlanStep(key, "m", key, kind, key.capitalize(), minutes, optional=optional)

    return SessionPlan(
        "Grund 1",
        (
            step("intro", StepKind.TEXT, 5),
            step("film", StepKind.FILM, 20),
            step("samtal", StepKind.PROMPT, 30),
            step("ovning", StepKind.ACTIVITY, 15, optional=True),
            step("avslut", StepKind.CLOSING, 5),
        ),
    )


def test_a_plan_within_its_length_needs_nothing() -> None:
    plan = _plan()
    assert fit_to_length(plan, 75) is None
    assert PlanLength(plan.total_minutes, 75).over == 0


def test_an_added_break_is_kept_and_the_talk_shortened() -> None:
    plan = _plan().insert_break("samtal", 15)
    assert PlanLength(plan.total_minutes, 75).over == 15
    proposal = fit_to_length(plan, 75)
    assert proposal is not None and proposal.lands_on_time
    fitted = proposal.apply_to(plan)
    assert fitted.total_minutes == 75
    minutes = {step.key: step.planned_minutes for step in fitted.active_steps}
    assert minutes["film"] == 20 and minutes["break-1"] == 15
    assert minutes["samtal"] < 30 and minutes["ovning"] < 15
    assert all(change.description.startswith("Korta") for change in proposal.changes)


def test_when_shortening_is_not_enough_the_optional_step_goes() -> None:
    # Shortening every other step to two minutes would still leave it 1 min too long.
    plan = _plan().set_minutes("film", 68)
    proposal = fit_to_length(plan, 75)
    assert proposal is not None
    assert [c.key for c in proposal.changes if c.kind.value == "drop"] == ["ovning"]
    assert proposal.lands_on_time and proposal.apply_to(plan).total_minutes == 75
