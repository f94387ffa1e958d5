"""A paragraph flowable for text with right-to-left runs, and the one factory the documents use
for any user-written text (which picks the plain reportlab Paragraph when it can)."""

from __future__ import annotations

import functools

import arabic_reshaper
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from facilitator.core.export.fonts import FontSet, bundled_fonts
from facilitator.core.export.text_shaping import (
    base_direction,
    has_rtl,
    markup,
    run_width,
    shape_line,
    split_runs,
    substitute_unshowable,
    text_width,
    wrap_logical,
)

_BOLD_SUFFIXES = ("-Bold", "-BoldItalic")


@functools.lru_cache(maxsize=4096)
def _word_width(word: str, fonts: FontSet, size: float, bold: bool) -> float:
    # Joined letter forms differ in width from the isolated ones, so measure them joined;
    # joining never crosses a space, so a word measures the same alone as in its line.
    shaped = str(arabic_reshaper.reshape(word))
    return text_width(shaped, fonts, size, bold=bold)


class ShapedParagraph(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Wraps in logical order, then shapes and reorders each line on its own; right-to-left
    paragraphs are set flush right. No inline markup: one style for the whole text."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        fonts: FontSet,
        *,
        lines: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.text = substitute_unshowable(text, fonts)
        self.style = style
        self._fonts = fonts
        self._bold = str(style.fontName).endswith(_BOLD_SUFFIXES)
        self._direction = base_direction(self.text)
        self._fixed = lines
        self._lines: list[str] = list(lines or [])

    # -- layout ----------------------------------------------------------------------------

    def _measure(self, word: str) -> float:
        return _word_width(word, self._fonts, float(self.style.fontSize), self._bold)

    def _inner(self, avail_width: float) -> float:
        return float(avail_width - self.style.leftIndent - self.style.rightIndent)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fixed is None:
            self._lines = wrap_logical(self.text, self._inner(avail_width), self._measure)
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fits = int(avail_height // self.style.leading)
        if fits <= 0:
            return []
        if fits >= len(self._lines):
            return [self]
        head, tail = self._lines[:fits], self._lines[fits:]
        return [
            ShapedParagraph(self.text, self.style, self._fonts, lines=head),
            ShapedParagraph(self.text, self.style, self._fonts, lines=tail),
        ]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    # -- drawing ---------------------------------------------------------------------------

    def draw(self) -> None:
        canvas = self.canv
        size = self.style.fontSize
        inner = self._inner(self.width)
        canvas.setFillColor(self.style.textColor)
        for index, line in enumerate(self._lines):
            runs = split_runs(shape_line(line, self._direction), self._fonts)
            widths = [run_width(run, self._fonts, size, bold=self._bold) for run in runs]
            x = float(self.style.leftIndent)
            if self._direction == "R" or self.style.alignment == TA_RIGHT:
                x += inner - sum(widths)
            elif self.style.alignment == TA_CENTER:
                x += (inner - sum(widths)) / 2
            baseline = self.height - index * self.style.leading - size
            for run, width in zip(runs, widths, strict=True):
                face = self._fonts.face(run.script)
                canvas.setFont(face.pick(bold=self._bold), size * face.scale)
                canvas.drawString(x, baseline, run.text)
                x += width


def text_block(
    text: str,
    style: ParagraphStyle,
    fonts: FontSet | None = None,
    *,
    bullet: str | None = None,
) -> Flowable:
    """A flowable for text a person wrote (a reflection, a name, a place): any script. A
    right-to-left paragraph gets no bullet (it would sit on the wrong side)."""
    fonts = fonts or bundled_fonts()
    if has_rtl(text):
        return ShapedParagraph(text, style, fonts)
    name = str(style.fontName)
    bold = name.endswith(_BOLD_SUFFIXES)
    italic = name.endswith(("-Italic", "-BoldItalic"))
    return Paragraph(
        markup(text, fonts, size=style.fontSize, bold=bold, italic=italic),
        style,
        bulletText=bullet,
    )
