"""A heading never ends a page without the text it heads (found in module 06's deltagarmaterial:
"Fyll i för din arbetsplats" was the last line of one page, its lines on the next)."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.export.document import DocumentInfo, build_pdf
from facilitator.core.export.markdown import markdown_flowables
from facilitator.core.export.styles import BODY_WIDTH
from tests.core.export import pdf_tools

FILLER = "En rad som fyller sidan."


def _page_of(pdf: Path, words: str) -> int:
    for number in range(1, 4):
        if words in " ".join(pdf_tools.text_in_drawing_order(pdf, number).split()):
            return number
    raise AssertionError(words)


def test_a_heading_moves_to_the_next_page_with_its_text(tmp_path: Path) -> None:
    # Enough filler that a heading after it would fit as the page's last line, but not the
    # heading and its paragraph together: try each amount until that case is met.
    for paragraphs in range(30, 60):
        source = "\n\n".join([FILLER] * paragraphs) + "\n\n## Fyll i för din arbetsplats\n\n"
        source += "Skriv här vad ni vill ta med er tillbaka till jobbet efter samtalet i dag. " * 2
        pdf = build_pdf(
            markdown_flowables(source, BODY_WIDTH),
            tmp_path / f"{paragraphs}.pdf",
            DocumentInfo(title="Prov", subject="Prov"),
        )
        heading = _page_of(pdf, "Fyll i för din arbetsplats")
        text = _page_of(pdf, "Skriv här vad ni vill ta med er")
        assert heading == text, f"with {paragraphs} paragraphs"


def test_a_long_running_header_is_shortened_before_its_date(tmp_path: Path) -> None:
    title = "Fördjupning 6 – Jämställdhet, normer och diskriminering i kulturmötet, en lång titel"
    info = DocumentInfo(
        title="Prov",
        subject="Sammanfattning av samtalsträff",
        header=title,
        header_tail="3 december 2026",
    )
    source = "\n\n".join([FILLER] * 80)
    pdf = build_pdf(markdown_flowables(source, BODY_WIDTH), tmp_path / "lang.pdf", info)
    top = " ".join(pdf_tools.text_in_drawing_order(pdf, 2).split()[:30])
    assert "… – 3 december 2026" in top, top
