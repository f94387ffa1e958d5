"""The personal logbook as Markdown: "# Min loggbok", a "## " heading per module, a "### "
heading per question, the answer as a quote and the day it was written in italics.

A person's answer is text, never markup: every character Markdown could read as a mark is
escaped, so "# idé", "<b>", "[länk](…)" or a line of "---" print as typed in any CommonMark
reader, and the lines and paragraphs of the answer are kept as they were written.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from facilitator.core.export.logbook_model import Logbook, LogbookModule
from facilitator.core.export.logbook_wording import (
    answer_paragraphs,
    cover_facts,
    empty_text,
    logbook_title,
    no_answer_text,
    version_line,
    written_line,
)
from facilitator.core.safe_write import write_file
from facilitator.core.storage.self_study_records import Answer

_ANYWHERE = re.compile(r"([\\`*_\[\]<>&#|~])")
"""Characters that open markup wherever they stand: emphasis, code, links, raw HTML, entities,
tables, strikethrough ("!" needs no escape once "[" has one), and "#", since a heading drops
its trailing ones."""
_LINE_START = re.compile(r"^([-+=]|\d{1,9}(?=[.)]))")
"""What makes a line a list item or a heading underline only at its start."""


def escape_text(line: str) -> str:
    """One line of typed text as Markdown that shows exactly those characters. An indent is
    dropped, as the PDF drops it: four spaces would make the line a code block."""
    line = _ANYWHERE.sub(r"\\\1", line.strip())
    return _LINE_START.sub(_escape_start, line)


def _escape_start(found: re.Match[str]) -> str:
    mark = found.group(1)
    if mark.isdigit():
        # "1." or "1)" starts a numbered list: the mark after the number is escaped.
        return f"{mark}\\"
    return f"\\{mark}"


def _block(text: str, prefix: str = "") -> list[str]:
    """Paragraphs of typed text, each line kept (a backslash at a line's end breaks it)."""
    out: list[str] = []
    for number, paragraph in enumerate(answer_paragraphs(text)):
        if number:
            out.append(prefix.rstrip())
        lines = [escape_text(line) for line in paragraph.split("\n")]
        out += [f"{prefix}{line}\\" for line in lines[:-1]]
        out.append(f"{prefix}{lines[-1]}")
    return out


def _heading(level: int, text: str) -> str:
    # A heading is one line: line breaks in a title become spaces.
    return f"{'#' * level} {escape_text(' '.join(text.split()))}"


def logbook_markdown(logbook: Logbook) -> str:
    """The whole logbook as one Markdown text; the same logbook always gives the same text."""
    lines = [_heading(1, logbook_title(logbook)), ""]
    facts = [f"{escape_text(label)}: {escape_text(value)}" for label, value in cover_facts(logbook)]
    lines += [*(f"{fact}\\" for fact in facts[:-1]), facts[-1], ""]
    if not logbook.answers:
        lines += [escape_text(empty_text()), ""]
    for module in logbook.modules:
        lines += _module(module)
    return "\n".join(lines).rstrip("\n") + "\n"


def _module(module: LogbookModule) -> list[str]:
    lines = [_heading(2, module.title), "", f"*{escape_text(version_line(module.version))}*", ""]
    for answer in module.answers:
        lines += _answer(answer)
    return lines


def _answer(answer: Answer) -> list[str]:
    body = _block(answer.text, "> ") or [f"> *{escape_text(no_answer_text())}*"]
    return [
        _heading(3, answer.question),
        "",
        *body,
        "",
        f"*{escape_text(written_line(answer))}*",
        "",
    ]


def write_logbook_markdown(logbook: Logbook, target: Path) -> Path:
    """Write the logbook to ``target`` as UTF-8 (replaced if it exists; safely, as every
    export). Raises ``OSError``."""
    data = logbook_markdown(logbook).encode("utf-8")

    def write(out: BinaryIO) -> None:
        out.write(data)

    return write_file(target, write)
