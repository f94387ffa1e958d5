"""Alphabetical order. The expected lists are ICU 77's sv_SE and en_GB collators' orders."""

import random

import pytest

from facilitator.core.collation import sort_key

ISSUE_17 = ["Aaa", "Åsikter", "Ärlighet", "Ödmjukhet", "Zebror", "Éclair"]

SWEDISH = [
    "10 saker", "2 saker", "Aaa", "angest", "de Gaulle", "delta", "Delta", "eclair", "Eclair",
    "Éclair", "Esa", "Ésa", "Mandag", "Mote", "Måndag", "Mändag", "Möte", "Oa", "Ob", "ol",
    "Strasse", "Straße", "Vem", "Vi", "Wem", "x y", "x-y", "xa", "ybbs", "über", "yxa", "yz",
    "Zebror", "zulu", "Ångest", "Åsikter", "æble", "Ænes", "ära", "Ära", "Ärlighet", "Ö-spel",
    "Ödmjukhet", "Öl", "Øl",
]  # fmt: skip
ENGLISH = [
    "10 saker", "2 saker", "Aaa", "æble", "Ænes", "angest", "Ångest", "ära", "Ära", "Ärlighet",
    "Åsikter", "de Gaulle", "delta", "Delta", "eclair", "Eclair", "Éclair", "Esa", "Ésa",
    "Mandag", "Måndag", "Mändag", "Mote", "Möte", "Ö-spel", "Oa", "Ob", "Ödmjukhet", "ol",
    "Öl", "Øl", "Strasse", "Straße", "über", "Vem", "Vi", "Wem", "x y", "x-y", "xa", "ybbs",
    "yxa", "yz", "Zebror", "zulu",
]  # fmt: skip


def test_swedish_puts_a_ring_a_diaeresis_and_o_diaeresis_after_z() -> None:
    ordered = sorted(ISSUE_17, key=lambda text: sort_key(text, "sv"))
    assert ordered == ["Aaa", "Éclair", "Zebror", "Åsikter", "Ärlighet", "Ödmjukhet"]


def test_english_sorts_accented_letters_with_their_base_letter() -> None:
    ordered = sorted(ISSUE_17, key=lambda text: sort_key(text, "en"))
    assert ordered == ["Aaa", "Ärlighet", "Åsikter", "Éclair", "Ödmjukhet", "Zebror"]


# Swedish tailoring in Swedish, none in Latin-script words; space and hyphen before letters;
# accents, then case, break ties.
@pytest.mark.parametrize(("language", "expected"), [("sv", SWEDISH), ("en", ENGLISH)])
def test_matches_icu_order(language: str, expected: list[str]) -> None:
    shuffled = list(expected)
    random.Random(17).shuffle(shuffled)
    assert sorted(shuffled, key=lambda text: sort_key(text, language)) == expected


def test_equal_texts_in_other_normal_forms_sort_together() -> None:
    composed, decomposed = "Åsa", "A\u030asa"
    assert sort_key(composed, "sv")[:3] == sort_key(decomposed, "sv")[:3]
