"""The summary PDF, read back: what the session holds is there, the private note is not."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest

from facilitator.core.export.model import SessionExport
from facilitator.core.export.progress import ExportCancelled
from facilitator.core.export.summary_pdf import write_summary_pdf
from tests.core.export import pdf_tools
from tests.core.export.sample_data import PRIVATE, SOMALI, UNSHOWN_NOTE


def test_text_holds_the_session(summary_pdf: Path) -> None:
    text = pdf_tools.text(summary_pdf)
    flat = " ".join(text.split())
    for expected in (
        "Att mötas över kulturgränser",
        "Exempelmodul",
        "Kalmar, Stadshuset",
        "Amina Hassan",
        "Jag trodde att tystnad betydde nej.",
        "Flera kände igen missförstånd kring tider.",
        SOMALI,
        "Hur gör vi med tolk vid korta möten?",
        "Arbetslaget tar fram en gemensam rutin för tolkbokning före 1 juni.",
        "Överenskommelser",
        "Återkomma till",
        "Har du fått mer kunskap om ämnet?",
        "Mål 60 %",
        "75 % av 12 – når målet",
        UNSHOWN_NOTE,
    ):
        assert expected in flat, expected
    assert "Kvinnor" in flat and " 13" in flat


def test_private_notes_never_appear(summary_pdf: Path) -> None:
    for extracted in (pdf_tools.text(summary_pdf), pdf_tools.pypdf_text(summary_pdf)):
        assert "HEMLIG" not in extracted
        assert PRIVATE not in extracted
    assert b"HEMLIG" not in summary_pdf.read_bytes()


def test_metadata_and_language(summary_pdf: Path) -> None:
    reader = pypdf.PdfReader(summary_pdf)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Sammanfattning: Att mötas över kulturgränser"
    assert meta.subject == "Sammanfattning av samtalsträff"
    assert meta.author == "Amina Hassan"
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    assert len(reader.pages) >= 2
    assert "Sida 1 av" in pdf_tools.text(summary_pdf)


def test_every_font_is_embedded(summary_pdf: Path) -> None:
    lines = pdf_tools.fonts(summary_pdf).splitlines()[2:]
    assert lines
    assert all(" yes " in line for line in lines), lines
    assert not any("Helvetica" in line for line in lines)
    names = " ".join(lines)
    assert "NotoNaskhArabic" in names and "AbyssinicaSIL" in names


def test_pages_render_with_ink(summary_pdf: Path, tmp_path: Path) -> None:
    pages = pdf_tools.render(summary_pdf, tmp_path)
    assert len(pages) >= 2
    for page in pages:
        assert pdf_tools.ink_share(page) > 0.01, page


def test_progress_rises_and_cancel_leaves_no_file(session: SessionExport, tmp_path: Path) -> None:
    seen: list[float] = []
    target = tmp_path / "out" / "summary.pdf"
    write_summary_pdf(session, target, progress=seen.append)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)

    calls = {"n": 0}

    def cancel_soon() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    again = tmp_path / "out" / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        write_summary_pdf(session, again, progress=lambda _share: None, is_cancelled=cancel_soon)
    assert sorted(p.name for p in again.parent.iterdir()) == ["summary.pdf"]


def test_a_session_with_nothing_recorded_still_exports(tmp_path: Path) -> None:
    from facilitator.core.export.gather import gather_session
    from tests.core.export.sample_data import add_session, open_sample_db

    db = open_sample_db(tmp_path / "db")
    try:
        uuid = add_session(db, reflections=(), attendance=None, evaluation=(), leader=None)
        data = gather_session(db.repo, uuid)
    finally:
        db.close()
    pdf = write_summary_pdf(data, tmp_path / "empty.pdf")
    flat = " ".join(pdf_tools.text(pdf).split())
    assert "Ingen närvaro registrerades." in flat
    assert "Inga reflektioner antecknades." in flat
    assert "Samtalsledare" not in flat
