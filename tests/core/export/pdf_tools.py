"""Reading exported PDFs back the way a person's tools would: poppler and pypdf."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdf
from PIL import Image


def text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def text_in_drawing_order(pdf: Path, page: int | None = None) -> str:
    """The text in the order it is drawn (``-raw``): what a reader of an untagged PDF gets."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-raw", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pypdf_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(pdf).pages)


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float

    @property
    def normalized(self) -> str:
        # Reshaped Arabic comes back as presentation forms: NFKC maps them to the letters.
        return unicodedata.normalize("NFKC", self.text)


def words(pdf: Path) -> list[Word]:
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)
    return [Word(t, float(x), float(y)) for x, y, t in found]


def fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def render(pdf: Path, out_dir: Path, resolution: int = 50) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", str(pdf), str(out_dir / "page")],
        check=True,
    )
    return sorted(out_dir.glob("page-*.png"))


def ink_share(png: Path) -> float:
    """Share of pixels that are not (near) white."""
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    dark = sum(histogram[:200])
    return dark / max(1, sum(histogram))
