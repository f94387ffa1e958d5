"""A session runs its variant: the console shows the variant's leader notes, the evaluation
card and the close-out ask only the questions whose steps the plan has."""

from __future__ import annotations

from facilitator.core.application.presentation import SessionView
from facilitator.core.planning import evaluation_questions, module_step_ids, variant_of
from facilitator.core.session.plan import SessionPlan
from tests.core.application.rig import example_plan, open_storage, sessions


def _view(minutes: int, key: str, plan_change=None) -> SessionView:  # type: ignore[no-untyped-def]
    plan, modules = example_plan(minutes)
    if plan_change is not None:
        plan = plan_change(plan)
    service = sessions(open_storage()).begin(plan, modules)
    service.jump(f"exempel-modul/{key}")
    assert service.view is not None
    return service.view


def test_the_plan_remembers_each_steps_variant() -> None:
    plan, _modules = example_plan(45)
    assert {step.variant_minutes for step in plan.steps} == {45}
    assert variant_of(plan, "exempel-modul") == 45
    again = SessionPlan.from_dict(plan.to_dict())
    assert again == plan
    older = plan.to_dict()
    for step in older["steps"]:
        del step["variant_minutes"]  # a plan saved before variants had notes of their own
    assert variant_of(SessionPlan.from_dict(older), "exempel-modul") is None


def test_the_console_shows_the_variants_notes() -> None:
    assert "Låt paren prata i tio minuter" in _view(45, "samtal-1").console.notes_markdown
    assert "Låt paren prata i fem minuter" in _view(57, "samtal-1").console.notes_markdown


def test_only_the_questions_of_the_variant_are_asked() -> None:
    short = _view(45, "utvardering").card.items
    assert len(short) == 1 and short[0].startswith("1. Har du fått mer kunskap")
    assert len(_view(57, "utvardering").card.items) == 2
    # A step the leader leaves out of the plan takes its question with it.
    without = _view(57, "utvardering", lambda p: p.set_skipped("exempel-modul/isberget", True))
    assert len(without.card.items) == 1


def test_the_close_out_asks_the_same_questions() -> None:
    for minutes, expected in ((45, ["kunskap"]), (57, ["kunskap", "isberget"])):
        plan, modules = example_plan(minutes)
        manifests = [m.manifest for m in modules.values()]
        asked = evaluation_questions(manifests, plan)
        assert [(m, q.id) for m, q in asked] == [("exempel-modul", q) for q in expected]
        assert "isberget" in module_step_ids(plan, "exempel-modul") or minutes == 45
