"""A shorter length by keyboard keeps what the module cannot do without and asks only what the
session held: module 04 at 45 minutes runs every core step, leaves out "Rakt eller
försiktigt", and its evaluation in the close-out has count fields for the questions that
length asks, not for "verktyg" (which needs the step it left out). Judged by the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import EvaluationStep, Manifest
from facilitator.core.content.variant_scope import questions_in
from facilitator.core.paths import bundled_modules_dir
from tests.hands import closeout, focus, kept, keys, library, pixels, run_sheet
from tests.hands.app import launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

FOLDER = "04-fordjupning-4-kulturella-skillnader"
POSITION = 5  # its card in the library: after the guide and modules 01–03
SHORTEST = 45
LEFT_OUT = "rakt-eller-forsiktigt"
NOT_ASKED = "verktyg"  # requires LEFT_OUT
WOMEN, MEN = 9, 9  # 18: every question's counts below add up to no more


def module() -> Manifest:
    manifest = load_manifest(bundled_modules_dir() / FOLDER).manifest
    assert manifest is not None
    return manifest


def asked(manifest: Manifest) -> dict[str, int]:
    """Question id → number of options, for the questions the 45-minute length asks."""
    variant = manifest.variant(SHORTEST)
    step = next(s for s in manifest.steps if isinstance(s, EvaluationStep))
    return {q.id: len(q.options) for q in questions_in(step, variant.steps)}


def test_the_45_minute_length_keeps_core_steps_and_asks_only_what_it_held(
    desk: Desk, tmp_path: Path
) -> None:
    manifest = module()
    variant = manifest.variant(SHORTEST)
    core = {step.id for step in manifest.steps if step.core}
    questions = asked(manifest)
    # What the test relies on in the module itself; if the content moves, say so plainly.
    assert LEFT_OUT not in variant.steps and core, f"{FOLDER} changed: {variant.steps}"
    assert NOT_ASKED not in questions and len(questions) >= 2, f"asked: {questions}"

    with launched(desk, tmp_path / "app") as app:
        console = library.wait_until_usable(app)
        keys.focus(desk, console.id)
        library.choose_module(app, console, POSITION)
        library.shorter_length(app, console, POSITION)
        library.open_planner(app, console)
        run_sheet.start_session(app)

        plan = app.until(lambda: kept.session_plan(app.home), "the session's plan in the file")
        steps = plan["steps"]
        assert {s["module_id"] for s in steps} == {manifest.id}
        assert {s["variant_minutes"] for s in steps} == {SHORTEST}, "not the 45-minute plan"
        ids = [s["step_id"] for s in steps]
        assert ids == list(variant.steps), f"the plan's steps: {ids}"
        assert core <= set(ids), f"core steps missing: {core - set(ids)}"
        assert LEFT_OUT not in ids

        closeout.end_by_keyboard(app, console)
        closeout.type_counts(app, console, WOMEN, MEN)
        closeout.save_page(app)
        closeout.evaluation_page(app, console)
        pixels.keep(pixels.grab(desk, console.box), "short-variant-1-evaluation")
        # One count per option of each asked question, in order: 1, 2, 3, … 9, 1, …
        fields = sum(questions.values())
        typed = [index % 9 + 1 for index in range(fields)]
        closeout.type_counts(app, console, *typed)
        after = focus.move(app, console)  # past the last count: the page's buttons
        assert not closeout.is_count_field(after), f"more than {fields} count fields"
        pixels.keep(pixels.grab(desk, console.box), "short-variant-2-evaluation-counted")
        closeout.save_page(app)
        closeout.last_page(app, console)

        counts = app.until(lambda: kept.evaluation_counts(app.home), "the evaluation kept")
        expected = {}
        position = 0
        for question, options in questions.items():
            for option in range(options):
                expected[(question, option)] = typed[position]
                position += 1
        assert counts == expected
        assert not any(question == NOT_ASKED for question, _option in counts)
