"""Read only what a library card shows from `module.toml`, without parsing the steps.

tomllib is pure Python and the steps (with their leader notes) are most of a manifest, so the
first opening of a large library parses just the root keys and the [title], [summary], [film]
and [[variants]] tables. The text is cut at table headers found by a tokenizer that knows about
strings and arrays, so a "[" inside a Markdown text is never taken for a header. Anything
unexpected returns None and the caller parses the whole file instead.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from facilitator.core.content.manifest_terms import ID_PATTERN, LANGUAGE_PATTERN, VERSION_PATTERN

CARD_TABLES = frozenset({"title", "summary", "film", "film.subtitles", "variants"})

# Only what can hide or start a header: comment lines, multi-line strings, a "[" opening a
# line. A misreading can only merge sections (more is parsed) or cut a string (tomllib fails and
# the caller parses everything); it cannot make the card show something the file does not say.
_TOKEN = re.compile(r'\n[ \t]*[#\[]|"""|\'\'\'')
_HEADER = re.compile(r"[ \t]*\[\[?\s*([A-Za-z0-9_.\- \t]+?)\s*\]\]?[ \t]*(?:#[^\n]*)?\r?(?:\n|$)")


def _string_end(text: str, position: int, delimiter: str) -> int:
    """Just past the closing delimiter of a multi-line string, or -1."""
    while (found := text.find(delimiter, position)) >= 0:
        before = found
        while before > position and text[before - 1] == "\\":
            before -= 1
        if delimiter == "'''" or (found - before) % 2 == 0:
            end = found + 3
            while text.startswith(delimiter[0], end) and end < found + 5:
                end += 1  # up to two quotes may belong to the content: """a""""
            return end
        position = found + 1
    return -1


def _sections(text: str) -> list[tuple[str, int]] | None:
    """(table name, offset of its header) for every header, in order; None if unsure."""
    text = "\n" + text  # every line, the first too, starts after a newline
    sections: list[tuple[str, int]] = []
    position = 0
    while (match := _TOKEN.search(text, position)) is not None:
        token = match.group()
        position = match.end()
        if token in ('"""', "'''"):
            position = _string_end(text, position, token)
            if position < 0:
                return None
        elif token.endswith("#"):
            position = text.find("\n", position)  # a comment line: quotes in it mean nothing
            if position < 0:
                break
        else:
            header = _HEADER.match(text, match.start() + 1)
            if header is None:
                return None  # a "[" starting a line inside an array: not worth guessing
            name = ".".join(part.strip() for part in header.group(1).split("."))
            sections.append((name, match.start()))  # offset in the original text
            position = header.end()
    return sections


def _card_text(text: str) -> str | None:
    sections = _sections(text)
    if not sections:
        return None if sections is None else text
    ends = [offset for _name, offset in sections[1:]] + [len(text)]
    first = sections[0][1] if sections else len(text)
    parts = [text[:first]]
    parts += [text[start:end] for (name, start), end in zip(sections, ends, strict=True)
              if name in CARD_TABLES]  # fmt: skip
    return "".join(parts)


def _text(data: Any, *keys: str) -> str | None:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data.strip() if isinstance(data, str) and data.strip() else None


def read_card(text: str) -> dict[str, Any] | None:
    """The card's fields, or None when the whole manifest must be parsed to know."""
    partial = _card_text(text)
    if partial is None:
        return None
    try:
        data = tomllib.loads(partial)
    except tomllib.TOMLDecodeError:
        return None
    module_id, version, language = (
        _text(data, "id"),
        _text(data, "version"),
        _text(data, "language"),
    )
    titles = [_text(data, table, lang) for table in ("title", "summary") for lang in ("sv", "en")]
    variants = data.get("variants")
    film = data.get("film", {})
    tracks = film.get("subtitles", []) if isinstance(film, dict) else None
    if (
        module_id is None
        or not re.match(ID_PATTERN, module_id)
        or version is None
        or not re.match(VERSION_PATTERN, version)
        or language is None
        or not re.match(LANGUAGE_PATTERN, language)
        or None in titles
        or not isinstance(variants, list)
        or not all(isinstance(v, dict) and type(v.get("minutes")) is int for v in variants)
        or not isinstance(tracks, list)
        or not all(isinstance(t, dict) and isinstance(t.get("language"), str) for t in tracks)
    ):
        return None
    languages = [language]
    languages += [t["language"] for t in tracks if t["language"] not in languages]
    return {
        "id": module_id,
        "version": version,
        "title_sv": titles[0],
        "title_en": titles[1],
        "summary_sv": titles[2],
        "summary_en": titles[3],
        "variant_minutes": sorted(v["minutes"] for v in variants),
        "languages": languages,
    }
