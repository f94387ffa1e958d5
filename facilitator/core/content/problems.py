"""A problem found in a module: where it is and what is wrong, in words an author understands."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from facilitator.core.i18n import N_, _

MANIFEST_FILE = "module.toml"

FieldPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return _(N_("fel") if self is Severity.ERROR else N_("varning"))


@dataclass(frozen=True)
class Problem:
    """``file`` is relative to the module folder (``module.toml``, ``film/film.sv.vtt``);
    ``line`` is 1-based or None where the format has no lines; ``field`` is a path into the
    manifest such as ``steps[3].minutes`` (empty when the problem is about a whole file)."""

    file: str
    line: int | None
    field: str
    found: str
    expected: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self, folder: Path | None = None) -> str:
        where = str(folder / self.file) if folder is not None else self.file
        return f"{where}:{self.line}" if self.line is not None else where

    def describe(self, folder: Path | None = None) -> str:
        """One line: ``fel: module.toml:42: steps[3].minutes: hittade 1.5 – ska vara ett heltal``."""
        parts = [self.severity.label, self.location(folder)]
        if self.field:
            parts.append(self.field)
        what = " – ".join(text for text in (self.found, self.expected) if text)
        return ": ".join(parts) + (f": {what}" if what else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "found": self.found,
            "expected": self.expected,
            "severity": self.severity.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Problem:
        line = data.get("line")
        return cls(
            file=str(data["file"]),
            line=line if isinstance(line, int) else None,
            field=str(data["field"]),
            found=str(data["found"]),
            expected=str(data["expected"]),
            severity=Severity(data["severity"]),
        )


def format_field(path: Sequence[str | int]) -> str:
    """``("steps", 3, "minutes")`` → ``steps[3].minutes``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def found_value(value: object, limit: int = 60) -> str:
    """What the author wrote, short enough for one line."""
    if isinstance(value, dict):
        return _("hittade en tabell")
    if isinstance(value, list):
        return _("hittade en lista")
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, str):
        shown = value if len(value) <= limit else value[: limit - 1] + "…"
        shown = f'"{shown}"'
    else:
        shown = str(value)
    return _("hittade {value}").format(value=shown)


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(problem.is_error for problem in problems)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Errors before warnings, then in file and line order: the order an author fixes them."""
    return sorted(
        problems,
        key=lambda p: (not p.is_error, p.file != MANIFEST_FILE, p.file, p.line or 0),
    )
