"""A small, safe Markdown subset to flowables, for module texts and printable pages.

Understood: ``#``–``####`` headings, paragraphs, ``-``/``*`` and ``1.`` lists (with indented
continuation lines), task boxes ``- [ ]``, ``>`` quotes, ``---`` rules, pipe tables, and
inline ``**bold**``, ``*italic*``/``_italic_``, ``code`` and ``[text](link)``. Everything
else is printed as the text it is: no HTML is passed through, so a module cannot inject
markup into reportlab.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Table

from facilitator.core.export.blocks import table_style
from facilitator.core.export.fonts import bundled_fonts
from facilitator.core.export.shaped_paragraph import text_block
from facilitator.core.export.styles import INK, RULE, SHADE, styles
from facilitator.core.export.text_shaping import has_rtl, markup

_HEADING = re.compile(r"^(#{1,4})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+(.*)$")
_TASK = re.compile(r"^\[( |x|X)\]\s+(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INLINE = re.compile(
    r"\*\*(?=\S)(?P<bold>.+?)(?<=\S)\*\*"
    r"|(?<![\w*])\*(?=[^\s*])(?P<star>.+?)(?<=[^\s*])\*(?![\w*])"
    r"|(?<![\w_])_(?=[^\s_])(?P<under>.+?)(?<=[^\s_])_(?![\w_])"
    r"|`(?P<code>[^`]+)`"
    r"|\[(?P<link>[^\]]+)\]\((?P<url>[^)\s]+)\)"
)


@dataclass
class _Block:
    kind: str
    text: str = ""
    level: int = 0
    items: list[tuple[str, str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def inline_markup(text: str, *, size: float) -> str:
    """Paragraph markup for one line of Markdown text: emphasis kept, all else escaped."""
    fonts = bundled_fonts()
    parts: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        parts.append(markup(text[position : match.start()], fonts, size=size))
        if match.group("bold") is not None:
            parts.append(f"<b>{markup(match.group('bold'), fonts, size=size, bold=True)}</b>")
        elif match.group("star") is not None or match.group("under") is not None:
            inner = match.group("star") or match.group("under") or ""
            parts.append(f"<i>{markup(inner, fonts, size=size, italic=True)}</i>")
        elif match.group("code") is not None:
            parts.append(markup(match.group("code"), fonts, size=size))
        else:
            label, url = match.group("link"), match.group("url")
            parts.append(markup(f"{label} ({url})", fonts, size=size))
        position = match.end()
    parts.append(markup(text[position:], fonts, size=size))
    return "".join(parts)


def plain_text(text: str) -> str:
    """The text without its inline Markdown marks (for right-to-left paragraphs)."""

    def strip(match: re.Match[str]) -> str:
        if match.group("link") is not None:
            return f"{match.group('link')} ({match.group('url')})"
        return next(g for g in match.group("bold", "star", "under", "code") if g is not None)

    return _INLINE.sub(strip, text)


def _blocks(source: str) -> Iterator[_Block]:
    lines = source.replace("\r\n", "\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        heading = _HEADING.match(line)
        if heading:
            yield _Block("heading", heading.group(2), len(heading.group(1)))
            index += 1
        elif _RULE.match(line):
            yield _Block("rule")
            index += 1
        elif (
            line.lstrip().startswith("|")
            and index + 1 < len(lines)
            and _TABLE_DIVIDER.match(lines[index + 1])
        ):
            block = _Block("table", rows=[_cells(line)])
            index += 2
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                block.rows.append(_cells(lines[index]))
                index += 1
            yield block
        elif _BULLET.match(line) or _NUMBERED.match(line):
            block = _Block("list")
            while index < len(lines):
                current = lines[index]
                bullet, numbered = _BULLET.match(current), _NUMBERED.match(current)
                if bullet and not _RULE.match(current):
                    block.items.append(("•", bullet.group(1)))
                elif numbered:
                    block.items.append((f"{numbered.group(1)}.", numbered.group(2)))
                elif current.startswith((" ", "\t")) and current.strip() and block.items:
                    marker, text = block.items[-1]
                    block.items[-1] = (marker, f"{text} {current.strip()}")
                else:
                    break
                index += 1
            yield block
        elif line.lstrip().startswith(">"):
            quoted = []
            while index < len(lines) and lines[index].lstrip().startswith(">"):
                quoted.append(lines[index].lstrip()[1:].strip())
                index += 1
            yield _Block("quote", " ".join(quoted))
        else:
            # The first line is taken whatever it looks like (a lone "|" line, say), so the
            # parser always moves on.
            paragraph = [line.strip()]
            index += 1
            while index < len(lines) and lines[index].strip() and not _starts_block(lines, index):
                paragraph.append(lines[index].strip())
                index += 1
            yield _Block("paragraph", " ".join(paragraph))


def _starts_block(lines: list[str], index: int) -> bool:
    line = lines[index]
    return bool(
        _HEADING.match(line)
        or _RULE.match(line)
        or _BULLET.match(line)
        or _NUMBERED.match(line)
        or line.lstrip().startswith((">", "|"))
    )


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner.removeprefix("|").removesuffix("|")
    return [cell.strip() for cell in inner.split("|")]


def _text(text: str, style_name: str, bullet: str | None = None) -> Flowable:
    style = getattr(styles(), style_name)
    if has_rtl(text):
        return text_block(plain_text(text), style)
    return Paragraph(inline_markup(text, size=style.fontSize), style, bulletText=bullet)


def markdown_flowables(source: str, width: float) -> list[Flowable]:
    """Flowables for ``source`` laid out in ``width`` points."""
    out: list[Flowable] = []
    headings = {1: "h1", 2: "h2", 3: "h3", 4: "h3"}
    for block in _blocks(source):
        if block.kind == "heading":
            out.append(_text(block.text, headings[block.level]))
        elif block.kind == "rule":
            out.append(
                HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=4, spaceAfter=6)
            )
        elif block.kind == "quote":
            out.append(_text(block.text, "quote"))
        elif block.kind == "list":
            for marker, text in block.items:
                task = _TASK.match(text)
                if task is None:
                    out.append(_text(text, "bullet", marker))
                else:
                    box = "☒" if task.group(1).strip() else "☐"
                    out.append(_text(task.group(2), "bullet", box))
        elif block.kind == "table":
            out.append(_table(block.rows, width))
        else:
            out.append(_text(block.text, "body"))
    return out


def _table(rows: list[list[str]], width: float) -> Table:
    columns = max(len(row) for row in rows)
    s = styles()
    data = [
        [
            _text(cell, "cell_bold" if r == 0 else "cell")
            for cell in row + [""] * (columns - len(row))
        ]
        for r, row in enumerate(rows)
    ]
    # Empty rows are meant to be written in by hand: give them room for a pen.
    heights = [None if any(row) else 9 * mm for row in rows]
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
