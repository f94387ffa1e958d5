"""EN 301 549 chapter 10 for the PDFs the app writes, read back with pypdf and poppler: the
language of the text (/Lang), a title shown in the reader's title bar, bookmarks for the
headings that lead to their pages, and a reading order that follows the headings.

reportlab writes no tagged PDF; docs/decisions/0014-accessible-documents.md says why that is
accepted and what stands in for it (the summary's HTML twin, test_summary_html.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdf
import pytest

from facilitator.core import i18n
from facilitator.core.export.gather import gather_period, gather_session
from facilitator.core.export.printables import write_handout, write_leader_guide
from facilitator.core.export.report_data import build_report
from facilitator.core.export.report_pdf import write_report_pdf
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.i18n import _
from tests.core.export import pdf_tools
from tests.core.export.sample_data import (
    EXAMPLE_MODULE,
    add_session,
    example_manifests,
    open_sample_db,
)

LOCALE = Path(__file__).resolve().parents[3] / "resources" / "locale"
MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@dataclass(frozen=True)
class Bookmark:
    title: str
    depth: int
    page: int


def bookmarks(reader: pypdf.PdfReader) -> list[Bookmark]:
    found: list[Bookmark] = []

    def walk(items: list[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                page = reader.get_destination_page_number(item)  # type: ignore[arg-type]
                found.append(Bookmark(str(item.title), depth, page))  # type: ignore[attr-defined]

    walk(reader.outline, 0)
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param == "en" and not (LOCALE / "en" / "LC_MESSAGES" / "facilitator.mo").exists():
        pytest.fail("the English catalogue is not compiled; run make")
    assert i18n.activate(request.param, LOCALE)
    yield request.param
    i18n.activate("sv", LOCALE)


def _summary(folder: Path) -> Path:
    db = open_sample_db(folder / "data")
    try:
        session = gather_session(db.repo, add_session(db), example_manifests())
    finally:
        db.close()
    return write_summary_pdf(session, folder / "summary.pdf")


def _report(folder: Path) -> Path:
    db = open_sample_db(folder / "data")
    try:
        add_session(db)
        sessions = gather_period(db.repo, *MARCH, manifests=example_manifests())
    finally:
        db.close()
    return write_report_pdf(build_report(sessions, *MARCH), folder / "report.pdf")


def _guide(folder: Path) -> Path:
    return write_leader_guide(EXAMPLE_MODULE, folder / "guide.pdf")


def _handout(folder: Path) -> Path:
    return write_handout(EXAMPLE_MODULE, folder / "handout.pdf")


# (how to write it, its title's beginning, the language its text is mostly in: None for the
# language of the labels, the module's language for printables)
DOCUMENTS: dict[str, tuple[Callable[[Path], Path], str, str | None]] = {
    "summary": (_summary, "Sammanfattning: {title}", None),
    "report": (_report, "Rapport: samtalsträffar {period}", None),
    "leader guide": (_guide, "Förberedelseguide: {title}", "sv"),
    "handout": (_handout, "Deltagarmaterial: {title}", "sv"),
}


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_language_title_and_bookmarks(kind: str, language: str, tmp_path: Path) -> None:
    write, title_format, content_language = DOCUMENTS[kind]
    pdf = write(tmp_path)
    reader = pypdf.PdfReader(pdf)
    root = reader.trailer["/Root"]
    # The English summary said /Lang (sv) until issue 17; a module's printables speak the
    # module's language whatever the labels around its words.
    assert root["/Lang"] == (content_language or language)
    title = reader.metadata.title if reader.metadata else None
    prefix = _(title_format).split("{")[0]
    assert title and title.startswith(prefix), (title, prefix)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712  # a PDF boolean
    assert root["/PageMode"] == "/UseOutlines"

    marks = bookmarks(reader)
    assert len(marks) >= 2  # the title and at least one section
    assert marks[0].depth == 0 and all(m.depth >= 1 for m in marks[1:])
    assert all(b.depth <= a.depth + 1 for a, b in itertools.pairwise(marks))
    pages = [flat(page.extract_text() or "") for page in reader.pages]
    for mark in marks:
        # Each bookmark leads to the page its heading is on.
        assert flat(mark.title)[:30] in pages[mark.page], (mark, kind)


def test_the_summary_outline_follows_its_sections(language: str, tmp_path: Path) -> None:
    marks = bookmarks(pypdf.PdfReader(_summary(tmp_path)))
    top = [m.title for m in marks if m.depth == 1]
    sections = ["Närvaro", "Tidsplan: planerat och genomfört", "Reflektioner", "Utvärdering"]
    assert [t for t in top if t in {_(s) for s in sections}] == [_(s) for s in sections]
    assert marks[0].title == "Att mötas över kulturgränser"
    steps = [m.title for m in marks if m.depth == 2]
    assert "Egna erfarenheter" in steps and "Reflektionsrunda" in steps
    # The evaluation's questions are siblings, not each nested under the one before.
    questions = [m for m in marks if m.title.startswith(("Har du fått", "Kan du använda"))]
    assert len(questions) == 2 and questions[0].depth == questions[1].depth == 2


def test_reading_order_follows_the_headings(tmp_path: Path) -> None:
    """Untagged, a PDF is read in the order its text is drawn: the headings must come in the
    order of the outline, each page's text before its page number."""
    pdf = _summary(tmp_path)
    marks = bookmarks(pypdf.PdfReader(pdf))
    raw = flat(pdf_tools.text_in_drawing_order(pdf))
    at = 0
    for mark in marks:
        found = raw.find(flat(mark.title), at)
        assert found >= at, (mark.title, raw[at : at + 200])
        at = found
    first_page = flat(pdf_tools.text_in_drawing_order(pdf, page=1))
    assert "Sida 1 av" in first_page[-20:]


def test_a_title_page_renders_for_the_eye(tmp_path: Path) -> None:
    """The first page, rendered: what the bookmarks and metadata changed must not show."""
    pdf = _summary(tmp_path)
    (first, *_rest) = pdf_tools.render(pdf, tmp_path, resolution=40)
    assert pdf_tools.ink_share(first) > 0.01
