"""The paragraph flowable for any text a person wrote (a reflection, a name, a place), in any
script, and ``text_block``, the one factory the documents use for it.

It does what reportlab's Paragraph does for one style and no markup — the same line breaks,
bullet and page splits — without the markup parser and the fragment machinery, which made the
summary of a long session slow: the summary is mostly such paragraphs."""

from __future__ import annotations

import functools

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from facilitator.core.export.fonts import FontSet, bundled_fonts
from facilitator.core.export.text_shaping import (
    Run,
    base_direction,
    has_rtl,
    is_plain,
    join_letters,
    run_width,
    split_runs,
    substitute_unshowable,
    text_width,
    visual_order,
    wrap_measured,
)

_BOLD_SUFFIXES = ("-Bold", "-BoldItalic")
_ITALIC_SUFFIXES = ("-Italic", "-BoldItalic")
_Font = tuple[str, float]
"""A font name and size, as set on a text object."""
_Line = tuple[str, float]
"""A wrapped line (joined, in logical order) and its width."""


@functools.lru_cache(maxsize=16384)
def _word_width(word: str, fonts: FontSet, size: float, bold: bool, italic: bool) -> float:
    # Measuring is most of the work of wrapping, and the same words come back all through
    # a session's reflections. ``word`` is already joined (see ShapedParagraph): joined
    # letter forms differ in width from the isolated ones.
    if is_plain(word, fonts):  # most words: one font, no runs to find
        return float(stringWidth(word, fonts.latin.pick(bold=bold, italic=italic), size))
    return text_width(word, fonts, size, bold=bold, italic=italic)


