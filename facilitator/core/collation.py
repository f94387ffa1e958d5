"""Alphabetical order for people: Swedish (CLDR's tailoring of the Unicode Collation Algorithm)
and English (the UCA's root order), for titles, module lists and reports.

Three levels, as in the UCA: letters first (Swedish: å, ä, ö after z; æ and ø count as ä and
ö; ü as y), then accents ("Eclair" before "Éclair"), then case ("delta" before "Delta"). Spaces
and punctuation sort before digits, and digits before letters, as the UCA's default
(non-ignorable) does. The orders were checked against ICU's sv and en collators
(tests/core/foundation/test_collation.py keeps the lists); docs/decisions/0015-collation.md says
why this is not ICU itself. Only ``unicodedata`` is imported: the library sorts with it on its
start-up path.
"""

from __future__ import annotations

import unicodedata

_LATIN = "abcdefghijklmnopqrstuvwxyz"
# Letters that are a base letter plus something the decomposition does not show: they sort
# with that letter and differ from it by an accent.
_STROKED = {"ø": "o", "đ": "d", "ð": "d", "ł": "l", "ħ": "h", "ŧ": "t", "ı": "i"}
# Letters that sort as two.
_EXPANDED = {"æ": "ae", "ß": "ss", "œ": "oe", "þ": "th", "ĳ": "ij"}
# Swedish tailoring: letter → (the letter it sorts as, accent rank among that letter's forms).
_SWEDISH = {
    "å": ("å", 0),
    "ä": ("ä", 0),
    "æ": ("ä", 1),
    "ö": ("ö", 0),
    "ø": ("ö", 1),
    "ü": ("y", 1),
}
_SWEDISH_LETTERS = _LATIN + "åäö"
_STROKE_MARK = 0x0338  # stands for the stroke in ø, đ, ł … as an accent
# The UCA's order of the common accents (acute, grave, breve, circumflex, caron, ring,
# diaeresis, double acute, tilde, dot, cedilla, ogonek, macron); others follow by code point.
_ACCENTS = {
    mark: rank
    for rank, mark in enumerate(
        (0x301, 0x300, 0x306, 0x302, 0x30C, 0x30A, 0x308, 0x30B, 0x303, 0x307, 0x327, 0x328, 0x304)
    )
}
# The UCA's order of ASCII punctuation and symbols; others follow by code point.
_MARKS = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"

# Primary groups, in the UCA's order.
_SPACE, _PUNCTUATION, _SYMBOL, _DIGIT, _LATIN_LETTER, _OTHER_LETTER = range(6)

Key = tuple[tuple[tuple[int, int], ...], tuple[tuple[int, ...], ...], tuple[int, ...], str]


def sort_key(text: str, language: str) -> Key:
    """A key for ``sorted``: Swedish order for "sv", English (root) order otherwise."""
    swedish = language == "sv"
    letters = _SWEDISH_LETTERS if swedish else _LATIN
    primary: list[tuple[int, int]] = []
    secondary: list[tuple[int, ...]] = []
    tertiary: list[int] = []
    for char in unicodedata.normalize("NFC", text):
        lower = char.lower()
        upper = 1 if lower != char else 0
        for base, accents in _elements(lower, swedish):
            primary.append(_primary(base, letters))
            secondary.append(accents)
            tertiary.append(upper)
    return tuple(primary), tuple(secondary), tuple(tertiary), text


def _elements(char: str, swedish: bool) -> list[tuple[str, tuple[int, ...]]]:
    """The collation elements of one lower-case character: (base letter, accent marks)."""
    if swedish and char in _SWEDISH:
        base, rank = _SWEDISH[char]
        return [(base, (rank,) if rank else ())]
    if char in _EXPANDED:
        return [(part, ()) for part in _EXPANDED[char]]
    if char in _STROKED:
        return [(_STROKED[char], (_STROKE_MARK,))]  # after every accent in _ACCENTS
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[:1]
    marks = tuple(
        _ACCENTS.get(ord(mark), ord(mark)) for mark in decomposed[1:] if unicodedata.combining(mark)
    )
    if swedish and decomposed[:2] in ("a\u030a", "a\u0308", "o\u0308"):
        # å, ä, ö carrying a further accent (ǟ, ȫ …) are still the Swedish letters.
        return [(unicodedata.normalize("NFC", decomposed[:2]), marks[1:])]
    return [(base, marks)] if base else [(char, ())]


def _primary(base: str, letters: str) -> tuple[int, int]:
    position = letters.find(base)
    if position >= 0:
        return _LATIN_LETTER, position
    category = unicodedata.category(base)
    if category == "Zs" or base in "\t\n\r":
        return _SPACE, ord(base)
    rank = _MARKS.find(base)
    if rank >= 0:
        return _PUNCTUATION, rank
    if category.startswith("P"):
        return _PUNCTUATION, 0x100 + ord(base)
    if category.startswith("S"):
        return _SYMBOL, ord(base)
    if category == "Nd":
        return _DIGIT, unicodedata.digit(base)
    return _OTHER_LETTER, ord(base)
