"""What validating one module found, and the collector the individual checks write into."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.core.content.manifest import Manifest
from facilitator.core.content.problems import (
    MANIFEST_FILE,
    FieldPath,
    Problem,
    Severity,
    format_field,
    has_errors,
)


@dataclass(frozen=True)
class ModuleReport:
    folder: Path
    manifest: Manifest | None
    problems: tuple[Problem, ...]
    film_seconds: float | None = None
    referenced_files: tuple[str, ...] = ()
    """Package-relative paths the manifest refers to (what a change must invalidate)."""

    @property
    def ok(self) -> bool:
        """Runnable: the manifest is valid and nothing is an error (warnings allowed)."""
        return self.manifest is not None and not has_errors(self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


@dataclass
class Findings:
    """Problems as the checks find them; manifest fields get their line from the TOML text."""

    folder: Path
    line_of: Callable[[FieldPath], int | None]
    problems: list[Problem] = field(default_factory=list)

    def manifest(
        self,
        path: FieldPath,
        found: str,
        expected: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(
            Problem(
                MANIFEST_FILE, self.line_of(path), format_field(path), found, expected, severity
            )
        )

    def file(
        self,
        file: str,
        line: int | None,
        path: FieldPath,
        found: str,
        expected: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        """A problem inside another file of the package (a subtitle file, a text)."""
        self.problems.append(Problem(file, line, format_field(path), found, expected, severity))
