"""A projector question too long for one screen is a warning with its place in the file."""

from __future__ import annotations

from facilitator.core.content.question_checks import MAX_QUESTION_CHARS

from .test_variant_rules import edited, line_of, problems

SHORT = 'question = "Berätta om ett möte på jobbet där ni förstod varandra olika."'


def test_a_question_over_one_screen_is_a_warning() -> None:
    long = "Berätta om ett möte på jobbet där ni förstod varandra olika. " * 3
    text = edited((SHORT, f'question = "{long.strip()}"'))
    (problem,) = problems(text)
    assert not problem.is_error
    assert problem.field.endswith(".question")
    assert problem.line == line_of(text, long.strip())
    assert f"högst {MAX_QUESTION_CHARS} tecken" in problem.expected


def test_a_question_at_the_limit_passes() -> None:
    exact = ("Vad " * 100)[: MAX_QUESTION_CHARS - 1].strip() + "?"
    assert problems(edited((SHORT, f'question = "{exact}"'))) == ()
