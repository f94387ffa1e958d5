"""Read `module.toml` into a `Manifest`, or into problems that say where and what is wrong."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator.core.content.manifest import Manifest
from facilitator.core.content.manifest_file import file_problem, read_manifest_text
from facilitator.core.content.model_errors import problems_from_validation
from facilitator.core.content.problems import MANIFEST_FILE, Problem
from facilitator.core.content.toml_lines import TomlLines
from facilitator.core.i18n import N_, _

_AT = re.compile(r"\s*\((?:at line (\d+), column \d+|at end of document)\)\s*$")

# tomllib's messages, in the words an author who has never heard of TOML can act on.
_SYNTAX = [
    (
        "Invalid value",
        N_("ett värde som inte går att läsa"),
        N_('text ska stå inom citattecken, till exempel title = "Välkomna"'),
    ),
    (
        "Cannot overwrite a value",
        N_("en nyckel som redan har ett värde"),
        N_("varje nyckel får stå en gång per tabell"),
    ),
    (
        "Cannot declare",
        N_("en tabell som redan finns"),
        N_("skriv [[namn]] för en lista av tabeller, annars [namn] en gång"),
    ),
    (
        "Unterminated string",
        N_("en text som aldrig avslutas"),
        N_('avsluta texten med samma citattecken som den började med (" eller """)'),
    ),
    ("Unclosed array", N_("en lista som aldrig avslutas"), N_("avsluta listan med ]")),
    (
        "Unclosed inline table",
        N_("en tabell inom { } som aldrig avslutas"),
        N_("avsluta med } på samma rad"),
    ),
    (
        "Expected '=' after a key",
        N_("en nyckel utan likhetstecken"),
        N_("skriv nyckel = värde"),
    ),
    (
        "Invalid statement",
        N_("en rad som inte går att läsa"),
        N_("varje rad ska vara nyckel = värde, en [tabell] eller en kommentar som börjar med #"),
    ),
    (
        "Expected newline or end of document",
        N_("mer text efter värdet på samma rad"),
        N_("ett värde per rad; en kommentar börjar med #"),
    ),
    (
        "Unescaped '\\'",
        N_("ett ensamt \\ i en text"),
        N_("skriv \\\\ eller använd enkla citattecken ('…')"),
    ),
    (
        "Illegal character '\\n'",
        N_("en text som aldrig avslutas på raden"),
        N_('avsluta texten med " på samma rad, eller använd """ för text på flera rader'),
    ),
    ("Illegal character", N_("ett otillåtet tecken"), N_("ta bort tecknet")),
]


@dataclass(frozen=True)
class LoadedManifest:
    """The manifest if it is valid, and in any case the problems and whatever could be read
    (``data``), so a broken module can still show its title in the library."""

    folder: Path
    manifest: Manifest | None
    problems: tuple[Problem, ...] = ()
    data: dict[str, Any] | None = None
    lines: LazyLines | None = field(default=None, repr=False)

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        return self.lines.line_of(path) if self.lines is not None else None


class LazyLines:
    """Line numbers are only needed when something is wrong; most manifests never pay."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: TomlLines | None = None

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        if self._lines is None:
            self._lines = TomlLines(self._text)
        return self._lines.line_of(path)


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str) -> Problem:
    message = str(error)
    match = _AT.search(message)
    detail = message[: match.start()] if match else message
    if match and match.group(1):
        line = int(match.group(1))
    else:
        line = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    for start, found, expected in _SYNTAX:
        if detail.startswith(start):
            return Problem(MANIFEST_FILE, line, "", _(found), _(expected))
    return Problem(
        MANIFEST_FILE,
        line,
        "",
        _("fel i TOML-syntaxen ({detail})").format(detail=detail),
        _("jämför raden med exemplet i docs/module-format.md"),
    )


def parse_manifest(text: str, folder: Path) -> LoadedManifest:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedManifest(folder, None, (_syntax_problem(error, text),))
    except RecursionError:
        return LoadedManifest(
            folder,
            None,
            (file_problem(_("för djupt nästlade listor"), _("en enkel manifestfil")),),
        )
    lines = LazyLines(text)
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as error:
        problems = problems_from_validation(error, data, lines.line_of)
        return LoadedManifest(folder, None, tuple(problems), data, lines)
    return LoadedManifest(folder, manifest, (), data, lines)


def load_manifest(folder: Path) -> LoadedManifest:
    """Never raises for anything wrong with the module; every mistake becomes a problem."""
    text, problem = read_manifest_text(folder)
    if text is None:
        return LoadedManifest(folder, None, (problem,) if problem else ())
    return parse_manifest(text, folder)
