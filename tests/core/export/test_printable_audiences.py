"""Printables by audience: the handout carries only the participants' pages, the leader
guide ends with the leader's pages and the signs (landscape, the heading in very large type),
and the figure fences are drawn."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from facilitator.core.content.printable_checks import LEADER_PHRASES
from facilitator.core.export.markdown import markdown_flowables
from facilitator.core.export.printables import write_handout, write_leader_guide, write_signs
from tests.core.export import pdf_tools
from tests.core.export.printables_module import LEADER_LINES, printables_module
from tests.core.export.sample_data import EXAMPLE_MODULE


@dataclass(frozen=True)
class Printed:
    folder: Path
    handout: Path
    guide: Path


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    base = tmp_path_factory.mktemp("printables")
    folder = printables_module(base)
    return Printed(
        folder,
        write_handout(folder, base / "handout.pdf"),
        write_leader_guide(folder, base / "guide.pdf"),
    )


def _flat(pdf: Path) -> str:
    return " ".join(pdf_tools.text(pdf).split())


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    return [
        (float(page.mediabox.width), float(page.mediabox.height))
        for page in pypdf.PdfReader(pdf).pages
    ]


@dataclass(frozen=True)
class Box:
    text: str
    x_min: float
    x_max: float
    height: float


def _boxes(pdf: Path, page: int) -> list[Box]:
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    return [
        Box(text, float(x0), float(x1), float(y1) - float(y0))
        for x0, y0, x1, y1, text in re.findall(pattern, html)
    ]


def test_handout_has_the_participants_pages_and_no_leader_text(printed: Printed) -> None:
    flat = _flat(printed.handout)
    assert "Kulturens isberg" in flat and "Vem samverkar vi med?" in flat
    for line in (*LEADER_LINES, "Ledarstöd för isberget", "Öppet hörn"):
        assert line not in flat, line
    for phrase in LEADER_PHRASES:
        assert phrase not in flat.casefold(), phrase
    assert all(width < height for width, height in _sizes(printed.handout))


def test_leader_guide_ends_with_the_leaders_pages_then_the_signs(printed: Printed) -> None:
    flat = _flat(printed.guide)
    for line in LEADER_LINES:
        assert line in flat, line
    assert flat.index("Källor") < flat.index("Ledarstöd för isberget")
    assert "Kulturens isberg Arbetsblad" not in flat  # the participants' pages are theirs
    sizes = _sizes(printed.guide)
    landscape = [width > height for width, height in sizes]
    assert landscape[-3:] == [True, True, True] and not any(landscape[:-3])
    assert sizes[-1] == pytest.approx((841.89, 595.28), abs=0.1)


def test_a_sign_is_readable_across_a_room(printed: Printed) -> None:
    pages = len(_sizes(printed.guide))
    first = _boxes(printed.guide, pages - 2)
    digit = next(box for box in first if box.text == "1")
    assert digit.height >= 280  # the type size: a "1" about 300 pt
    line = [box for box in first if box.text in ("Håller", "helt", "med")]
    assert len(line) == 3 and all(36 <= box.height <= 48 for box in line)
    page_width = _sizes(printed.guide)[-1][0]
    middle = (digit.x_min + digit.x_max) / 2
    assert middle == pytest.approx(page_width / 2, abs=2)
    # A longer heading shrinks to the width and stays large.
    last = _boxes(printed.guide, pages)
    heading = [box for box in last if box.text in ("Öppet", "hörn")]
    assert len(heading) == 2 and all(box.height >= 72 for box in heading)
    assert min(b.x_min for b in heading) >= 56 and max(b.x_max for b in heading) <= 786


def _pale_ink(png: Path, box: tuple[float, float, float, float]) -> float:
    """Share of pixels that are not white inside ``box`` (shares of the page's size)."""
    with Image.open(png) as image:
        width, height = image.size
        left, top, right, bottom = box
        crop = image.convert("L").crop(
            (int(left * width), int(top * height), int(right * width), int(bottom * height))
        )
        histogram = crop.histogram()
    return sum(histogram[:250]) / max(1, sum(histogram))


def test_the_figures_are_drawn(printed: Printed, tmp_path: Path) -> None:
    pages = pdf_tools.render(printed.handout, tmp_path)
    flat = [
        " ".join(pdf_tools.text_in_drawing_order(printed.handout, n + 1).split())
        for n in range(len(pages))
    ]
    iceberg = next(n for n, text in enumerate(flat) if "Kulturens isberg" in text)
    rings = next(n for n, text in enumerate(flat) if "Vem samverkar vi med?" in text)
    # The iceberg below the water: a tinted mass in the middle of the lower page, and the
    # sides left empty to stick notes on.
    assert _pale_ink(pages[iceberg], (0.35, 0.45, 0.65, 0.7)) > 0.6
    assert _pale_ink(pages[iceberg], (0.1, 0.45, 0.2, 0.7)) < 0.02
    # The rings fill the page's width.
    assert _pale_ink(pages[rings], (0.1, 0.2, 0.9, 0.6)) > 0.3
    assert _pale_ink(pages[rings], (0.09, 0.38, 0.12, 0.42)) > 0.0
    for label in ("Det vi ser", "Det vi inte ser"):
        assert label in flat[iceberg]
    for label in ("Jag", "Arbetslaget", "Förvaltningen", "Kommunen", "Civilsamhället"):
        assert label in flat[rings]


def test_an_undeclared_printable_is_printed_for_the_leader_only(
    printed: Printed, tmp_path: Path
) -> None:
    (printed.folder / "printables" / "okand.md").write_text(
        "# Okänd sida\n\nVem den är till vet ingen.\n", encoding="utf-8"
    )
    try:
        assert "Okänd sida" not in _flat(write_handout(printed.folder, tmp_path / "h.pdf"))
        assert "Okänd sida" in _flat(write_leader_guide(printed.folder, tmp_path / "g.pdf"))
    finally:
        (printed.folder / "printables" / "okand.md").unlink()


def test_the_signs_print_on_their_own(printed: Printed, tmp_path: Path) -> None:
    pdf = write_signs(printed.folder, tmp_path / "skyltar.pdf")
    assert pdf is not None
    assert [width > height for width, height in _sizes(pdf)] == [True, True, True]
    assert [box.text for box in _boxes(pdf, 1)][:1] == ["1"]
    assert write_signs(EXAMPLE_MODULE, tmp_path / "inga.pdf") is None
    assert not (tmp_path / "inga.pdf").exists()


def test_a_figure_the_validator_refuses_still_prints_its_words(tmp_path: Path) -> None:
    flowables = markdown_flowables("```figure pyramid\nTopp\n```\n", 400)
    assert [type(f).__name__ for f in flowables] == ["Paragraph"]
