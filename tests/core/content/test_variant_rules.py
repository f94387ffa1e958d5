"""The second edition's rules: core steps, steps a question or goal requires, a variant's own
leader notes, the formats' minimum lengths and sources cited in full."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.content.loader import parse_manifest
from facilitator.core.content.problems import Problem
from facilitator.core.content.validate import check_loaded

from .conftest import EXAMPLE

TEXT = (EXAMPLE / "module.toml").read_text(encoding="utf-8")
VARIANT_45 = (
    'minutes = 45\nsteps = ["valkommen", "film", "samtal-1", "runda", "utvardering", "avslutning"]'
)


def problems(text: str) -> tuple[Problem, ...]:
    return check_loaded(parse_manifest(text, Path("m"))).problems


def edited(*changes: tuple[str, str]) -> str:
    text = TEXT
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_the_example_keeps_every_rule() -> None:
    assert problems(TEXT) == ()


def test_a_variant_without_a_core_step() -> None:
    text = edited(('id = "isberget"\n', 'id = "isberget"\ncore = true\n'))
    (problem,) = problems(text)
    assert problem.is_error and problem.field == "variants[0].steps"
    assert "isberget" in problem.found and "45" in problem.found
    assert problem.line == line_of(text, VARIANT_45) + 1


def test_a_core_flag_must_be_a_boolean() -> None:
    (problem,) = problems(edited(('id = "runda"\n', 'id = "runda"\ncore = "ja"\n')))
    assert problem.field == "steps[5].core"


def test_required_steps_must_exist() -> None:
    text = edited(('requires = ["isberget"]       #', 'requires = ["isberg"]       #'))
    (problem,) = problems(text)
    assert problem.field == "steps[6].questions[1].requires[0]"
    assert "isberg" in problem.found and "(menade du ”isberget”?)" in problem.found
    assert problem.line == line_of(text, 'requires = ["isberg"]')
    text = edited(('requires = ["isberget"] }', 'requires = ["runda", "isbergt"] }'))
    (problem,) = problems(text)
    assert problem.field == "learning_goals[1].requires[1]"
    assert "(menade du ”isberget”?)" in problem.found


def test_leader_notes_override_names_steps_of_its_variant() -> None:
    (problem,) = problems(edited(('"samtal-1" = """\nLåt', '"isberget" = """\nLåt')))
    assert problem.field == "variants[0].leader_notes_override.isberget"
    assert "ingår inte i varianten" in problem.found


def test_a_variant_must_ask_a_question() -> None:
    text = edited(
        (
            "positive_options = [0, 1]     # which options count towards it\n",
            'positive_options = [0, 1]\nrequires = ["isberget"]\n',
        )
    )
    (problem,) = problems(text)
    assert problem.field == "variants[0].steps[4]" and "utvardering" in problem.found


def test_format_minimums() -> None:
    # Pairs need 6 minutes: 5 in the 57-minute variant is too short (the time moves to a break).
    text = edited(
        (
            'id = "samtal-1"\nkind = "prompt"\ntitle = "Egna erfarenheter"\nminutes = 10',
            'id = "samtal-1"\nkind = "prompt"\ntitle = "Egna erfarenheter"\nminutes = 5',
        ),
        (
            'id = "paus"\nkind = "break"\ntitle = "Rast"\nminutes = 10',
            'id = "paus"\nkind = "break"\ntitle = "Rast"\nminutes = 15',
        ),
    )
    (problem,) = problems(text)
    assert problem.is_error and problem.field == "variants[1].steps[2]"
    assert "samtal-1" in problem.found and "5 min" in problem.found and "57" in problem.found
    assert "minst 6 min" in problem.expected
    # The 45-minute variant's override is where its minutes are set, so that is the line.
    text = edited(
        ('minutes_override = { "samtal-1" = 23 }', 'minutes_override = { "samtal-1" = 11 }'),
        ('format = "pairs"', 'format = "1-2-4-all"'),
        ('title = "Välkomna"\nminutes = 5', 'title = "Välkomna"\nminutes = 17'),
        ('"samtal-1" = """\nLåt', '"runda" = """\nLåt'),
    )
    found = [p for p in problems(text) if "”samtal-1”" in p.found]
    assert [p.field for p in found] == [
        "variants[0].minutes_override.samtal-1",
        "variants[1].steps[2]",
    ]
    assert found[0].line == line_of(text, 'minutes_override = { "samtal-1" = 11 }')
    assert "minst 12 min" in found[0].expected


def test_notes_written_for_the_shorter_time_allow_it() -> None:
    text = edited(
        ('minutes_override = { "samtal-1" = 23 }', 'minutes_override = { "samtal-1" = 4 }'),
        ('title = "Välkomna"\nminutes = 5', 'title = "Välkomna"\nminutes = 24'),
        ("minutes = 57\n", "minutes = 76\n"),
    )
    assert problems(text) == ()


def test_sources_cited_in_full() -> None:
    text = edited(('publisher = "Anchor Press/Doubleday"', 'publisher = "Anchor (E. T. Hall)"'))
    (problem,) = problems(text)
    assert not problem.is_error and problem.field == "sources[1].publisher"
    assert problem.line == line_of(text, 'publisher = "Anchor (E. T. Hall)"')
    (problem,) = problems(edited(("year = 1976\n", "")))
    assert not problem.is_error and problem.field == "sources[1]"
    assert "varken år eller adress" in problem.found
    with_url = edited(("year = 1976\n", 'url = "https://example.org/beyond"\n'))
    assert problems(with_url) == ()
    # A source that carries no date says so, and is cited "(u.å.)" instead.
    assert problems(edited(("year = 1976\n", "undated = true\n"))) == ()
