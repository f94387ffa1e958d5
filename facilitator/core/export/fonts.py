"""The bundled fonts (resources/fonts), registered once with reportlab, and which script each
one prints.

reportlab keeps one process-wide font registry, so registration happens once per process and
every document refers to the fonts by the names below.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.core.paths import resources_dir


class Script(StrEnum):
    LATIN = "latin"
    """Whatever the base font covers: Latin (Swedish, Somali), Greek, Cyrillic, Hebrew."""
    ARABIC = "arabic"
    """Arabic and Persian."""
    ETHIOPIC = "ethiopic"
    """Ge'ez: Tigrinya, Amharic."""
    OTHER = "other"
    """No bundled font: printed as a note instead of empty boxes."""


@dataclass(frozen=True)
class FontFace:
    regular: str
    bold: str
    italic: str
    bold_italic: str
    scale: float = 1.0
    """Size relative to the Latin text, so that scripts with a smaller eye read as large."""

    def pick(self, *, bold: bool = False, italic: bool = False) -> str:
        if bold and italic:
            return self.bold_italic
        if bold:
            return self.bold
        return self.italic if italic else self.regular


@dataclass(frozen=True, eq=False)  # one per process: compared (and hashed) by identity
class FontSet:
    latin: FontFace
    arabic: FontFace
    ethiopic: FontFace
    coverage: dict[Script, frozenset[int]]
    plain: frozenset[str] = frozenset()
    """Characters the base font prints as they are, left to right: text made only of these
    needs no script handling (the common case, checked with one set operation)."""

    def face(self, script: Script) -> FontFace:
        if script is Script.ARABIC:
            return self.arabic
        if script is Script.ETHIOPIC:
            return self.ethiopic
        return self.latin

    def covers(self, script: Script, char: str) -> bool:
        return ord(char) in self.coverage.get(script, frozenset())


# (registered name, file) — the names are what documents and styles refer to.
_FILES = {
    "FacSans": "DejaVuSans.ttf",
    "FacSans-Bold": "DejaVuSans-Bold.ttf",
    "FacSans-Italic": "DejaVuSans-Oblique.ttf",
    "FacSans-BoldItalic": "DejaVuSans-BoldOblique.ttf",
    "FacArabic": "NotoNaskhArabic-Regular.ttf",
    "FacArabic-Bold": "NotoNaskhArabic-Bold.ttf",
    "FacEthiopic": "AbyssinicaSIL-Regular.ttf",
}

LATIN = FontFace("FacSans", "FacSans-Bold", "FacSans-Italic", "FacSans-BoldItalic")
# Neither has an italic; Abyssinica has no bold either. Upright regular is better than a
# fake slant that reportlab cannot make for embedded fonts.
ARABIC = FontFace("FacArabic", "FacArabic-Bold", "FacArabic", "FacArabic-Bold", scale=1.15)
ETHIOPIC = FontFace("FacEthiopic", "FacEthiopic", "FacEthiopic", "FacEthiopic")


class FontsMissing(RuntimeError):
    """A bundled font file is missing: the installation is broken."""


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@functools.cache
def bundled_fonts() -> FontSet:
    """Register the bundled fonts (once per process) and say what each covers."""
    folder = fonts_dir()
    loaded: dict[str, TTFont] = {}
    for name, file_name in _FILES.items():
        path = folder / file_name
        if not path.is_file():
            raise FontsMissing(f"font file missing: {path}")
        if name in pdfmetrics.getRegisteredFontNames():
            font = pdfmetrics.getFont(name)
        else:
            font = TTFont(name, str(path))
            pdfmetrics.registerFont(font)
        loaded[name] = font
    for face in (LATIN, ARABIC, ETHIOPIC):
        # So that <b>/<i> inside a Paragraph pick the right file of the same family.
        addMapping(face.regular, 0, 0, face.regular)
        addMapping(face.regular, 1, 0, face.bold)
        addMapping(face.regular, 0, 1, face.italic)
        addMapping(face.regular, 1, 1, face.bold_italic)
    coverage = {
        Script.LATIN: _cmap(loaded[LATIN.regular]),
        Script.ARABIC: _cmap(loaded[ARABIC.regular]),
        Script.ETHIOPIC: _cmap(loaded[ETHIOPIC.regular]),
    }
    return FontSet(LATIN, ARABIC, ETHIOPIC, coverage, _plain(coverage[Script.LATIN]))


def _plain(latin: frozenset[int]) -> frozenset[str]:
    # Arabic and Ge'ez have fonts of their own even where DejaVu has some of their letters.
    return frozenset(
        chr(code)
        for code in latin
        if not (0x0590 <= code <= 0x08FF or 0x1200 <= code <= 0x139F or 0xFB1D <= code <= 0xFEFF)
        and unicodedata.bidirectional(chr(code)) not in ("R", "AL", "RLE", "RLO", "RLI")
    )


def _cmap(font: TTFont) -> frozenset[int]:
    return frozenset(int(code) for code in font.face.charToGlyph)
