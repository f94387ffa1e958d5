from pathlib import Path

import pytest

from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.plan_files import PlanFileError, load_plan, save_plan
from facilitator.core.session.plan import PlanStep, SessionPlan


def plan() -> SessionPlan:
    steps = (
        PlanStep("m/a", "m", "a", StepKind.TEXT, "Välkomna", 5),
        PlanStep("m/b", "m", "b", StepKind.PROMPT, "Samtal", 10, DiscussionFormat.PAIRS),
    )
    return SessionPlan("Grund 1 – Vad är kultur?", steps).insert_break("m/a", 10)


def test_round_trip_keeps_edits(tmp_path: Path) -> None:
    edited = plan().set_minutes("m/b", 12).set_skipped("m/a", True)
    path = save_plan(tmp_path / "tisdag", edited, (("m", "1.0.0"),))
    assert path.name == "tisdag.plan.json"
    saved = load_plan(path)
    assert saved.plan == edited
    assert saved.modules == (("m", "1.0.0"),)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("inte json", "går inte att läsa"),
        ('{"format": "annat"}', "ingen sparad plan"),
        ('{"format": "facilitator-plan", "format_version": 9}', "nyare version"),
        ('{"format": "facilitator-plan", "format_version": 1, "plan": {}}', "skadad"),
    ],
)
def test_bad_files_say_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "x.plan.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlanFileError, match=message):
        load_plan(path)
