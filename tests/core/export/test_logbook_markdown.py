"""The logbook as Markdown, parsed back with markdown-it (CommonMark, and the app's own parser
with tables and strikethrough): the headings are the logbook's, and an answer is only ever
text, with its lines and paragraphs as typed, whatever characters it holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from facilitator.core.export.logbook_markdown import logbook_markdown, write_logbook_markdown
from facilitator.core.export.logbook_model import Logbook, logbook_of
from facilitator.core.export.logbook_wording import answer_paragraphs
from tests.core.export.logbook_sample import HOSTILE, MARKUP, answers, moment, sample_logbook

PARSERS = {
    "commonmark": MarkdownIt("commonmark"),
    "app": MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"]),
}
_ALLOWED_INLINE = {"text", "hardbreak", "softbreak"}


def _blocks(tokens: list[Token]) -> list[str]:
    return [t.type for t in tokens if t.nesting >= 0 and t.type != "inline"]


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        assert child.type in _ALLOWED_INLINE, (child.type, token.content)
        parts.append({"hardbreak": "\n", "softbreak": " "}.get(child.type, child.content))
    return "".join(parts)


def _quoted(tokens: list[Token]) -> list[str]:
    """Each blockquote's paragraphs, as text, joined by a blank line."""
    quotes: list[str] = []
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
            quotes.append("")
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth and token.type == "inline":
            quotes[-1] += ("\n\n" if quotes[-1] else "") + _inline_text(token)
    return quotes


def _headings(tokens: list[Token], tag: str) -> list[str]:
    return [
        _inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == tag
    ]


def _as_typed(text: str) -> str:
    """What a reader should see: the paragraphs and lines as typed, without indents (the PDF
    drops them too, and in Markdown four spaces make code)."""
    lines = "\n\n".join(answer_paragraphs(text)).split("\n")
    return "\n".join(line.strip() for line in lines)


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_headings_are_the_logbooks_and_answers_stay_text(parser: str) -> None:
    tokens = PARSERS[parser].parse(logbook_markdown(sample_logbook()))
    assert _headings(tokens, "h1") == ["Min loggbok"]
    assert _headings(tokens, "h2") == [
        "Kultur och identitet",
        "Att mötas över kulturgränser",
        "Ord som bygger broar",
    ]
    assert _headings(tokens, "h3") == [a.question for a in answers_in_logbook_order()]
    assert _quoted(tokens) == [_as_typed(a.text) for a in answers_in_logbook_order()]
    assert MARKUP in _quoted(tokens)
    kinds = set(_blocks(tokens))
    assert not kinds & {"html_block", "code_block", "fence", "bullet_list_open", "table_open"}
    assert not kinds & {"ordered_list_open", "hr"}


def answers_in_logbook_order() -> list[object]:
    return list(sample_logbook().answers)


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("typed", HOSTILE)
def test_no_answer_becomes_markup(typed: str, parser: str) -> None:
    one = answers()[0]
    fields = {**vars(one), "text": typed, "question": typed.replace("\n", " ")}
    book = logbook_of([type(one)(**fields)], moment(9))
    tokens = PARSERS[parser].parse(logbook_markdown(book))
    assert _quoted(tokens) == [_as_typed(typed)]
    assert _headings(tokens, "h3") == [" ".join(typed.split())]
    # Outside the answer, only what the logbook itself writes: its headings, the cover
    # paragraph and the italic lines, and one quote.
    assert set(_blocks(tokens)) <= {"heading_open", "paragraph_open", "blockquote_open"}


def test_the_date_lines_are_in_italics_and_the_cover_holds_the_period() -> None:
    tokens = MarkdownIt("commonmark").parse(logbook_markdown(sample_logbook()))
    italics = [
        tokens[i].children[1].content  # type: ignore[index]  # em_open, text, em_close
        for i in range(len(tokens))
        if tokens[i].type == "inline"
        and [c.type for c in tokens[i].children or []] == ["em_open", "text", "em_close"]
    ]
    assert "Skrivet 3 december 2026, ändrat 5 december 2026" in italics
    assert "Skrivet 21 november 2026" in italics
    assert "Modulversion 2.1" in italics
    cover = _inline_text(tokens[tokens.index(next(t for t in tokens if t.type == "inline")) + 3])
    assert cover.split("\n") == [
        "Tillhör: Amina Hassan",
        "Svaren skrevs: 20 november 2026 – 8 december 2026",
        "Exporterad: 9 december 2026",
    ]


def test_an_empty_logbook_says_so() -> None:
    text = logbook_markdown(Logbook(generated_at=moment(9), modules=()))
    assert text == "# Min loggbok\n\nExporterad: 9 december 2026\n\nLoggboken har inga svar ännu.\n"


def test_the_file_is_the_text_in_utf8_and_the_same_each_time(tmp_path: Path) -> None:
    first = write_logbook_markdown(sample_logbook(), tmp_path / "a.md")
    second = write_logbook_markdown(sample_logbook(), tmp_path / "b.md")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8") == logbook_markdown(sample_logbook())
    assert first.read_text(encoding="utf-8").startswith("# Min loggbok\n")
