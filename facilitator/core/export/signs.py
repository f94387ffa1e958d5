"""Signs to put up in a room (a printable with ``layout = "signs"``): every ``# `` heading
starts a landscape A4 sheet with the heading as large as the sheet allows — a "1" about
300 pt tall, readable from the far corner — and the section's few lines below it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from facilitator.core.export.document import SIGN_TEMPLATE
from facilitator.core.export.fonts import LATIN
from facilitator.core.export.markdown import markdown_flowables
from facilitator.core.export.styles import BODY_WIDTH, INK
from facilitator.core.markdown.blocks import Block, BlockKind, parse

HEADING_MAX = 300.0
HEADING_MIN = 60.0
LINES_SIZE = 40.0
LINES_MIN = 24.0
CAP_HEIGHT = 0.73
"""DejaVu Sans Bold's capitals and digits are this share of the type size tall."""


@dataclass(frozen=True)
class Sign:
    heading: str
    lines: tuple[str, ...]


def signs_of(source: str) -> tuple[str, list[Sign]]:
    """The Markdown before the first ``# `` heading (instructions, printed as a page) and
    one sign per ``# `` heading with the words of its section, one entry per block."""
    lines = source.splitlines()
    preamble: list[str] = []
    signs: list[Sign] = []
    blocks: list[Block] = []
    heading: str | None = None
    for block in parse(source):
        if block.kind is BlockKind.HEADING and block.level == 1:
            if heading is not None:
                signs.append(_sign(heading, blocks))
            heading, blocks = block.text.strip(), []
        elif heading is None:
            preamble.append(block.text)
        else:
            blocks.append(block)
    if heading is not None:
        signs.append(_sign(heading, blocks))
    before = _before_first_heading(lines) if preamble else ""
    return before, signs


def _sign(heading: str, blocks: list[Block]) -> Sign:
    words = [block.text.strip() for block in blocks if block.kind is not BlockKind.RULE]
    return Sign(heading, tuple(word for word in words if word))


def _before_first_heading(lines: list[str]) -> str:
    for index, line in enumerate(lines):
        if line.startswith("# ") or line.strip() == "#":
            return "\n".join(lines[:index])
    return "\n".join(lines)


class SignPage(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """One sign filling the landscape frame."""

    def __init__(self, sign: Sign) -> None:
        super().__init__()
        self.sign = sign
        self.width = 0.0
        self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height
        return avail_width, avail_height

    def draw(self) -> None:
        canvas: Any = self.canv
        width = self.width
        heading_size, heading_lines = _fit(self.sign.heading, width, HEADING_MAX, HEADING_MIN)
        size = LINES_SIZE
        lines = _wrapped(self.sign.lines, size, width)
        heading_height = _block_height(heading_size, len(heading_lines))
        # Lines that do not fit under the heading shrink, then the heading gives way.
        while size > LINES_MIN and heading_height + _lines_height(size, lines) > self.height:
            size -= 2
            lines = _wrapped(self.sign.lines, size, width)
        while heading_size > HEADING_MIN and (
            _block_height(heading_size, len(heading_lines)) + _lines_height(size, lines)
            > self.height
        ):
            heading_size -= 10
            heading_lines = simpleSplit(self.sign.heading, LATIN.bold, heading_size, width)
        heading_height = _block_height(heading_size, len(heading_lines))
        total = heading_height + _lines_height(size, lines)
        top = (self.height + total) / 2
        canvas.setFillColor(INK)
        canvas.setFont(LATIN.bold, heading_size)
        baseline = top - heading_size * CAP_HEIGHT
        for line in heading_lines:
            canvas.drawCentredString(width / 2, baseline, line)
            baseline -= heading_size * 1.05
        canvas.setFont(LATIN.regular, size)
        baseline = top - heading_height - _gap(size) - size * CAP_HEIGHT
        for line in lines:
            canvas.drawCentredString(width / 2, baseline, line)
            baseline -= size * 1.25


def _fit(text: str, width: float, largest: float, smallest: float) -> tuple[float, list[str]]:
    """The largest size at which ``text`` fits ``width`` on one line, else wrapped lines at
    the smallest size."""
    natural = max(1.0, _string_width(text, largest))
    size = min(largest, largest * width / natural)
    if size >= smallest:
        return size, [text]
    return smallest, simpleSplit(text, LATIN.bold, smallest, width)


def _string_width(text: str, size: float) -> float:
    return float(stringWidth(text, LATIN.bold, size))


def _wrapped(texts: tuple[str, ...], size: float, width: float) -> list[str]:
    return [line for text in texts for line in simpleSplit(text, LATIN.regular, size, width)]


def _block_height(size: float, count: int) -> float:
    return size * CAP_HEIGHT + (count - 1) * size * 1.05


def _gap(size: float) -> float:
    # Clear air under the heading: the lines must not read as part of it.
    return size * 1.2


def _lines_height(size: float, lines: list[str]) -> float:
    if not lines:
        return 0.0
    return _gap(size) + size * CAP_HEIGHT + (len(lines) - 1) * size * 1.25


def sign_flowables(source: str) -> list[Flowable]:
    """The file's sheets, each starting a new page: its introduction (if any) on a portrait
    page, then one landscape page per sign. Whatever follows must start with a page break;
    it is portrait again."""
    preamble, signs = signs_of(source)
    out: list[Flowable] = []
    if preamble.strip():
        out += [PageBreak(), *markdown_flowables(preamble, BODY_WIDTH)]
    for sign in signs:
        out += [NextPageTemplate(SIGN_TEMPLATE), PageBreak(), SignPage(sign)]
    if signs:
        out.append(NextPageTemplate("page"))
    return out


def sign_sheets(sources: list[str]) -> list[Flowable]:
    """Only the signs of ``sources``, one per page, for a document of signs alone (its pages
    start landscape: ``build_pdf(first_template=SIGN_TEMPLATE)``)."""
    pages: list[Flowable] = []
    for source in sources:
        for sign in signs_of(source)[1]:
            pages += [PageBreak(), SignPage(sign)] if pages else [SignPage(sign)]
    return pages
