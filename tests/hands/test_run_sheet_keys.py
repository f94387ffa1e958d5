"""Making a plan by keyboard: a shorter length in the library, then in the run sheet other
minutes for one step, the next step left out and moved down a row; the session starts with
exactly that plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.content.loader import load_manifest
from facilitator.core.paths import bundled_modules_dir
from facilitator.core.planning import ModuleChoice, plan_for
from facilitator.core.session.plan import SessionPlan
from tests.hands import kept, keys, library, pixels, run_sheet
from tests.hands.app import launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

FOLDER = "01-grund-1-vad-ar-kultur"  # the second card in the library
SHORTEST = 45
NEW_MINUTES = 8


def expected_plan() -> SessionPlan:
    """The module's 45-minute plan, with the changes the test makes by keyboard."""
    manifest = load_manifest(bundled_modules_dir() / FOLDER).manifest
    assert manifest is not None
    plan = plan_for([ModuleChoice(manifest, manifest.variant(SHORTEST))])
    first, second = plan.steps[0].key, plan.steps[1].key
    return plan.set_minutes(first, NEW_MINUTES).set_skipped(second, True).move(second, 2)


def test_length_minutes_leaving_out_and_moving_a_step_by_keyboard(
    desk: Desk, tmp_path: Path
) -> None:
    with launched(desk, tmp_path / "app") as app:
        console = library.wait_until_usable(app)
        keys.focus(desk, console.id)
        library.choose_module(app, console, position=2)
        library.shorter_length(app, console, position=2)
        library.open_planner(app, console)

        minutes = run_sheet.first_row_minutes(app, console)
        run_sheet.set_minutes(app, minutes, NEW_MINUTES)
        run_sheet.leave_out_next_row(app, console, minutes)
        run_sheet.move_selected_down(app, console)  # the row left out is the selected one
        pixels.keep(pixels.grab(desk, console.box), "run-sheet-edited")
        run_sheet.start_session(app)

        plan = app.until(lambda: kept.session_plan(app.home), "the session's plan in the file")
        assert plan["steps"] == expected_plan().to_dict()["steps"]
