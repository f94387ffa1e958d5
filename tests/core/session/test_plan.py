from __future__ import annotations

import json
from datetime import timedelta

import pytest

from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.session.json_fields import FormatError
from facilitator.core.session.plan import PlanError, PlanStep, SessionPlan
from tests.core.session.builders import AFTERNOON, plan_of, step, three_steps


def test_active_steps_and_total_leave_out_skipped_steps() -> None:
    plan = three_steps().set_skipped("film", True)

    assert [s.key for s in plan.active_steps] == ["intro", "pairs"]
    assert plan.total_minutes == 15
    assert plan.keys == ("intro", "film", "pairs")


def test_editing_returns_a_new_plan_and_keeps_the_old_one() -> None:
    plan = three_steps()

    longer = plan.set_minutes("pairs", 15)

    assert plan.step("pairs").planned_minutes == 10
    assert longer.step("pairs").planned_minutes == 15
    assert longer.total_minutes == 30


def test_move_puts_the_step_at_the_new_index() -> None:
    plan = three_steps()

    assert plan.move("pairs", 0).keys == ("pairs", "intro", "film")
    assert plan.move("intro", 2).keys == ("film", "pairs", "intro")
    with pytest.raises(PlanError):
        plan.move("intro", 3)


def test_schedule_recomputes_start_times_after_an_edit() -> None:
    plan = three_steps()

    rows = plan.set_minutes("intro", 8).schedule(AFTERNOON)

    assert [(r.step.key, r.start.strftime("%H:%M"), r.end.strftime("%H:%M")) for r in rows] == [
        ("intro", "13:00", "13:08"),
        ("film", "13:08", "13:18"),
        ("pairs", "13:18", "13:28"),
    ]


def test_schedule_leaves_out_skipped_steps() -> None:
    rows = three_steps().set_skipped("film", True).schedule(AFTERNOON)

    assert [r.step.key for r in rows] == ["intro", "pairs"]
    assert rows[1].start == AFTERNOON + timedelta(minutes=5)


def test_insert_break_gets_a_unique_key_and_a_fixed_length() -> None:
    plan = three_steps().insert_break("film", 10).insert_break("film", 5)

    assert plan.keys == ("intro", "film", "break-2", "break-1", "pairs")
    pause = plan.step("break-1")
    assert pause.kind is StepKind.BREAK
    assert pause.title == "Rast"
    assert pause.has_fixed_length
    assert plan.total_minutes == 40
    assert plan.insert_break(None, 5).keys[0] == "break-3"


def test_fixed_length_defaults_by_kind_and_can_be_overridden() -> None:
    assert step("f", 5, StepKind.FILM).has_fixed_length
    assert not step("p", 5).has_fixed_length
    assert step("p", 5, fixed_length=True).has_fixed_length
    assert not step("f", 5, StepKind.FILM, fixed_length=False).has_fixed_length


def test_bad_edits_are_refused() -> None:
    plan = three_steps()

    with pytest.raises(PlanError):
        plan.set_minutes("nope", 5)
    with pytest.raises(PlanError):
        plan.set_minutes("intro", -1)
    with pytest.raises(PlanError):
        plan_of(step("a", 5), step("a", 5))


def test_round_trip_through_json_keeps_everything() -> None:
    plan = plan_of(
        step("intro", 5, StepKind.TEXT),
        step("pairs", 10, format=DiscussionFormat.PAIRS, optional=True),
        step("film", 4, StepKind.FILM, skipped=True, fixed_length=False),
    ).insert_break("intro", 10)

    stored = json.loads(json.dumps(plan.to_dict()))

    assert stored["schema_version"] == 1
    assert SessionPlan.from_dict(stored) == plan


def test_from_dict_refuses_a_newer_schema_and_damaged_fields() -> None:
    data = three_steps().to_dict()

    with pytest.raises(FormatError, match="schema_version"):
        SessionPlan.from_dict({**data, "schema_version": 99})
    broken = json.loads(json.dumps(data))
    broken["steps"][0]["planned_minutes"] = "5"
    with pytest.raises(FormatError, match="planned_minutes"):
        SessionPlan.from_dict(broken)
    broken["steps"][0] = {**data["steps"][0], "kind": "dance"}
    with pytest.raises(FormatError):
        SessionPlan.from_dict(broken)


def test_from_dict_reads_a_step_written_before_optional_fields_existed() -> None:
    minimal = {
        "key": "a",
        "module_id": "m",
        "step_id": "a",
        "kind": "prompt",
        "title": "A",
        "planned_minutes": 5,
    }

    assert PlanStep.from_dict(minimal) == PlanStep(
        key="a", module_id="m", step_id="a", kind=StepKind.PROMPT, title="A", planned_minutes=5
    )
