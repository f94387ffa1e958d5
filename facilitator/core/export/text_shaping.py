"""Text in any of the group's scripts, made printable with the bundled fonts.

reportlab draws glyphs left to right, one font per run, and does no shaping of its own here
(its RTL path needs a package that is not on the registry). So:

* every run of text gets the font of its script (``split_runs``);
* text in a script no bundled font covers is replaced by a visible note rather than boxes
  (``substitute_unshowable``); emoji come from a black-and-white emoji font;
* right-to-left text is joined (arabic_reshaper picks the joined letter forms; joining never
  crosses a space, so no word changes), then wrapped in logical order, and only then each
  line is reordered for display (python-bidi) — reordering before wrapping would put the
  last words on the first line;
* Arabic marks (harakat: tanween, shadda, the kasra of the Persian ezafe …) are kept, in
  their typed place after their letter. Their glyphs have no width and reach out to the right
  of where they are drawn, so they must come just before their letter in drawing order —
  which is where the right-to-left reordering puts them (shifting them as well, as a first
  version did, drew each over its neighbour: the tanween of سلامٌ over لا);
* bidi marks and isolates (``LAYOUT_CONTROLS``) reach the bidi algorithm and are dropped
  before anything is measured or drawn: they have no glyph.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from arabic_reshaper import ArabicReshaper

try:  # python-bidi ≥ 0.5: the same algorithm in Rust, some fifteen times faster
    from bidi import get_display
except ImportError:  # pragma: no cover - python-bidi 0.4
    from bidi.algorithm import get_display
from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.core.export.fonts import LAYOUT_CONTROLS, FontSet, Script
from facilitator.core.i18n import N_, _

UNSHOWN_SCRIPT = N_("[text på ett skriftsystem som inte kan visas här]")
UNSHOWN_SYMBOL = N_("[tecken som inte kan visas här]")

Direction = Literal["L", "R"]

_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_ETHIOPIC_RANGES = ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F), (0x1E7E0, 0x1E7FF))
# Anything beyond Latin-1 and Latin Extended-A/B, which are all in the base font and have no
# right-to-left letters. A regular expression finds one several times faster than max().
_BEYOND_PLAIN = re.compile(r"[^\x00-\u024f]")
_CONTROLS = re.compile(f"[{LAYOUT_CONTROLS}]")
_AROUND_CONTROLS = re.compile(f"([{LAYOUT_CONTROLS}])")
# The default drops every haraka ("delete_harakat"), which lost the tanween of مرحباً.
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False, "shift_harakat_position": False})


@dataclass(frozen=True)
class Run:
    script: Script
    text: str


def _in(code: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(low <= code <= high for low, high in ranges)


def strong_script(char: str, fonts: FontSet) -> Script | None:
    """The script a letter belongs to; None for spaces, digits, punctuation and marks, which
    take the script of the text around them."""
    code = ord(char)
    if _in(code, _ARABIC_RANGES):
        return Script.ARABIC
    if _in(code, _ETHIOPIC_RANGES):
        return Script.ETHIOPIC
    if unicodedata.category(char)[0] != "L":
        return None
    return Script.LATIN if fonts.covers(Script.LATIN, char) else Script.OTHER


def is_plain(text: str, fonts: FontSet | None = None) -> bool:
    """True for text the base font prints as it is (the common case, checked cheaply)."""
    if _BEYOND_PLAIN.search(text) is None:
        return True
    return fonts is not None and fonts.plain.issuperset(text)


def split_runs(text: str, fonts: FontSet) -> list[Run]:
    """Consecutive characters that print with the same font; layout controls left out."""
    if is_plain(text, fonts):
        return [Run(Script.LATIN, text)] if text else []
    text = without_controls(text)
    scripts: list[Script] = []
    chars: list[list[str]] = []
    for char in text:
        script = _letter_script(char, fonts)
        if script is None:
            script = _neutral_script(char, scripts[-1] if scripts else None, fonts)
        if scripts and scripts[-1] is script:
            chars[-1].append(char)
        else:
            scripts.append(script)
            chars.append([char])
    return [Run(script, "".join(part)) for script, part in zip(scripts, chars, strict=True)]


# The two lookups below run for every character of every non-plain text, while a text uses
# only a few dozen distinct characters: remembered, they cost a dictionary lookup each.


@functools.lru_cache(maxsize=8192)
def _letter_script(char: str, fonts: FontSet) -> Script | None:
    """The font a letter prints with (OTHER when its script's font lacks it); None for a
    neutral character."""
    script = strong_script(char, fonts)
    if script is None or script is Script.OTHER or fonts.covers(script, char):
        return script
    return Script.OTHER


@functools.lru_cache(maxsize=8192)
def _neutral_script(char: str, before: Script | None, fonts: FontSet) -> Script:
    """The font a space, digit or punctuation mark prints with after a run in ``before``."""
    if before is not None and _neutral_fits(before, char, fonts):
        return before
    if fonts.covers(Script.LATIN, char):
        return Script.LATIN
    return Script.EMOJI if fonts.covers(Script.EMOJI, char) else Script.OTHER


def _neutral_fits(script: Script, char: str, fonts: FontSet) -> bool:
    # Arabic keeps its spaces and the punctuation its font has, so a phrase stays one run
    # to shape; elsewhere only spaces join, and quotes and commas come from the base font,
    # whose forms match the surrounding text. The emoji font also has digits and a few
    # signs: those still come from the base font.
    if script is Script.ARABIC or script is Script.LATIN:
        return fonts.covers(script, char)
    if script is Script.EMOJI:
        return fonts.covers(script, char) and not fonts.covers(Script.LATIN, char)
    return char.isspace()


def without_controls(text: str) -> str:
    """The text without its bidi marks and isolates, once they have done their work."""
    return _CONTROLS.sub("", text) if _CONTROLS.search(text) else text


def substitute_unshowable(text: str, fonts: FontSet) -> str:
    """The text with every run no bundled font can print replaced by a note saying so; bidi
    marks and isolates stay where they are, for the reordering still to come."""
    if is_plain(text, fonts):
        return text
    if _CONTROLS.search(text):
        pieces = _AROUND_CONTROLS.split(text)  # the controls at the odd places
        return "".join(
            piece if index % 2 else _substitute(piece, fonts) for index, piece in enumerate(pieces)
        )
    return _substitute(text, fonts)


def _substitute(text: str, fonts: FontSet) -> str:
    parts: list[str] = []
    for run in split_runs(text, fonts):
        if run.script is not Script.OTHER:
            parts.append(run.text)
            continue
        core = run.text.strip()
        if not core:
            parts.append(run.text)
            continue
        letters = any(unicodedata.category(c)[0] == "L" for c in core)
        note = _(UNSHOWN_SCRIPT) if letters else _(UNSHOWN_SYMBOL)
        lead = run.text[: len(run.text) - len(run.text.lstrip())]
        trail = run.text[len(run.text.rstrip()) :]
        parts.append(f"{lead}{note}{trail}")
    return "".join(parts)


# Hebrew, Arabic, Syriac, Thaana, NKo … and their presentation forms: the right-to-left
# blocks, searched in C rather than asking unicodedata about every character.
_RTL = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def has_rtl(text: str) -> bool:
    return not is_plain(text) and _RTL.search(text) is not None


def base_direction(text: str) -> Direction:
    """Paragraph direction from its first strong letter outside an isolate (the Unicode
    bidi rule P2)."""
    isolated = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("LRI", "RLI", "FSI"):
            isolated += 1
        elif kind == "PDI":
            isolated = max(0, isolated - 1)
        elif isolated:
            continue
        elif kind in ("R", "AL"):
            return "R"
        elif kind == "L":
            return "L"
    return "L"


def join_letters(text: str) -> str:
    """Arabic letters in their joined forms (initial, medial, final), marks kept, order
    unchanged."""
    return str(_RESHAPER.reshape(text))


def visual_order(text: str, direction: Direction) -> str:
    """Already joined text put in visual (left-to-right drawing) order."""
    return str(get_display(text, base_dir=direction))


def shape_line(line: str, direction: Direction) -> str:
    """One already-wrapped line, joined and put in visual (left-to-right drawing) order."""
    return visual_order(join_letters(line), direction)


def run_width(
    run: Run, fonts: FontSet, size: float, *, bold: bool = False, italic: bool = False
) -> float:
    face = fonts.face(run.script)
    return float(stringWidth(run.text, face.pick(bold=bold, italic=italic), size * face.scale))


def text_width(
    text: str, fonts: FontSet, size: float, *, bold: bool = False, italic: bool = False
) -> float:
    return sum(
        run_width(run, fonts, size, bold=bold, italic=italic) for run in split_runs(text, fonts)
    )


def wrap_measured(
    text: str,
    width: float,
    measure: Callable[[str], float],
    *,
    first_width: float | None = None,
    shrink: float = 0.0,
) -> list[tuple[str, float]]:
    """Greedy word wrap in logical order, each line with its width, breaking where
    reportlab's Paragraph would: the first line may be narrower (``first_width``), a line may
    run over by ``shrink`` of a space per word on it (reportlab's spaceShrinkage; its spaces
    are then drawn that much narrower), and a word wider than the line is cut where the line
    ends. Explicit line breaks in the text are kept; a no-break space does not break."""
    lines: list[tuple[str, float]] = []
    space = measure(" ")
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = -space  # the first word on a line comes without a space before it
        for word in _words(paragraph):
            limit = width if lines or first_width is None else first_width
            word_width = measure(word)
            if used + space + word_width <= limit + shrink * space * len(line):
                line.append(word)
                used += space + word_width
                continue
            if word_width > limit:
                # Too wide for any line: the word fills what is left of this one, then as
                # many whole lines as it needs, and the text goes on after its last piece.
                head, *rest = _cut(word, limit - used - space, width, measure)
                if head:
                    line.append(head)
                    used += space + measure(head)
                if rest:
                    lines.append((" ".join(line), max(0.0, used)))
                    lines += [(piece, measure(piece)) for piece in rest[:-1]]
                    line, used = [rest[-1]], measure(rest[-1])
                continue
            if line:
                lines.append((" ".join(line), used))
            line, used = [word], word_width
        lines.append((" ".join(line), max(0.0, used)))
    return lines


_BREAKING_SPACE = re.compile(r"[^\S\xa0]+")  # whitespace, but not a no-break space


def _words(paragraph: str) -> list[str]:
    # str.split() also splits at a no-break space, so only text with one needs the slower way.
    if "\xa0" not in paragraph:
        return paragraph.split()
    return [word for word in _BREAKING_SPACE.split(paragraph) if word]


def _cut(word: str, room: float, width: float, measure: Callable[[str], float]) -> list[str]:
    """A word too wide for a line, in pieces: the first fills ``room`` (what is left of the
    current line; it may be empty), every other one a whole line of ``width``."""
    pieces: list[str] = []
    piece, used, limit = "", 0.0, room
    for char in word:
        char_width = measure(char)
        if used + char_width > limit and (piece or char_width <= width):
            pieces.append(piece)
            piece, used, limit = "", 0.0, width
        piece += char
        used += char_width
    return [*pieces, piece]


def markup(
    text: str,
    fonts: FontSet,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
) -> str:
    """reportlab Paragraph markup for left-to-right text: escaped, each non-Latin run in its
    font (scaled from ``size``, the paragraph's), unprintable runs already replaced by a note.
    Line breaks are kept. Paragraphs with
    more than a word or two of right-to-left text belong in a ``ShapedParagraph`` instead."""
    shown = substitute_unshowable(text, fonts)
    if is_plain(shown, fonts):
        return escape(shown).replace("\n", "<br/>")
    parts: list[str] = []
    for run in split_runs(shown, fonts):
        escaped = escape(run.text).replace("\n", "<br/>")
        if run.script is Script.LATIN:
            parts.append(escaped)
        elif run.script is Script.ARABIC:
            # A short right-to-left run inside left-to-right text (a name, a word): shaped as
            # one piece and kept on one line, since a wrap inside it would swap its halves.
            shaped = escape(shape_line(run.text, "R")).replace(" ", "\u00a0")
            parts.append(_font_tag(fonts, run.script, shaped, size, bold=bold, italic=italic))
        else:
            parts.append(_font_tag(fonts, run.script, escaped, size, bold=bold, italic=italic))
    return "".join(parts)


def _font_tag(
    fonts: FontSet, script: Script, body: str, size: float | None, *, bold: bool, italic: bool
) -> str:
    face = fonts.face(script)
    name = face.pick(bold=bold, italic=italic)
    if face.scale == 1.0 or size is None:
        return f'<font name="{name}">{body}</font>'
    return f'<font name="{name}" size="{size * face.scale:.1f}">{body}</font>'
