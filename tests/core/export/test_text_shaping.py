"""Scripts, fonts and right-to-left order, checked on real PDFs with poppler."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from reportlab.platypus import Paragraph, SimpleDocTemplate

from facilitator.core.export.fonts import Script, bundled_fonts
from facilitator.core.export.shaped_paragraph import ShapedParagraph, text_block
from facilitator.core.export.styles import styles
from facilitator.core.export.text_shaping import (
    UNSHOWN_SCRIPT,
    has_rtl,
    markup,
    split_runs,
    substitute_unshowable,
    wrap_measured,
)
from tests.core.export import pdf_tools
from tests.core.export.sample_data import AMHARIC, ARABIC, CHINESE, PERSIAN, TIGRINYA

FONTS = bundled_fonts()


def _pdf(tmp_path: Path, texts: list[str], width: float | None = None) -> Path:
    target = tmp_path / "text.pdf"
    doc = SimpleDocTemplate(str(target), initialFontName="FacSans")
    if width is not None:
        doc.width = width
    doc.build([text_block(t, styles().body) for t in texts])
    return target


def test_runs_follow_the_script_of_each_letter() -> None:
    runs = split_runs(f"Hon sa {ARABIC} och {TIGRINYA}", FONTS)
    assert [r.script for r in runs] == [
        Script.LATIN,
        Script.ARABIC,
        Script.LATIN,
        Script.ETHIOPIC,
    ]
    assert runs[1].text.strip() == ARABIC


def test_swedish_and_somali_stay_one_plain_run() -> None:
    assert split_runs("Åsa och Cabdi: dhaqanka, 12 %", FONTS) == [
        split_runs("Åsa och Cabdi: dhaqanka, 12 %", FONTS)[0]
    ]


def test_a_script_without_font_becomes_a_note_not_boxes() -> None:
    shown = substitute_unshowable(f"Hon skrev {CHINESE} igen", FONTS)
    assert shown == f"Hon skrev {UNSHOWN_SCRIPT} igen"
    assert "<font" not in markup("Bara svenska & <taggar>", FONTS)
    assert "&lt;taggar&gt;" in markup("Bara svenska & <taggar>", FONTS)


def test_wrapping_is_in_logical_order() -> None:
    lines = _lines("ett två tre fyra fem", 75, lambda w: 10.0 * len(w))
    assert lines == ["ett två", "tre", "fyra", "fem"]
    assert _lines("a b\nc", 1000, len) == ["a b", "c"]


def test_wrapping_cuts_a_word_wider_than_the_line() -> None:
    lines = wrap_measured("ab abcdefghij cd", 75, lambda w: 10.0 * len(w))
    assert lines == [("ab abcd", 70.0), ("efghij", 60.0), ("cd", 20.0)]


def test_wrapping_lets_a_line_run_over_by_its_space_shrinkage() -> None:
    def measure(word: str) -> float:
        return 10.0 * len(word)

    # "aaa bbb" is 70 wide: with half a space (5) per word on the line it fits in 65.
    assert wrap_measured("aaa bbb", 65, measure) == [("aaa", 30.0), ("bbb", 30.0)]
    assert wrap_measured("aaa bbb", 65, measure, shrink=0.5) == [("aaa bbb", 70.0)]
    assert wrap_measured("aaa bbb", 75, measure, first_width=30) == [("aaa", 30.0), ("bbb", 30.0)]


@pytest.mark.parametrize("style_name", ["body", "bullet", "quote", "standout_item", "cell_num"])
def test_plain_text_breaks_where_a_reportlab_paragraph_would(style_name: str) -> None:
    style = getattr(styles(), style_name)
    bullet = "•" if style_name == "bullet" else "▶" if style_name == "standout_item" else None
    text = (
        "Vi pratade om hur tystnad kan betyda olika saker i olika sammanhang, och om att "
        "fråga hellre än att gissa när något känns oklart – i mötet med en kollega, en "
        "chef eller en brukare. Ett 12\u00a0% längre ord: "
        "https://example.org/en/mycket/lang/adress/som/inte/ryms/pa/en/rad/alls"
    )
    for width in range(120, 480, 11):
        ours = ShapedParagraph(text, style, FONTS, bullet=bullet)
        theirs = Paragraph(escape(text), style, bulletText=bullet)
        assert ours.wrap(width, 10_000) == theirs.wrap(width, 10_000)
        assert ours.lines == [" ".join(words) for _room, words in theirs.blPara.lines], width


@pytest.mark.parametrize("sentence", [ARABIC, PERSIAN], ids=["arabic", "persian"])
def test_right_to_left_words_read_right_to_left(tmp_path: Path, sentence: str) -> None:
    assert has_rtl(sentence)
    found = pdf_tools.words(_pdf(tmp_path, [sentence]))
    logical = sentence.split()
    positions = []
    for word in logical:
        # Drawn in visual order, each word comes back with its letters reversed.
        match = [w for w in found if w.normalized in (word, word[::-1])]
        assert match, f"{word!r} not found in {[w.normalized for w in found]}"
        positions.append(match[0].x_min)
    assert positions == sorted(positions, reverse=True), "first word must be rightmost"


def test_a_long_right_to_left_paragraph_wraps_first_words_first(tmp_path: Path) -> None:
    sentence = " ".join([PERSIAN] * 6)
    found = pdf_tools.words(_pdf(tmp_path, [sentence]))
    first_word = PERSIAN.split()[0]
    last_word = PERSIAN.split()[-1]
    lines = sorted({round(w.y_min) for w in found})
    assert len(lines) > 1
    top = [w for w in found if round(w.y_min) == lines[0]]
    # The top line starts (at its right edge) with the paragraph's first word.
    rightmost = max(top, key=lambda w: w.x_min)
    assert rightmost.normalized in (first_word, first_word[::-1])
    assert any(w.normalized in (last_word, last_word[::-1]) for w in top)


def test_joined_letter_forms_are_printed(tmp_path: Path) -> None:
    found = pdf_tools.words(_pdf(tmp_path, [ARABIC]))
    raw = "".join(w.text for w in found)
    # Presentation forms (U+FE70…) show the letters were joined before drawing.
    assert any(0xFB50 <= ord(c) <= 0xFEFF for c in raw)


def test_geez_prints_with_abyssinica_embedded(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, [TIGRINYA, AMHARIC, f"Ett citat: {TIGRINYA}"])
    fonts = pdf_tools.fonts(pdf)
    line = next(line for line in fonts.splitlines() if "AbyssinicaSIL" in line)
    assert " yes yes yes " in f" {' '.join(line.split()[-5:-2])} "
    text = unicodedata.normalize("NFC", pdf_tools.text(pdf))
    assert "ብዛዕባ" in text and "ተነጋገርን" in text


def test_shaped_paragraph_splits_across_pages() -> None:
    paragraph = ShapedParagraph(" ".join([ARABIC] * 40), styles().body, FONTS)
    _w, height = paragraph.wrap(300, 10_000)
    head, tail = paragraph.split(300, height / 2)
    assert head.wrap(300, 10_000)[1] + tail.wrap(300, 10_000)[1] == pytest.approx(height)


def _lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    return [line for line, _width in wrap_measured(text, width, measure)]
