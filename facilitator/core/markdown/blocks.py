"""Markdown to a flat list of blocks: headings, paragraphs, list items, quotes, rules, tables.

The parser is markdown-it-py in its CommonMark mode with raw HTML off: ``<b>`` or ``<img>`` in
a module is text, shown as written. Images and links are kept only as their words (an image
as its description, a link as its label and address), so no renderer is ever handed anything
to load. The blocks are flat on purpose: a nested list item is an item with a deeper
``depth``, which is all a printed page or a projector needs, and what lets the projector cut
a long text into pages between any two blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from facilitator.core.markdown.figures import FIGURE_INFO, figure_caption


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    QUOTE = "quote"
    RULE = "rule"
    TABLE = "table"
    # A fenced or indented block: its spaces and lines matter (a box drawn to write in).
    CODE = "code"
    # A ```figure <name>``` fence: a drawing with one label per line (``core.markdown.figures``).
    FIGURE = "figure"


@dataclass(frozen=True)
class Span:
    """A run of text with one look. ``link`` is the address of a link, kept as words only."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


Spans = tuple[Span, ...]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    spans: Spans = ()
    # Heading level (1–6) or list depth (1 = top level).
    level: int = 0
    # A list item's marker as shown: "•", "3.", or a task box "☐"/"☒".
    marker: str = ""
    # Ordered list items: the number, so a page that starts mid-list can continue it.
    number: int | None = None
    rows: tuple[tuple[Spans, ...], ...] = field(default=())
    # A figure: its name and labels, and the 1-based line of its fence (for the validator).
    figure: str = ""
    labels: tuple[str, ...] = ()
    line: int = 0

    @property
    def text(self) -> str:
        return plain(self.spans)


_TASK = re.compile(r"^\[( |x|X)\]\s+")
_ITEM_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+")


@cache
def _parser() -> MarkdownIt:
    # "commonmark" has no tables; they are in the module format (printable sheets use them).
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def parse(source: str) -> list[Block]:
    """The blocks of ``source``, in reading order."""
    return list(_blocks(_parser().parse(source), source.splitlines()))


def plain(spans: Sequence[Span]) -> str:
    """The words of ``spans`` as one string (a link as "label (address)")."""
    return "".join(_span_words(span) for span in spans)


def _span_words(span: Span) -> str:
    if span.link and span.link != span.text:
        return f"{span.text} ({span.link})"
    return span.text


def _blocks(tokens: list[Token], lines: list[str]) -> Iterator[Block]:
    lists: list[list[int | None]] = []  # per open list: the next number (None for bullets)
    quote = 0
    item: Block | None = None  # the list item whose paragraphs are being gathered
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            if item is not None:  # a nested list ends the words of the item it is in
                yield _task(item)
                item = None
            start = token.attrs.get("start", 1) if kind == "ordered_list_open" else None
            lists.append([int(start) if start is not None else None])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            number = lists[-1][0]
            if number is not None:
                lists[-1][0] = number + 1
            item = Block(
                BlockKind.ITEM,
                level=len(lists),
                marker="•" if number is None else f"{number}.",
                number=number,
            )
        elif kind == "list_item_close":
            if item is not None:
                yield _task(item)
                item = None
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind == "heading_open":
            level = int(token.tag[1:])
            yield Block(BlockKind.HEADING, _inline(tokens[index + 1]), level=level)
            index += 2
        elif kind == "hr" and item is not None and token.map:
            # "- ______" is a line to write on in a list, not a rule across the page.
            written = _ITEM_MARKER.sub("", lines[token.map[0]]).strip()
            item = _joined(item, (Span(written),))
        elif kind == "hr":
            yield Block(BlockKind.RULE)
        elif kind == "fence" and token.info.split()[:1] == [FIGURE_INFO]:
            if item is not None:  # a drawing stands on its own, never inside a list item
                yield _task(item)
                item = None
            yield _figure(token)
        elif kind in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            code = (Span(text, code=True),)
            if item is not None:
                item = _joined(item, code)
            else:
                yield Block(BlockKind.CODE, code)
        elif kind == "inline":
            spans = _inline(token)
            if item is not None:
                item = _joined(item, spans)
            else:
                yield Block(BlockKind.QUOTE if quote else BlockKind.PARAGRAPH, spans)
        elif kind == "table_open":
            rows, index = _table(tokens, index)
            yield Block(BlockKind.TABLE, rows=rows)
        index += 1


