"""The self-study path: the longest variant's steps one person walks, in the module's own words
for one person where it has them and in its group texts where it has not."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.loader import load_manifest, parse_manifest
from facilitator.core.content.manifest import Manifest
from facilitator.core.content.self_study_path import (
    estimated_minutes,
    longest_variant,
    self_study_introduction,
    self_study_steps,
)

from .conftest import EXAMPLE, ROOT
from .test_variant_rules import edited

BREAK = 'kind = "break"\ntitle = "Rast"\nminutes = 10\nleader_notes = "Håll tiden."\n'
EVALUATION = 'leader_notes = "Räkna handuppräckning per svarsalternativ."\n'


def manifest_of(text: str) -> Manifest:
    loaded = parse_manifest(text, Path("m"))
    assert loaded.manifest is not None, [p.describe() for p in loaded.problems]
    return loaded.manifest


def test_the_example_path() -> None:
    manifest = load_manifest(EXAMPLE).manifest
    assert manifest is not None
    steps = {step.step_id: step for step in self_study_steps(manifest)}
    # The 57-minute variant's order; the welcome says skip, the break and evaluation are left.
    assert list(steps) == ["film", "samtal-1", "isberget", "runda", "avslutning"]

    film = steps["film"]
    assert (film.kind, film.title, film.text) == (StepKind.FILM, "Film: Exempel", "")
    assert film.question == "Vad fastnade du för i filmen?"  # the group's question_after
    assert film.instructions is None and film.minutes == 4

    talk = steps["samtal-1"]
    assert talk.text == "Berätta om ett möte på jobbet där ni förstod varandra olika."
    assert talk.question is not None and talk.question.startswith("Tänk på ett möte")
    assert talk.instructions is None
    assert talk.minutes == 10  # the longest variant has no override: the step's own ten

    iceberg = steps["isberget"]
    assert iceberg.text.startswith("Skriv på lapparna")  # what the room would see
    assert iceberg.instructions is not None and iceberg.instructions.startswith("Rita ett isberg")
    assert iceberg.question is None
    assert iceberg.minutes == 10  # the author's estimate, not the group's 15

    round_ = steps["runda"]
    assert round_.question == round_.text == "Vad tar du med dig härifrån?"
    closing = steps["avslutning"]
    assert (closing.text, closing.question, closing.instructions) == ("Tack för i dag!", None, None)

    assert self_study_introduction(manifest) is not None
    assert "på egen hand" in (self_study_introduction(manifest) or "")


def test_without_wording_the_group_texts_stand() -> None:
    text = edited(
        ("[steps.self_study]            # optional", "# [steps.self_study]"),
        ("skip = true ", "# skip = true "),
        ('[steps.self_study]\nquestion = "Tänk', '# [steps.self_study]\nx-question = "Tänk'),
    )
    text = text.replace('x-question = "Tänk', '# question = "Tänk', 1)
    steps = {step.step_id: step for step in self_study_steps(manifest_of(text))}
    assert next(iter(steps)) == "valkommen"
    welcome = steps["valkommen"]
    assert welcome.text.strip() == "Välkomna till dagens samtal!"
    assert (welcome.question, welcome.instructions, welcome.minutes) == (None, None, 5)
    talk = steps["samtal-1"]
    assert (
        talk.question == talk.text == "Berätta om ett möte på jobbet där ni förstod varandra olika."
    )


def test_a_break_and_an_evaluation_can_ask_to_stay() -> None:
    text = edited(
        (BREAK, BREAK + "[steps.self_study]\nskip = false\n"),
        (EVALUATION, EVALUATION + "[steps.self_study]\nskip = false\nminutes = 2\n"),
    )
    steps = {step.step_id: step for step in self_study_steps(manifest_of(text))}
    assert "paus" in steps and steps["paus"].text == "" and steps["paus"].minutes == 10
    evaluation = steps["utvardering"]
    assert evaluation.text == (
        "- Har du fått mer kunskap om ämnet?\n- Hjälpte isberget dig att se det som inte syns?"
    )
    assert (evaluation.question, evaluation.minutes) == (None, 2)


def test_skip_leaves_out_any_step() -> None:
    text = edited(('question = "Tänk på ett möte', 'skip = true\nquestion = "Tänk på ett möte'))
    assert "samtal-1" not in [step.step_id for step in self_study_steps(manifest_of(text))]


def test_the_estimate_uses_the_longest_variants_minutes() -> None:
    # An override in the longest variant is the step's time there.
    last = '"runda", "utvardering", "avslutning"]\n\n#'
    text = edited((last, last.replace("\n\n#", '\nminutes_override = { "runda" = 0 }\n\n#')))
    text = text.replace("minutes = 57", "minutes = 49")
    manifest = manifest_of(text)
    assert longest_variant(manifest).minutes == 49
    steps = {step.step_id: step for step in self_study_steps(manifest)}
    assert steps["runda"].minutes == 1  # never "0 minutes"


@pytest.mark.parametrize(
    ("group", "alone"),
    [(0, 1), (1, 1), (7, 7), (10, 10), (11, 10), (12, 10), (13, 15), (23, 25), (25, 25),
     (240, 120)],
)  # fmt: skip
def test_the_estimate_rounds_long_steps_to_five(group: int, alone: int) -> None:
    assert estimated_minutes(group) == alone


MODULE = ROOT / "modules" / "01-grund-1-vad-ar-kultur"


def test_a_bundled_module() -> None:
    manifest = load_manifest(MODULE).manifest
    assert manifest is not None
    steps = self_study_steps(manifest)
    variant = longest_variant(manifest)
    ids = [step.step_id for step in steps]
    assert ids == [s for s in variant.steps if s in ids], "in the longest variant's order"
    kinds = {step.kind for step in steps}
    assert StepKind.BREAK not in kinds and StepKind.EVALUATION not in kinds
    assert {StepKind.FILM, StepKind.PROMPT, StepKind.ACTIVITY, StepKind.REFLECTION} <= kinds
    for step in steps:
        assert 1 <= step.minutes <= 120
        assert step.title
        if step.kind in (StepKind.PROMPT, StepKind.REFLECTION, StepKind.FILM):
            assert step.question, step.step_id
        if step.kind is StepKind.ACTIVITY:
            assert step.instructions, step.step_id
        if step.kind is not StepKind.FILM:
            assert step.text, step.step_id


def test_an_activitys_statements_come_along() -> None:
    # Four corners alone: the statements are shown with the instructions, written once in the
    # module (its `statements`), not copied into the self-study text.
    folder = ROOT / "modules" / "06-fordjupning-6-jamstalldhet-normer-diskriminering"
    manifest = load_manifest(folder).manifest
    assert manifest is not None
    corners = [s for s in self_study_steps(manifest) if s.statements]
    assert corners and len(corners[0].statements) == 5
    assert "påstående i taget" in (corners[0].instructions or "")
