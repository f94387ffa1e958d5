"""The bundled fonts (resources/fonts), registered once with reportlab, and which script each
one prints.

reportlab keeps one process-wide font registry, so registration happens once per process and
every document refers to the fonts by the names below.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.core.paths import resources_dir


class Script(StrEnum):
    LATIN = "latin"
    """Whatever the base font covers: Latin (Swedish, Somali), Greek, Cyrillic, Hebrew."""
    ARABIC = "arabic"
    """Arabic and Persian."""
    ETHIOPIC = "ethiopic"
    """Ge'ez: Tigrinya, Amharic."""
    EMOJI = "emoji"
    """Emoji and other pictographs the base font lacks, drawn in black and white."""
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
    emoji: FontFace
    coverage: dict[Script, frozenset[int]]
    plain: frozenset[str] = frozenset()
    """Characters the base font prints as they are, left to right: text made only of these
    needs no script handling (the common case, checked with one set operation)."""

    def face(self, script: Script) -> FontFace:
        if script is Script.ARABIC:
            return self.arabic
        if script is Script.ETHIOPIC:
            return self.ethiopic
        if script is Script.EMOJI:
            return self.emoji
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
    "FacEmoji": "NotoEmoji-Regular.ttf",
}

LATIN = FontFace("FacSans", "FacSans-Bold", "FacSans-Italic", "FacSans-BoldItalic")
# Neither has an italic; Abyssinica has no bold either. Upright regular is better than a
# fake slant that reportlab cannot make for embedded fonts.
ARABIC = FontFace("FacArabic", "FacArabic-Bold", "FacArabic", "FacArabic-Bold", scale=1.15)
ETHIOPIC = FontFace("FacEthiopic", "FacEthiopic", "FacEthiopic", "FacEthiopic")
# Monochrome: reportlab cannot embed the colour (bitmap) emoji fonts. One weight for all.
EMOJI = FontFace("FacEmoji", "FacEmoji", "FacEmoji", "FacEmoji")

LAYOUT_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Bidi marks, embeddings and isolates: they steer the order of the text around them and
have no glyph of their own, so they are never printed (see text_shaping)."""


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
    _fix_astral_to_unicode()
    for face in (LATIN, ARABIC, ETHIOPIC, EMOJI):
        # So that <b>/<i> inside a Paragraph pick the right file of the same family.
        addMapping(face.regular, 0, 0, face.regular)
        addMapping(face.regular, 1, 0, face.bold)
        addMapping(face.regular, 0, 1, face.italic)
        addMapping(face.regular, 1, 1, face.bold_italic)
    coverage = {
        Script.LATIN: _cmap(loaded[LATIN.regular]),
        Script.ARABIC: _cmap(loaded[ARABIC.regular]),
        Script.ETHIOPIC: _cmap(loaded[ETHIOPIC.regular]),
        Script.EMOJI: _cmap(loaded[EMOJI.regular]),
    }
    return FontSet(LATIN, ARABIC, ETHIOPIC, EMOJI, coverage, _plain(coverage[Script.LATIN]))


def _plain(latin: frozenset[int]) -> frozenset[str]:
    # Arabic and Ge'ez have fonts of their own even where DejaVu has some of their letters.
    return frozenset(
        chr(code)
        for code in latin
        if not (0x0590 <= code <= 0x08FF or 0x1200 <= code <= 0x139F or 0xFB1D <= code <= 0xFEFF)
        and unicodedata.bidirectional(chr(code)) not in ("R", "AL", "RLE", "RLO", "RLI")
        and chr(code) not in LAYOUT_CONTROLS
    )


def _cmap(font: TTFont) -> frozenset[int]:
    return frozenset(int(code) for code in font.face.charToGlyph)


_ASTRAL_ENTRY = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _fix_astral_to_unicode() -> None:
    """reportlab writes a character beyond U+FFFF (every emoji) into the PDF's ToUnicode map
    as five hex digits, which readers take for a different character: copying 😀 from the
    PDF gave "ὠ". The map must hold it as UTF-16, a surrogate pair. Patched in reportlab's
    module (it looks the function up by name when it writes a font), once per process."""
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "astral_fixed", False):
        return

    def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        return _ASTRAL_ENTRY.sub(_utf16_entry, original(fontname, subset))

    to_unicode_cmap.astral_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


def _utf16_entry(match: re.Match[str]) -> str:
    units = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"<{match.group(1)}> <{units}>"
