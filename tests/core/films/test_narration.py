from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.films.narration import (
    LINE_CHARS,
    MAX_LINES,
    CuePlan,
    plan_cues,
    split_sentences,
    time_cues,
)


def test_sentences_respect_abbreviations_and_paragraphs() -> None:
    text = "Vi lär oss t.ex. hemma. Sedan? ”Ja” sa hon! 2016 kom många.\n\nNytt stycke utan punkt"
    assert split_sentences(text) == [
        "Vi lär oss t.ex. hemma.",
        "Sedan?",
        "”Ja” sa hon!",
        "2016 kom många.",
        "Nytt stycke utan punkt",
    ]


def test_short_sentences_share_a_cue_one_per_line() -> None:
    plans = plan_cues(["Hej.", "Välkomna hit.", "Nu börjar vi med en fråga till er alla."])
    assert plans[0].text == "Hej. Välkomna hit.\nNu börjar vi med en fråga till er alla."
    assert (plans[0].start, plans[0].end) == ((0, 0.0), (2, 1.0))


def test_long_sentence_is_split_at_a_comma() -> None:
    sentence = (
        "Den förändras hela tiden, och den finns hos alla – också hos den som säger att hon "
        "inte har någon kultur alls, eftersom det egna känns självklart."
    )
    plans = plan_cues([sentence])
    assert len(plans) > 1
    assert plans[0].text.endswith(",") or plans[1].text.startswith("–")
    assert plans[0].start == (0, 0.0) and plans[-1].end == (0, 1.0)
    for before, after in itertools.pairwise(plans):
        assert before.end == after.start


def test_timing_follows_sentence_spans() -> None:
    plans = [CuePlan("a", (0, 0.0), (0, 0.5)), CuePlan("b", (0, 0.5), (1, 1.0))]
    cues = time_cues(plans, [(1.0, 3.0), (3.5, 5.0)])
    assert [(c.start, c.end) for c in cues] == [(1.0, 2.0), (2.0, 5.0)]


_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö", min_size=1, max_size=14)
_sentence = st.lists(_word, min_size=1, max_size=40).map(lambda ws: " ".join(ws).capitalize() + ".")


@settings(max_examples=200, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=8))
def test_cues_fit_and_keep_every_word_in_order(sentences: list[str]) -> None:
    plans = plan_cues(split_sentences(" ".join(sentences)))
    for plan in plans:
        lines = plan.text.split("\n")
        assert len(lines) <= MAX_LINES
        assert all(len(line) <= LINE_CHARS for line in lines)
    assert " ".join(p.text.replace("\n", " ") for p in plans).split() == " ".join(sentences).split()
    spans = [(float(i), i + 0.9) for i in range(len(sentences))]
    cues = time_cues(plans, spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(cues))
    assert all(c.start <= c.end for c in cues)
