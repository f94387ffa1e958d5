"""Self-study wording is validated like the rest of the manifest: strict keys, each key on a step
kind it suits, minutes in range, and a warning for words that address a group."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator.core.content.loader import parse_manifest
from facilitator.core.content.problems import Problem

from .test_variant_rules import TEXT, edited, line_of, problems

PROMPT_WORDING = '[steps.self_study]\nquestion = "Tänk på ett möte på jobbet'
ACTIVITY_WORDING = '[steps.self_study]\ninstructions = "Rita ett isberg.'
BREAK = 'kind = "break"\ntitle = "Rast"\nminutes = 10\nleader_notes = "Håll tiden."\n'


def only(found: tuple[Problem, ...]) -> Problem:
    assert len(found) == 1, [p.describe() for p in found]
    return found[0]


def load_problems(text: str) -> tuple[Problem, ...]:
    loaded = parse_manifest(text, Path("m"))
    assert loaded.manifest is None
    return loaded.problems


def test_the_example_uses_every_key_and_is_clean() -> None:
    for key in ("[self_study]", "introduction = ", "question = ", "instructions = "):
        assert key in TEXT
    assert "skip = true" in TEXT and "minutes = 10 " in TEXT
    assert problems(TEXT) == ()


def test_an_unknown_key_names_the_allowed_ones() -> None:
    text = edited((PROMPT_WORDING, PROMPT_WORDING.replace("question", "questoin")))
    problem = only(load_problems(text))
    assert problem.field == "steps[2].self_study.questoin"
    assert problem.line == line_of(text, "questoin = ")
    assert "(menade du ”question”?)" in problem.expected


def test_an_unknown_key_in_the_module_table() -> None:
    text = edited(('introduction = """\nDu går', 'intro = """\nDu går'))
    found = load_problems(text)
    fields = {p.field for p in found}
    assert fields == {"self_study.intro", "self_study.introduction"}, found
    unknown = next(p for p in found if p.field == "self_study.intro")
    assert unknown.line == line_of(text, "intro = ")
    assert "Tillåtna nycklar här: introduction" in unknown.expected


def test_a_question_on_an_activity_says_what_fits() -> None:
    text = edited((ACTIVITY_WORDING, ACTIVITY_WORDING.replace("instructions", "question")))
    problem = only(problems(text))
    assert problem.is_error
    assert problem.file == "module.toml"
    assert problem.field == "steps[3].self_study.question"
    assert problem.line == line_of(text, 'question = "Rita')
    assert "”activity”" in problem.found
    assert "film, prompt, reflection" in problem.expected
    assert "ett activity-steg tar instructions" in problem.expected


def test_instructions_on_a_prompt_says_what_fits() -> None:
    text = edited((PROMPT_WORDING, PROMPT_WORDING.replace("question", "instructions")))
    problem = only(problems(text))
    assert problem.field == "steps[2].self_study.instructions"
    assert problem.line == line_of(text, 'instructions = "Tänk')
    assert "text, activity, closing" in problem.expected
    assert "ett prompt-steg tar question" in problem.expected


def test_a_break_takes_only_minutes_and_skip() -> None:
    text = edited((BREAK, BREAK + '[steps.self_study]\nquestion = "Hur mår du?"\n'))
    problem = only(problems(text))
    assert problem.field == "steps[4].self_study.question"
    assert "ett break-steg tar bara minutes och skip" in problem.expected
    assert problems(edited((BREAK, BREAK + "[steps.self_study]\nskip = false\n"))) == ()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", "ska vara minst 1"),
        ("121", "får vara högst 120"),
        ('"10"', "ska vara ett heltal"),
        ("true", "ska vara ett heltal"),
        ("2.5", "ska vara ett heltal"),
    ],
)
def test_minutes_are_a_whole_number_from_1_to_120(value: str, expected: str) -> None:
    text = edited(("minutes = 10                  # a quiet", f"minutes = {value}  # a quiet"))
    problem = only(load_problems(text))
    assert problem.field == "steps[3].self_study.minutes"
    assert problem.line == line_of(text, f"minutes = {value}  #")
    assert problem.expected == expected


def test_skip_is_true_or_false() -> None:
    text = edited(("skip = true ", 'skip = "ja" '))
    problem = only(load_problems(text))
    assert problem.field == "steps[0].self_study.skip"
    assert problem.expected == "ska vara true eller false"


def test_an_empty_question_and_an_empty_introduction() -> None:
    text = edited((PROMPT_WORDING, '[steps.self_study]\nquestion = ""\nx = "Tänk på ett möte'))
    assert "steps[2].self_study.question" in {p.field for p in load_problems(text)}
    start = TEXT.index('introduction = """\nDu går')
    end = TEXT.index('"""', start + 20) + 3
    text = TEXT[:start] + 'introduction = "  "' + TEXT[end:]
    problem = only(load_problems(text))
    assert (problem.field, problem.expected) == ("self_study.introduction", "får inte vara tom")


def test_words_for_a_group_are_a_warning_with_the_phrase_and_the_line() -> None:
    wording = (
        '[steps.self_study]\ninstructions = """\nRita ett isberg.\nVänd dig till\nden bredvid."""'
    )
    text = edited(
        (
            ACTIVITY_WORDING + ' Skriv det som syns av din kultur ovanför ytan, resten under."',
            wording,
        )
    )
    problem = only(problems(text))
    assert not problem.is_error
    assert problem.field == "steps[3].self_study.instructions"
    assert problem.line == line_of(text, 'instructions = """')
    assert "”Vänd dig till”, ”den bredvid”" in problem.found
    assert "med en kollega" in problem.expected


@pytest.mark.parametrize("phrase", ["i par", "i  gruppen", "varvet runt", "alla i rummet"])
def test_every_group_phrase_is_found(phrase: str) -> None:
    text = edited(('Vad hände?"', f'Prata om det {phrase}."'))
    problem = only(problems(text))
    assert problem.field == "steps[2].self_study.question"
    assert " ".join(phrase.split()) in problem.found


def test_the_introduction_is_checked_too_and_whole_words_only() -> None:
    text = edited(("Skriv dina svar", "Gör det i gruppen eller ensam. Skriv dina svar"))
    assert only(problems(text)).field == "self_study.introduction"
    # "i paret", "i parken" and "med en kollega" speak to one person
    text = edited(('Vad hände?"', 'Vad sa de i paret i parken? Prata med en kollega."'))
    assert problems(text) == ()


def test_group_texts_are_not_checked() -> None:
    # The group's own words address the group; only the self-study wording must not.
    text = edited(("Gå runt och lyssna.", "Vänd dig till den bredvid."))
    assert problems(text) == ()


def test_an_introduction_that_looks_like_a_path() -> None:
    start = TEXT.index('introduction = """\nDu går')
    end = TEXT.index('"""', start + 20) + 3
    text = TEXT[:start] + 'introduction = "texts/sjalvstudier.md"' + TEXT[end:]
    problem = only(problems(text))
    assert not problem.is_error
    assert problem.field == "self_study.introduction"
    assert "inte en fil" in problem.expected


def test_a_module_without_wording_is_valid() -> None:
    text = re.sub(r"\[(?:steps\.)?self_study\][^\n]*\n(?:(?!\[)[^\n]+\n)*", "", TEXT)
    manifest = parse_manifest(text, Path("m")).manifest
    assert manifest is not None
    assert manifest.self_study is None
    assert all(step.self_study is None for step in manifest.steps)
    assert problems(text) == ()
