"""The logbook PDF, read back the way a person's tools would (poppler and pypdf): every
question, answer and date in order, an outline with one entry per module, the language and
title, right-to-left text flush right, markup characters printed as typed, ink on the page."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest

from facilitator.core.export.logbook_model import Logbook, logbook_of
from facilitator.core.export.logbook_pdf import write_logbook_pdf
from facilitator.core.export.styles import BODY_WIDTH, MARGIN
from tests.core.export import pdf_tools
from tests.core.export.logbook_sample import (
    ARABIC,
    EMOJI,
    HOSTILE,
    MARKUP,
    PERSIAN,
    TIGRINYA,
    answers,
    moment,
    sample_logbook,
)
from tests.core.export.test_accessible_pdfs import bookmarks

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _flat(text: str) -> str:
    """Extracted text as a reader gets it: letters rather than presentation forms (NFKC),
    without the direction marks poppler adds, whitespace collapsed."""
    return " ".join(_BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text)).split())


@pytest.fixture(scope="module")
def logbook_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_logbook_pdf(sample_logbook(), tmp_path_factory.mktemp("logbook") / "l.pdf")


def test_questions_answers_and_dates_come_in_order(logbook_pdf: Path) -> None:
    text = _flat(pdf_tools.text_in_drawing_order(logbook_pdf))
    expected = [
        "Min loggbok",
        "Tillhör Amina Hassan",
        "Svaren skrevs 20 november 2026 – 8 december 2026",
        "Exporterad 9 december 2026",
        "Kultur och identitet",
        "Modulversion 2.0",
        "Vad betyder kultur för dig?",
        "Kultur är det jag tar för givet.",
        "Jag tänker på min mormor",
        "Skrivet 3 december 2026, ändrat 5 december 2026",
        "Vad lär du dig av kollegor?",
        "Skrivet 3 december 2026",
        "Att mötas över kulturgränser",
        "Modulversion 2.1",
        "När missförstod du tystnad senast?",
        TIGRINYA,
        "Skrivet 20 november 2026",
        "Skriv något med <tecken> & symboler",
        MARKUP,
        "Skrivet 21 november 2026",
        "Ord som bygger broar",
        "Vilka ord använder du?",
        "# inte en rubrik",
        EMOJI,
        "Skrivet 8 december 2026",
    ]
    at = 0
    for part in expected:
        found = text.find(part, at)
        assert found >= at, (part, text[at : at + 200])
        at = found + len(part)
    # An answer changed on the day it was written has no "ändrat".
    assert text.count("ändrat") == 1


def test_markup_characters_print_as_typed(logbook_pdf: Path) -> None:
    for extracted in (pdf_tools.text(logbook_pdf), pdf_tools.pypdf_text(logbook_pdf)):
        flat = _flat(extracted)
        assert MARKUP in flat
        assert "<div>html</div>" in flat
        assert "&amp;" not in flat and "&lt;" not in flat


def test_right_to_left_and_other_scripts_are_there(logbook_pdf: Path) -> None:
    flat = _flat(pdf_tools.text(logbook_pdf))
    for word in [*ARABIC.split(), *PERSIAN.replace("\u200c", " ").split(), *TIGRINYA.split()]:
        assert word in flat.replace("\u200c", " "), word
    assert "🌱" in flat
    fonts = pdf_tools.fonts(logbook_pdf)
    assert "NotoEmoji" in fonts
    # Right-to-left paragraphs are set flush right: their words sit in the page's right half.
    # (poppler's word boxes may hold a right-to-left word in either order)
    wanted = {*ARABIC.split(), *(word[::-1] for word in ARABIC.split())}
    arabic = [w for w in pdf_tools.words(logbook_pdf) if w.normalized in wanted]
    assert len(arabic) == len(ARABIC.split())
    assert all(w.x_min > (MARGIN + BODY_WIDTH / 2) for w in arabic)


def test_metadata_language_and_outline(logbook_pdf: Path) -> None:
    reader = pypdf.PdfReader(logbook_pdf)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712  # a PDF boolean
    assert root["/PageMode"] == "/UseOutlines"
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Min loggbok"
    assert meta.subject == "Personlig loggbok från självstudier"
    assert meta.author == "Amina Hassan"
    assert meta["/CreationDate"].startswith("D:20261209")

    marks = bookmarks(reader)
    assert [(m.title, m.depth) for m in marks] == [
        ("Min loggbok", 0),
        ("Kultur och identitet", 1),
        ("Att mötas över kulturgränser", 1),
        ("Ord som bygger broar", 1),
    ]
    pages = [_flat(page.extract_text() or "") for page in reader.pages]
    assert all(mark.title in pages[mark.page] for mark in marks)


def test_running_header_and_page_numbers(logbook_pdf: Path) -> None:
    reader = pypdf.PdfReader(logbook_pdf)
    assert len(reader.pages) == 2
    first = _flat(pdf_tools.text_in_drawing_order(logbook_pdf, page=1))
    second = _flat(pdf_tools.text_in_drawing_order(logbook_pdf, page=2))
    assert first.endswith("Sida 1 av 2") and "Min loggbok · Amina Hassan" not in first
    assert "Min loggbok · Amina Hassan – 9 december 2026" in second
    assert "Personlig loggbok från självstudier" in second and second.endswith("Sida 2 av 2")


def test_the_first_page_has_ink(logbook_pdf: Path, tmp_path: Path) -> None:
    first, *_rest = pdf_tools.render(logbook_pdf, tmp_path)
    # Text on white: plenty of it, but far from a page of black.
    assert 0.01 < pdf_tools.ink_share(first) < 0.3


def test_the_same_logbook_makes_the_same_file(logbook_pdf: Path, tmp_path: Path) -> None:
    again = write_logbook_pdf(sample_logbook(), tmp_path / "again.pdf")
    assert again.read_bytes() == logbook_pdf.read_bytes()


def test_an_empty_logbook_says_so(tmp_path: Path) -> None:
    pdf = write_logbook_pdf(Logbook(generated_at=moment(9), modules=()), tmp_path / "e.pdf")
    flat = _flat(pdf_tools.text(pdf))
    assert "Loggboken har inga svar ännu." in flat
    assert "Tillhör" not in flat and "Svaren skrevs" not in flat
    assert [m.title for m in bookmarks(pypdf.PdfReader(pdf))] == ["Min loggbok"]


def test_a_long_answer_runs_over_pages_with_every_word(tmp_path: Path) -> None:
    long_text = "\n\n".join(f"Stycke {n} om hur samtalet gick." for n in range(1, 121))
    one = answers()[0]
    book = logbook_of([type(one)(**{**vars(one), "text": long_text})], moment(9))
    pdf = write_logbook_pdf(book, tmp_path / "long.pdf")
    flat = _flat(pdf_tools.text(pdf))
    assert len(pypdf.PdfReader(pdf).pages) >= 3
    assert all(f"Stycke {n} om" in flat for n in range(1, 121))
    assert flat.rfind("Stycke 120") < flat.rfind("Skrivet 3 december 2026")


def test_an_owner_in_arabic_is_printed_and_the_header_falls_back(tmp_path: Path) -> None:
    book = logbook_of(answers(), datetime(2026, 12, 9, tzinfo=UTC), owner="أمينة حسن")
    pdf = write_logbook_pdf(book, tmp_path / "owner.pdf")
    flat = _flat(pdf_tools.text(pdf))
    assert "أمينة" in flat and "حسن" in flat
    second = _flat(pdf_tools.text_in_drawing_order(pdf, page=2))
    assert "Personlig loggbok från självstudier" in second


def test_hostile_text_prints_as_typed(tmp_path: Path) -> None:
    one = answers()[0]
    typed = [
        type(one)(**{**vars(one), "id": n, "step_id": f"s{n}", "text": text, "question": text})
        for n, text in enumerate(HOSTILE)
    ]
    pdf = write_logbook_pdf(logbook_of(typed, moment(9)), tmp_path / "hostile.pdf")
    # (pdftotext -layout joins "a | b" into "a|b"; the drawing order keeps what is drawn)
    for extracted in (pdf_tools.text_in_drawing_order(pdf), pdf_tools.pypdf_text(pdf)):
        flat = _flat(extracted)
        for text in HOSTILE:
            for line in text.split("\n"):
                assert " ".join(line.split()) in flat, line
