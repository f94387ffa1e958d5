"""Blocks to HTML for Qt's rich-text labels and text views (``setHtml``).

Safe by construction: every character a module wrote is escaped, and the only tags are the
few written here: no image, link, style sheet or anything else that Qt could load or act on
(a Qt label would read any file named by ``<img src>``, /dev/zero included, and never finish).

``base_px`` sizes the text in pixels relative to the label's own font (the projector, which
scales with the screen); without it Qt's defaults for a text view apply (the console).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from html import escape
from itertools import groupby

from facilitator.core.markdown.blocks import Block, BlockKind, Span, parse

# Heading sizes relative to the body, by level; the projector's own heading is larger still.
_HEADING_SCALE = {1: 1.3, 2: 1.2, 3: 1.1}
_LIST_MARKERS = ("•",)


def markdown_html(source: str, *, base_px: int | None = None) -> str:
    """Safe HTML for ``setHtml``: a module's Markdown, shown and never loaded."""
    return blocks_html(parse(source), base_px=base_px)


def blocks_html(blocks: Sequence[Block], *, base_px: int | None = None) -> str:
    return "".join(_html(blocks, base_px))


def spans_html(spans: Sequence[Span]) -> str:
    out: list[str] = []
    for span in spans:
        text = escape(span.text, quote=False).replace("\n", "<br>")
        if span.link and span.link != span.text:
            # The address is not shown on screen (nobody can click it there), nor linked.
            text = f"<u>{text}</u>"
        if span.code:
            text = f"<code>{text}</code>"
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _gap(base_px: int | None, share: float = 0.45) -> str:
    """Space below a block: a share of a line, so it scales with the text."""
    if base_px is None:
        return ""
    return f' style="margin-top:0px; margin-bottom:{round(base_px * share)}px"'


def _html(blocks: Sequence[Block], base_px: int | None) -> Iterator[str]:
    if base_px is not None:
        # Sized text: Qt draws a list's markers in a fixed 40 px indent, which cuts off "1."
        # in large type, so items become rows of a table with the marker in a column of its own.
        for is_item, group in groupby(blocks, key=lambda b: b.kind is BlockKind.ITEM):
            if is_item:
                yield _item_table(list(group), base_px)
            else:
                yield from (_block(block, base_px) for block in group)
        return
    # Neighbouring items of one list become one Qt list, so Qt numbers and spaces them.
    for is_list, group in groupby(blocks, key=_list_key):
        if is_list:
            yield from _list(list(group), base_px)
        else:
            yield from (_block(block, None) for block in group)


def _item_table(items: list[Block], base_px: int) -> str:
    gap = round(base_px * 0.25)
    # The marker column as wide as its widest marker ("•", "10."), the text taking the rest.
    widest = max(len(item.marker) for item in items)
    marker_width = round(base_px * (0.62 * widest + 0.5))
    rows = []
    for item in items:
        indent = round(base_px * 1.2 * (item.level - 1))
        rows.append(
            f'<tr><td width="{marker_width + indent}"'
            f' style="padding-left:{indent}px; padding-bottom:{gap}px">{escape(item.marker)}</td>'
            f'<td style="padding-bottom:{gap}px">{spans_html(item.spans)}</td></tr>'
        )
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"'
        f' style="margin-bottom:{round(base_px * 0.2)}px">{"".join(rows)}</table>'
    )


def _list_key(block: Block) -> tuple[int, bool] | None:
    if block.kind is not BlockKind.ITEM:
        return None
    if block.number is not None:
        return (block.level, True)
    if block.marker in _LIST_MARKERS:
        return (block.level, False)
    return None  # a task box or the second half of a cut item: a paragraph of its own


def _list(items: list[Block], base_px: int | None) -> Iterator[str]:
    first = items[0]
    tag = "ol" if first.number is not None else "ul"
    start = f' start="{first.number}"' if first.number is not None else ""
    indent = f' style="-qt-list-indent: {first.level};"'
    yield f"<{tag}{start}{indent}>"
    for item in items:
        yield f"<li{_gap(base_px, 0.25)}>{spans_html(item.spans)}</li>"
    yield f"</{tag}>"


def _block(block: Block, base_px: int | None) -> str:
    body = spans_html(block.spans)
    if block.kind is BlockKind.HEADING:
        if base_px is None:
            level = min(block.level + 1, 6)  # the console's notes sit under a title of their own
            return f"<h{level}>{body}</h{level}>"
        size = round(base_px * _HEADING_SCALE.get(block.level, 1.0))
        return (
            f'<p style="margin-top:0px; margin-bottom:{round(base_px * 0.35)}px; '
            f'font-size:{size}px; font-weight:600">{body}</p>'
        )
    if block.kind is BlockKind.ITEM:
        marker = f"{escape(block.marker)} " if block.marker else ""
        indent = 40 * block.level  # Qt's own list indent, so cut items line up with lists
        below = f" margin-top:0px; margin-bottom:{round(base_px * 0.25)}px;" if base_px else ""
        return f'<p style="margin-left:{indent}px;{below}">{marker}{body}</p>'
    if block.kind is BlockKind.QUOTE:
        return f"<blockquote><i>{body}</i></blockquote>"
    if block.kind is BlockKind.RULE:
        return "<hr>"
    if block.kind is BlockKind.TABLE:
        return _table(block)
    if block.kind is BlockKind.FIGURE:
        return f"<p{_gap(base_px)}><i>{body}</i></p>"
    if block.kind is BlockKind.CODE:
        return f"<pre>{escape(block.text, quote=False)}</pre>"
    return f"<p{_gap(base_px)}>{body}</p>"


def _table(block: Block) -> str:
    rows = []
    for number, row in enumerate(block.rows):
        cell = "th" if number == 0 else "td"
        rows.append("<tr>" + "".join(f"<{cell}>{spans_html(c)}</{cell}>" for c in row) + "</tr>")
    return '<table border="1" cellspacing="0" cellpadding="4">' + "".join(rows) + "</table>"
