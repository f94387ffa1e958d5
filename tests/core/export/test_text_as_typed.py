"""Text printed as it was typed: every combining mark, emoji, and bidi controls obeyed rather
than printed (issue 15, finding 12). Checked on real PDFs: text read back with poppler and
pypdf, and pages rendered with poppler."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate

from facilitator.core.export.csv_export import EXCEL_CELL_LIMIT, read_csv, write_session_csv
from facilitator.core.export.fonts import Script, bundled_fonts
from facilitator.core.export.model import SessionExport
from facilitator.core.export.shaped_paragraph import text_block
from facilitator.core.export.styles import styles
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.export.text_shaping import (
    UNSHOWN_SYMBOL,
    split_runs,
    substitute_unshowable,
)
from facilitator.core.storage.records import ReflectionKind
from tests.core.export import pdf_tools

FONTS = bundled_fonts()

# Each with the marks its writers use: Arabic tanween and shadda, the Persian ezafe kasra and
# a zero-width non-joiner, the Ge'ez gemination mark, Somali tone marks (as linguists write
# them, decomposed).
WITH_MARKS = {
    "arabic": "مرحباً نتدرّب معاً",
    "persian": "کتابِ خوبِ ما را می‌خوانیم",
    "tigrinya": "ክትምህሩ፟ ሰላም",
    "somali": "Cabdi\u0301 wuu ka\u0300 hadlay",
}
EMOJI = "Vi firade 🌱🎉 och 🥲🫶 tillsammans"
ISOLATED = "Namn: \u2067مرحباً\u2069, \u200eok\u200f \u061c\u202bslut\u202c"


def _marks(text: str) -> Counter[str]:
    return Counter(
        c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) == "Mn"
    )


def _letters(text: str) -> Counter[str]:
    return Counter(
        c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] == "L"
    )


def _without_marks(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def _pdf(target: Path, text: str) -> Path:
    style = ParagraphStyle("big", parent=styles().body, fontSize=28, leading=40)
    doc = SimpleDocTemplate(str(target), initialFontName="FacSans")
    doc.build([text_block(text, style)])
    return target


def _page(pdf: Path, folder: Path) -> Image.Image:
    folder.mkdir()
    (png,) = pdf_tools.render(pdf, folder, resolution=100)
    with Image.open(png) as image:
        return image.convert("L")


@pytest.mark.parametrize("language", sorted(WITH_MARKS))
def test_every_combining_mark_is_kept_in_the_text(language: str, tmp_path: Path) -> None:
    typed = WITH_MARKS[language]
    pdf = _pdf(tmp_path / "marks.pdf", typed)

    for extracted in (pdf_tools.text(pdf), pdf_tools.pypdf_text(pdf)):
        assert _marks(extracted) == _marks(typed)
        assert _letters(extracted) == _letters(typed)


@pytest.mark.parametrize("language", sorted(WITH_MARKS))
def test_every_combining_mark_is_drawn(language: str, tmp_path: Path) -> None:
    typed = WITH_MARKS[language]
    marked = _page(_pdf(tmp_path / "marked.pdf", typed), tmp_path / "marked")
    bare = _page(_pdf(tmp_path / "bare.pdf", _without_marks(typed)), tmp_path / "bare")

    # The marks take no room, so the letters stand where they stood: what differs is the
    # marks themselves, and they add ink.
    assert ImageChops.difference(marked, bare).getbbox() is not None
    ink = [sum(image.histogram()[:128]) for image in (marked, bare)]
    assert ink[0] > ink[1]


def test_emoji_are_drawn_in_the_bundled_emoji_font(tmp_path: Path) -> None:
    assert all(run.script is not Script.OTHER for run in split_runs(EMOJI, FONTS))
    pdf = _pdf(tmp_path / "emoji.pdf", EMOJI)

    assert "NotoEmoji" in pdf_tools.fonts(pdf)
    for extracted in (pdf_tools.text(pdf), pdf_tools.pypdf_text(pdf)):
        assert all(emoji in extracted for emoji in "🌱🎉🥲🫶")
        assert "[" not in extracted
    just_emoji = _page(_pdf(tmp_path / "only.pdf", "🌱🎉🥲🫶"), tmp_path / "only")
    blank = _page(_pdf(tmp_path / "blank.pdf", "x"), tmp_path / "blank")
    assert sum(just_emoji.histogram()[:128]) > 4 * sum(blank.histogram()[:128])


def test_bidi_controls_steer_the_order_and_are_never_printed(tmp_path: Path) -> None:
    assert substitute_unshowable(ISOLATED, FONTS) == ISOLATED  # kept for the reordering
    assert all("\u2067" not in run.text for run in split_runs(ISOLATED, FONTS))
    pdf = _pdf(tmp_path / "isolated.pdf", ISOLATED)

    for extracted in (pdf_tools.text(pdf), pdf_tools.pypdf_text(pdf)):
        assert "[" not in extracted
        assert _marks(extracted) == _marks(ISOLATED)
        assert "Namn" in extracted and "slut" in extracted


def test_the_summary_quotes_a_reflection_as_typed(session: SessionExport, tmp_path: Path) -> None:
    typed = f"{WITH_MARKS['arabic']} 🌱 {ISOLATED}"
    first = next(r for r in session.reflections if r.kind is ReflectionKind.QUOTE)
    reflections = tuple(
        dataclasses.replace(r, text=typed) if r is first else r for r in session.reflections
    )
    pdf = write_summary_pdf(
        dataclasses.replace(session, reflections=reflections), tmp_path / "s.pdf"
    )

    text = pdf_tools.text(pdf)
    assert _marks(typed) <= _marks(text)
    assert "🌱" in text
    assert str(UNSHOWN_SYMBOL).strip("[]") not in text


def test_csv_cells_hold_no_control_characters_and_fit_excel(
    session: SessionExport, tmp_path: Path
) -> None:
    dirty = "före\x00efter\x07 \ud800 slut\r\nrad\u202e två\u2067\x1b"
    huge = "å" * 20_000 + "🌱" * 10_000  # 40,000 UTF-16 units
    texts = iter([dirty, huge])
    reflections = tuple(
        dataclasses.replace(r, text=next(texts, r.text)) for r in session.reflections
    )
    table, _steps = write_session_csv(
        dataclasses.replace(session, reflections=reflections), tmp_path
    )

    rows = read_csv(table)
    for row in rows:
        for value in row.values():
            assert not any(
                unicodedata.category(c) in ("Cc", "Cs") for c in value if c not in "\n\t"
            )
            assert not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in value)
    assert rows[0]["text"] == "föreefter  slut\nrad två"
    cut = rows[1]["text"]
    assert len(cut.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT
    assert cut.startswith("å" * 20_000 + "🌱")
    assert cut.endswith("tecken till får inte plats i en Excel-cell]")


@pytest.mark.parametrize(
    ("marked", "bare", "share"),
    [
        # The tanween of سلامٌ belongs on the meem: the word's leftmost letter when drawn.
        ("سلامٌ", "سلام", (-0.2, 0.35)),
        # The shadda of نتدرّب on the reh, second from the left (after the beh), not the dal.
        ("نتدرّب", "نتدرب", (0.1, 0.45)),
    ],
)
def test_each_mark_is_drawn_over_its_own_letter(
    marked: str, bare: str, share: tuple[float, float], tmp_path: Path
) -> None:
    with_mark = _page(_pdf(tmp_path / "marked.pdf", marked), tmp_path / "marked")
    without = _page(_pdf(tmp_path / "bare.pdf", bare), tmp_path / "bare")
    mark = ImageChops.difference(with_mark, without).getbbox()
    word = ImageChops.invert(without).getbbox()
    assert mark is not None and word is not None
    centre = ((mark[0] + mark[2]) / 2 - word[0]) / (word[2] - word[0])
    assert share[0] <= centre <= share[1], f"the mark stands at {centre:.2f} of the word"
