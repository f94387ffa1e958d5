"""Module Markdown to reportlab flowables, for the leader's guide and the printable pages.

Parsed by ``core.markdown`` (CommonMark, raw HTML shown as text); here each block becomes a
paragraph in the PDF styles: headings, paragraphs, lists with their markers (task boxes as
boxes to tick), quotes, rules and tables, and ``figure`` fences as drawings (``figures``). A
link prints as "label (address)", so a reader of the paper can still find it; an image as its
description.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Preformatted, Table

from facilitator.core.export.blocks import table_style
from facilitator.core.export.figures import figure_flowable
from facilitator.core.export.fonts import bundled_fonts
from facilitator.core.export.shaped_paragraph import text_block
from facilitator.core.export.styles import INK, RULE, SHADE, styles
from facilitator.core.export.text_shaping import has_rtl, markup
from facilitator.core.markdown.blocks import Block, BlockKind, Span, Spans, parse
from facilitator.core.markdown.blocks import plain as _plain

_HEADING_STYLES = {1: "h1", 2: "h2"}
# Each deeper list level is indented this much more than the list style's own indent.
_LEVEL_INDENT = 5 * mm


def inline_markup(spans: Sequence[Span], *, size: float) -> str:
    """Paragraph markup for a run of spans: emphasis kept, every character escaped."""
    fonts = bundled_fonts()
    parts: list[str] = []
    for span in spans:
        text = markup(_words(span), fonts, size=size, bold=span.bold, italic=span.italic)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        parts.append(text)
    return "".join(parts)


def _words(span: Span) -> str:
    return _plain((span,))


def plain_text(source: str) -> str:
    """The words of one Markdown paragraph without its marks (for right-to-left text)."""
    return "\n".join(block.text for block in parse(source))


def markdown_flowables(source: str, width: float) -> list[Flowable]:
    """Flowables for ``source`` laid out in ``width`` points."""
    out: list[Flowable] = []
    for block in parse(source):
        if block.kind is BlockKind.HEADING:
            out.append(_text(block.spans, _HEADING_STYLES.get(block.level, "h3")))
        elif block.kind is BlockKind.RULE:
            out.append(
                HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=4, spaceAfter=6)
            )
        elif block.kind is BlockKind.QUOTE:
            out.append(_text(block.spans, "quote"))
        elif block.kind is BlockKind.ITEM:
            out.append(_item(block))
        elif block.kind is BlockKind.TABLE:
            out.append(_table(block.rows, width))
        elif block.kind is BlockKind.CODE:
            out.append(_code(block.text))
        elif block.kind is BlockKind.FIGURE:
            drawn = figure_flowable(block.figure, block.labels, width)
            # One the validator refuses still shows its words rather than vanish.
            out.append(drawn if drawn is not None else _text(block.spans, "quote"))
        else:
            out.append(_text(block.spans, "body"))
    return out


def _item(block: Block) -> Flowable:
    style = styles().bullet
    if block.level > 1:
        indent = _LEVEL_INDENT * (block.level - 1)
        style = style.clone(
            f"bullet{block.level}",
            leftIndent=style.leftIndent + indent,
            bulletIndent=style.bulletIndent + indent,
        )
    return _styled(block.spans, style, block.marker or None)


def _code(text: str) -> Flowable:
    """Kept as written, in a fixed-width face, so a box drawn with characters stays a box.
    Courier is built into every PDF reader and has Latin-1 (å, ä, ö); other text is printed
    as a paragraph instead."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return _text((Span(text),), "body")
    style = styles().body
    return Preformatted(text, style.clone("code", fontName="Courier", leading=style.fontSize * 1.2))


def _text(spans: Spans, style_name: str) -> Flowable:
    return _styled(spans, getattr(styles(), style_name), None)


def _styled(spans: Spans, style: ParagraphStyle, bullet: str | None) -> Flowable:
    text = _plain(spans)
    if has_rtl(text):
        return text_block(text, style)
    return Paragraph(inline_markup(spans, size=style.fontSize), style, bulletText=bullet)


def _table(rows: tuple[tuple[Spans, ...], ...], width: float) -> Table:
    columns = max(len(row) for row in rows)
    s = styles()
    data = [
        [
            _text(cell, "cell_bold" if r == 0 else "cell")
            for cell in (*row, *[()] * (columns - len(row)))
        ]
        for r, row in enumerate(rows)
    ]
    # Empty rows are meant to be written in by hand: give them room for a pen.
    heights = [None if any(_plain(cell).strip() for cell in row) else 9 * mm for row in rows]
    table = Table(data, colWidths=[width / columns] * columns, rowHeights=heights, repeatRows=1)
    table.setStyle(
        table_style(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, INK),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTSIZE", (0, 0), (-1, -1), s.cell.fontSize),
            ]
        )
    )
    return table
