"""The leader guide prints the film's words in a section "Filmens text" after the steps, with
bookmarks for it and its chapters: read back with pdftotext and pypdf."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf

from facilitator.core.export.printables import write_leader_guide
from tests.core.export import pdf_tools
from tests.core.export.sample_data import ROOT
from tests.core.export.test_accessible_pdfs import bookmarks

MODULE = ROOT / "modules" / "01-grund-1-vad-ar-kultur"
NARRATION = "Lena och Yusuf gjorde båda det som var rätt enligt sina egna osynliga regler."
SPEECH = "Lena: Välkommen hit, Yusuf! Säg bara till om du undrar något."


def _flat(pdf: Path) -> str:
    return " ".join(pdf_tools.text(pdf).split())


def test_the_guide_prints_the_film_text_after_the_steps_with_bookmarks(tmp_path: Path) -> None:
    pdf = write_leader_guide(MODULE, tmp_path / "guide.pdf")
    text = _flat(pdf)
    assert "Filmens text" in text
    assert NARRATION in text
    assert "Bildens text: Det vi ser · Det vi inte ser" in text
    assert "På bilden: På ett kontor – Lena och Yusuf" in text
    assert SPEECH in text
    # After the steps, before the sources.
    assert text.index("Stegen") < text.index("Filmens text") < text.index(NARRATION)
    assert text.index(NARRATION) < text.rindex("Källor")
    marks = bookmarks(pypdf.PdfReader(pdf))
    titles = [m.title for m in marks]
    film_text = titles.index("Filmens text")
    assert marks[film_text].depth == 1  # a section like "Stegen" and "Källor"
    chapters = titles[film_text + 1 : titles.index("Källor")]
    assert chapters[:2] == ["En arbetsplats", "Säg bara till"]
    assert all(m.depth == 2 for m in marks[film_text + 1 : titles.index("Källor")])
    page = marks[film_text].page
    assert "Filmens text" in pdf_tools.text_in_drawing_order(pdf, page + 1)


def test_a_written_transcript_is_printed_and_a_film_without_text_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "modul"
    shutil.copytree(MODULE, folder, ignore=shutil.ignore_patterns("*.mp4"))
    (folder / "film" / "script.toml").unlink()
    guide = _flat(write_leader_guide(folder, tmp_path / "utan.pdf"))
    assert "Filmens text Filmen har ingen text att skriva ut" in guide
    (folder / "film" / "transcript.md").write_text(
        "# Början\n\nAnna: Välkomna hit.\n\n# Slutet\n\nBo: <b>Tack</b> för i dag.\n",
        encoding="utf-8",
    )
    pdf = write_leader_guide(folder, tmp_path / "med.pdf")
    guide = _flat(pdf)
    assert "Filmens text Början Anna: Välkomna hit. Slutet Bo: <b>Tack</b> för i dag." in guide
    titles = [m.title for m in bookmarks(pypdf.PdfReader(pdf))]
    assert titles[titles.index("Filmens text") + 1 : titles.index("Källor")] == ["Början", "Slutet"]