def _figure(token: Token) -> Block:
    words = token.info.split()
    labels = tuple(line.strip() for line in token.content.splitlines() if line.strip())
    line = token.map[0] + 1 if token.map else 0
    name = " ".join(words[1:])
    # Its words are the caption, so a surface that does not draw it shows a line, not code.
    caption = (Span(figure_caption(name, labels)),)
    return Block(BlockKind.FIGURE, caption, figure=name, labels=labels, line=line)


def _joined(item: Block, spans: Spans) -> Block:
    """A list item with more than one paragraph: one block, the paragraphs on their own lines."""
    if not item.spans:
        return replace(item, spans=spans)
    return replace(item, spans=(*item.spans, Span("\n"), *spans))


def _task(item: Block) -> Block:
    """ "- [ ] text" is a box to tick on paper."""
    if not item.spans or item.number is not None:
        return item
    first = item.spans[0]
    box = _TASK.match(first.text)
    if box is None:
        return item
    marker = "☒" if box.group(1).strip() else "☐"
    rest = replace(first, text=first.text[box.end() :])
    return replace(item, marker=marker, spans=(rest, *item.spans[1:]))


def _table(tokens: list[Token], index: int) -> tuple[tuple[tuple[Spans, ...], ...], int]:
    rows: list[tuple[Spans, ...]] = []
    row: list[Spans] = []
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            rows.append(tuple(row))
        elif token.type == "inline":
            row.append(_inline(token))
        index += 1
    return tuple(rows), index


def _inline(token: Token) -> Spans:
    spans: list[Span] = []
    bold = italic = 0
    link: list[str] = []
    for child in token.children or []:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            link.append(str(child.attrs.get("href", "")))
        elif kind == "link_close":
            link.pop()
        elif kind in ("text", "code_inline", "image", "softbreak", "hardbreak"):
            # An image is only its description: nothing is ever loaded from a module.
            text = {"softbreak": " ", "hardbreak": "\n"}.get(kind, child.content)
            if kind == "image":
                text = "".join(grand.content for grand in child.children or [])
            if not text:
                continue
            spans.append(
                Span(
                    text,
                    bold=bold > 0,
                    italic=italic > 0,
                    code=kind == "code_inline",
                    link=link[-1] if link else None,
                )
            )
        # Strikethrough and anything else: its words stay, its look does not.
    return _merged(spans)


def _merged(spans: list[Span]) -> Spans:
    """Neighbouring spans with one look become one, so a link's label is one piece."""
    out: list[Span] = []
    for span in spans:
        if out and replace(out[-1], text="") == replace(span, text=""):
            out[-1] = replace(out[-1], text=out[-1].text + span.text)
        else:
            out.append(span)
    return tuple(out)


def sentences(block: Block) -> list[Block]:
    """``block`` cut after each sentence, for a paragraph too long for one projector page.
    A block of one sentence comes back cut in two at the middle word instead."""
    pieces: list[list[Span]] = [[]]
    for span in block.spans:
        parts = _SENTENCE_END.split(span.text)
        for number, part in enumerate(parts):
            if number:
                pieces.append([])
            if part:
                pieces[-1].append(replace(span, text=part))
    chunks = [tuple(piece) for piece in pieces if piece]
    if len(chunks) <= 1:
        return _halves(block)
    return [_piece(block, spans, first=n == 0) for n, spans in enumerate(chunks)]


def _halves(block: Block) -> list[Block]:
    words = [(span, word) for span in block.spans for word in span.text.split()]
    if len(words) < 2:
        return [block]
    middle = len(words) // 2
    halves: list[Spans] = []
    for part in (words[:middle], words[middle:]):
        halves.append(_merged([replace(span, text=word + " ") for span, word in part]))
    return [_piece(block, spans, first=n == 0) for n, spans in enumerate(halves)]


def _piece(block: Block, spans: Spans, *, first: bool) -> Block:
    """A piece of a cut block: a list item's marker stays with its first piece only."""
    if block.kind is BlockKind.ITEM and not first:
        return replace(block, spans=spans, marker="", number=None)
    return replace(block, spans=spans)
