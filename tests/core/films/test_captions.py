from __future__ import annotations

import itertools

from facilitator.core.films.captions import (
    MIN_CUE,
    Caption,
    english_pieces,
    keep_on_screen,
    split_tracks,
)
from facilitator.core.films.lexicon import apply_lexicon
from facilitator.core.films.narration import plan_cues, split_sentences
from facilitator.core.films.script import parse_script
from facilitator.core.films.timeline import plan_timeline, utterances

RATE = 22050


def test_the_lexicon_replaces_whole_words_in_any_case_and_keeps_punctuation() -> None:
    lexicon = {"hen": "hänn", "hens": "hänns", "Samira": "Samiira"}
    said = apply_lexicon("Hen sa: hen, hens och Henrik. HEN! Samiras? samira.", lexicon)
    assert said == "hänn sa: hänn, hänns och Henrik. hänn! Samiras? Samiira."
    assert apply_lexicon("Hen.", {}) == "Hen."


def test_a_short_cue_grows_into_the_silence_after_it() -> None:
    cues = keep_on_screen([Caption(1.0, 1.3, "Ja."), Caption(3.0, 5.0, "Sedan.")], 10.0)
    assert [(c.start, c.end) for c in cues] == [(1.0, 2.0), (3.0, 5.0)]


def test_a_short_cue_between_touching_ones_is_joined_with_a_neighbour() -> None:
    cues = keep_on_screen(
        [
            Caption(0.0, 2.0, "Den första delen av meningen", "The first part"),
            Caption(2.0, 2.4, "roll.", "role."),
            Caption(2.4, 5.0, "En helt annan mening här.", "Another sentence."),
        ],
        5.0,
    )
    assert [c.sv for c in cues] == [
        "Den första delen av meningen roll.",
        "En helt annan mening här.",
    ]
    assert [c.en for c in cues] == ["The first part role.", "Another sentence."]
    assert all(c.seconds >= MIN_CUE for c in cues)


def test_two_speakers_in_one_cue_get_a_dash_each() -> None:
    cues = keep_on_screen(
        [Caption(0.0, 0.5, "Ja.", "Yes.", "a"), Caption(0.5, 0.9, "Nej.", "No.", "b")], 0.9
    )
    assert [(c.sv, c.en) for c in cues] == [("– Ja.\n– Nej.", "– Yes.\n– No.")]


def test_a_cue_that_cannot_be_joined_borrows_time_from_a_long_neighbour() -> None:
    long_text = "Ord " * 18
    cues = keep_on_screen([Caption(0.0, 6.0, long_text), Caption(6.0, 6.4, long_text)], 6.4)
    assert [(c.start, c.end) for c in cues] == [(0.0, 5.4), (5.4, 6.4)]


def test_english_is_cut_between_the_same_sentences_as_the_swedish() -> None:
    swedish = split_sentences(
        "Det här är en ganska lång första mening som fyller en hel textremsa. Kort. "
        "Och en tredje mening som också tar sin plats i en egen textremsa här."
    )
    plans = plan_cues(swedish)
    english = (
        "This is a rather long first sentence that fills a whole subtitle. Short. "
        "And a third sentence that also takes its place in a subtitle of its own."
    )
    pieces = english_pieces(english, swedish, plans)
    assert len(pieces) == len(plans) == 2
    # "Kort." shares the first Swedish cue, so "Short." ends the first English one.
    assert pieces[0].replace("\n", " ").endswith("subtitle. Short.")
    assert pieces[1].replace("\n", " ").startswith("And a third")


SHORT = """
title = "Korta meningar"

[characters.a]
name = "Ali"
[characters.b]
name = "Bo"

[[scenes]]
chapter = { id = "a", title = "A" }
heading = "Korta"
narration = '''Ja. Nej. Kanske. Det här är en lång mening som fortsätter och fortsätter tills den
inte får plats i en textremsa och måste delas i en roll. Okej. Bra.'''
narration_en = "Yes. No. Maybe. This is a long sentence that goes on. Okay. Good."

[[scenes]]
setting = "corridor"
characters = ["a", "b"]

[[scenes.lines]]
who = "a"
say = "Ja."
en = "Yes."

[[scenes.lines]]
who = "b"
say = "Nej."
en = "No."

[[scenes.lines]]
who = "a"
say = "Hm."
en = "Hm."
"""


def test_the_timing_of_short_sentences_keeps_every_cue_a_second() -> None:
    script = parse_script(SHORT)
    # About espeak-ng's pace at 150 words a minute: "Ja." takes a quarter of a second.
    lengths = [
        [[round(len(s) * 0.075 * RATE) for s in u.sentences] for u in utterances(sc, script)]
        for sc in script.scenes
    ]
    timeline = plan_timeline(script, lengths, RATE)
    swedish, english = split_tracks(timeline.captions)
    assert all(cue.end - cue.start >= MIN_CUE - 1e-6 for cue in swedish), swedish
    assert [(c.start, c.end) for c in english] == [(c.start, c.end) for c in swedish]
    assert all(a.end <= b.start for a, b in itertools.pairwise(swedish))
    assert swedish[-1].end <= timeline.duration
    # Every word is still there, in order.
    words = " ".join(c.text for c in swedish).replace("–", " ").split()
    said = " ".join(
        " ".join(u.sentences) for sc in script.scenes for u in utterances(sc, script)
    ).split()
    assert words == said
    # Each dialogue line has its own still, after the scene's opening one.
    assert [(s.scene, s.line) for s in timeline.shots] == [
        (0, None),
        (1, None),
        (1, 0),
        (1, 1),
        (1, 2),
    ]
