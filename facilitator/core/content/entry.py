"""One module as the library shows it: what its card needs, and whether it can be run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.content.manifest_terms import ID_PATTERN, VERSION_PATTERN, version_key
from facilitator.core.content.problems import Problem, has_errors

if TYPE_CHECKING:
    from facilitator.core.content.loader import LoadedManifest


class Origin(StrEnum):
    BUNDLED = "bundled"
    USER = "user"


@dataclass(frozen=True)
class ModuleEntry:
    path: Path
    origin: Origin
    id: str
    """The manifest's id; for a module too broken to say, the folder's name."""
    version: str | None
    title_sv: str
    title_en: str
    summary_sv: str
    summary_en: str
    variant_minutes: tuple[int, ...]
    languages: tuple[str, ...]
    problems: tuple[Problem, ...]
    film_seconds: float | None = None
    validated: bool = False
    """True once the whole manifest and every file were checked; see `Catalog.check`. Until
    then ``problems`` holds only what the quick read of the card found."""

    @property
    def runnable(self) -> bool:
        return self.validated and self.version is not None and not has_errors(self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def version_key(self) -> tuple[int, ...]:
        return version_key(self.version) if self.version is not None else ()

    def title(self, language: str = "sv") -> str:
        return self.title_en if language == "en" else self.title_sv

    def summary(self, language: str = "sv") -> str:
        return self.summary_en if language == "en" else self.summary_sv


def _text(data: Any, *keys: str) -> str:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data.strip() if isinstance(data, str) else ""


def card_fields(loaded: LoadedManifest) -> dict[str, Any]:
    """What a card shows, from a valid manifest or from whatever a broken one still says."""
    manifest = loaded.manifest
    if manifest is not None:
        return {
            "id": manifest.id,
            "version": manifest.version,
            "title_sv": manifest.title.sv,
            "title_en": manifest.title.en,
            "summary_sv": manifest.summary.sv,
            "summary_en": manifest.summary.en,
            "variant_minutes": sorted(v.minutes for v in manifest.variants),
            "languages": list(manifest.languages),
        }
    return card_from_data(loaded.folder, loaded.data or {})


def card_from_data(folder: Path, data: Any) -> dict[str, Any]:
    """What a card can show of a manifest that did not validate (or could not be read: then
    ``data`` is empty and the card is named after the folder)."""
    folder_name = folder.name
    module_id = _text(data, "id")
    version = _text(data, "version")
    title_sv = _text(data, "title", "sv") or folder_name
    return {
        "id": module_id if re.match(ID_PATTERN, module_id) else folder_name,
        "version": version if re.match(VERSION_PATTERN, version) else None,
        "title_sv": title_sv,
        "title_en": _text(data, "title", "en") or title_sv,
        "summary_sv": _text(data, "summary", "sv"),
        "summary_en": _text(data, "summary", "en"),
        "variant_minutes": [],
        "languages": [language] if (language := _text(data, "language")) else [],
    }


def make_entry(
    path: Path,
    origin: Origin,
    card: dict[str, Any],
    problems: tuple[Problem, ...],
    film_seconds: float | None = None,
    validated: bool = False,
) -> ModuleEntry:
    return ModuleEntry(
        path=path,
        origin=origin,
        id=str(card["id"]),
        version=card["version"],
        title_sv=str(card["title_sv"]),
        title_en=str(card["title_en"]),
        summary_sv=str(card["summary_sv"]),
        summary_en=str(card["summary_en"]),
        variant_minutes=tuple(int(m) for m in card["variant_minutes"]),
        languages=tuple(str(language) for language in card["languages"]),
        problems=problems,
        film_seconds=film_seconds,
        validated=validated,
    )