class ShapedParagraph(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """Text in one style: each run of a script in its font, unprintable runs replaced by a
    note, an optional bullet. No inline markup.

    Right-to-left text is joined first, then wrapped in logical order, and only then each line
    is put in visual order; such a paragraph is set flush right and gets no bullet (it would
    sit on the wrong side). Joining never crosses a space and lines only break at spaces, so
    the whole text is joined once: each word then measures, and each line draws, exactly as
    if it had been joined on its own (arabic_reshaper is slow per call).
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        fonts: FontSet,
        *,
        bullet: str | None = None,
        lines: list[_Line] | None = None,
    ) -> None:
        super().__init__()
        self.text = substitute_unshowable(text, fonts)
        self.style = style
        self._fonts = fonts
        name = str(style.fontName)
        self._bold = name.endswith(_BOLD_SUFFIXES)
        self._italic = name.endswith(_ITALIC_SUFFIXES)
        self._rtl = has_rtl(self.text)
        self._direction = base_direction(self.text) if self._rtl else "L"
        self._bullet = None if self._rtl else bullet
        self._fixed = lines
        """Already wrapped (and joined) lines, when this is one part of a split paragraph."""
        self._lines: list[_Line] = list(lines or [])
        self._joined = join_letters(self.text) if self._rtl and lines is None else self.text

    @property
    def lines(self) -> list[str]:
        """The lines as wrapped (joined, in logical order), once ``wrap`` has run."""
        return [line for line, _width in self._lines]

    # -- layout ----------------------------------------------------------------------------

    def _measure(self, word: str) -> float:
        return _word_width(word, self._fonts, float(self.style.fontSize), self._bold, self._italic)

    def _inner(self, avail_width: float) -> float:
        return float(avail_width - self.style.leftIndent - self.style.rightIndent)

    def _bullet_overrun(self) -> float:
        """How far the bullet reaches into the first line, which starts that much later (as
        in reportlab: the bullet, then 0.6 of its size, must fit before the text)."""
        if not self._bullet:
            return 0.0
        style = self.style
        width = stringWidth(self._bullet, style.bulletFontName, style.bulletFontSize)
        reach = style.bulletIndent + width + 0.6 * style.bulletFontSize
        return max(0.0, float(reach - style.leftIndent))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._fixed is None and not self._joined.strip():
            self._lines = []  # as reportlab: blank text takes no room at all
        elif self._fixed is None:
            inner = self._inner(avail_width)
            self._lines = wrap_measured(
                self._joined,
                inner,
                self._measure,
                first_width=inner - self._bullet_overrun(),
                shrink=float(self.style.spaceShrinkage),
            )
        self.width = avail_width
        self.height = len(self._lines) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fits = int(avail_height / self.style.leading)
        # Never leave a paragraph's first line alone at the foot of a page (reportlab's
        # allowOrphans=0; its allowWidows=1 needs nothing: the styles here keep both).
        if fits < (1 if self.style.allowOrphans else 2):
            return []
        if fits >= len(self._lines):
            return [self]
        head = ShapedParagraph(
            self.text, self.style, self._fonts, bullet=self._bullet, lines=self._lines[:fits]
        )
        tail = ShapedParagraph(self.text, self.style, self._fonts, lines=self._lines[fits:])
        return [head, tail]

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter)

    # -- drawing ---------------------------------------------------------------------------

    def draw(self) -> None:
        style = self.style
        canvas = self.canv
        canvas.setFillColor(style.textColor)
        # One text object for the whole paragraph, bullet included: a text object per line
        # or per run costs more than the text in it.
        text = canvas.beginText()
        top = self.height - style.fontSize
        offset = 0.0
        font: _Font | None = None
        if self._bullet:
            font = (style.bulletFontName, style.bulletFontSize)
            text.setFont(*font)
            text.setTextOrigin(style.bulletIndent, top)
            _show(text, self._bullet)
            offset = self._bullet_overrun()
        for index, line in enumerate(self._lines):
            baseline = top - index * style.leading
            font = self._draw_line(text, font, line, offset if index == 0 else 0.0, baseline)
        canvas.drawText(text)

    def _draw_line(
        self, text: PDFTextObject, font: _Font | None, line: _Line, offset: float, y: float
    ) -> _Font | None:
        """Draws one line into ``text``, whose font is ``font``; returns the font it leaves."""
        style = self.style
        words, width = line
        runs = split_runs(visual_order(words, self._direction) if self._rtl else words, self._fonts)
        if not runs:  # an empty line between two explicit line breaks
            return font
        alignment = TA_RIGHT if self._direction == "R" else style.alignment
        # The common line (one run, flush left) is as wide as wrapping measured it; otherwise
        # each run is measured as drawn, since a space in a run of another script is as wide
        # as that script's font makes it.
        widths = [] if len(runs) == 1 and alignment == TA_LEFT else self._run_widths(runs)
        room = self._inner(self.width) - offset - (sum(widths) if widths else width)
        x = float(style.leftIndent) + offset
        squeeze = 0.0
        if room < -1e-8 and _spaces(words):
            # A line that runs over (see wrap_measured) is fitted with narrower spaces, as
            # reportlab's Paragraph does it.
            squeeze = room / _spaces(words)
            text.setWordSpace(squeeze)
        elif alignment == TA_RIGHT:
            x += room
        elif alignment == TA_CENTER:
            x += room / 2
        for run, advance in zip(runs, widths or [0.0], strict=True):
            face = self._fonts.face(run.script)
            wanted = (face.pick(bold=self._bold, italic=self._italic), style.fontSize * face.scale)
            if wanted != font:
                text.setFont(*wanted)
                font = wanted
            text.setTextOrigin(x, y)
            _show(text, run.text)
            x += advance + squeeze * _spaces(run.text)
        if squeeze:
            text.setWordSpace(0)
        return font

    def _run_widths(self, runs: list[Run]) -> list[float]:
        size = float(self.style.fontSize)
        return [
            run_width(run, self._fonts, size, bold=self._bold, italic=self._italic) for run in runs
        ]


def _show(text: PDFTextObject, words: str) -> None:
    # textLine rather than textOut: textOut measures the string to move its cursor along,
    # which costs as much as drawing it and is never used here (every run is placed with
    # setTextOrigin, which also overrides the move to the next line textLine adds).
    text.textLine(words)


def _spaces(text: str) -> int:
    """The spaces a PDF word spacing widens: no-break spaces print as spaces too."""
    return text.count(" ") + text.count("\xa0")


def text_block(
    text: str,
    style: ParagraphStyle,
    fonts: FontSet | None = None,
    *,
    bullet: str | None = None,
) -> Flowable:
    """A flowable for text a person wrote (a reflection, a name, a place): any script. A
    right-to-left paragraph gets no bullet (it would sit on the wrong side)."""
    return ShapedParagraph(text, style, fonts or bundled_fonts(), bullet=bullet)
