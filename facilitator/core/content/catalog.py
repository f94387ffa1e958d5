"""The module library: bundled modules plus the user's, one entry per folder.

Loading reads only what the cards need (and reuses it from a cache while `module.toml` is
unchanged). Checking the whole manifest, every file and the film is done per module with
`check`, whose result is cached too: a module is `runnable` once a check found no errors. So:
open the library, show the cards, validate `unchecked()` in the background. For each id the
newest version without errors is the one the library offers; older versions stay known so that
a saved session can still open the version it was run with.

The library loads and checks on a worker thread while the GUI thread reads: every change to
the entries and the cache happens under one lock, and readers take a copy under it.

The whole-manifest machinery (pydantic, the validator, planning) is imported where a manifest
is read whole, so cards shown from the cache need none of it (issue 16, decision 0004).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.collation import Key, sort_key
from facilitator.core.content.card_reader import read_card
from facilitator.core.content.catalog_cache import CardCache, stamp
from facilitator.core.content.entry import (
    ModuleEntry,
    Origin,
    card_fields,
    card_from_data,
    make_entry,
)
from facilitator.core.content.manifest_file import read_manifest_text
from facilitator.core.content.media_probe import MediaProbe
from facilitator.core.content.problems import MANIFEST_FILE, Problem
from facilitator.core.paths import AppPaths, bundled_modules_dir

if TYPE_CHECKING:
    from facilitator.core.content.report import ModuleReport
    from facilitator.core.planning import OpenModule


@dataclass(frozen=True)
class CatalogRoot:
    path: Path
    origin: Origin


def _library_order(entry: ModuleEntry, language: str) -> tuple[int, str, Key | None]:
    # Bundled modules keep their numbered folder order; the user's are alphabetical by the
    # title shown, in the language's order.
    if entry.origin is Origin.BUNDLED:
        return 0, entry.path.name, None
    return 1, "", sort_key(entry.title(language), language)


def _preference(entry: ModuleEntry) -> tuple[bool, bool, tuple[int, ...], bool, str]:
    # Known errors lose to any version without. A version kept as `<id>@<version>` after an
    # import replaced it is there for the saved sessions that ran it, never to be offered
    # again: otherwise going back to an older version would leave the newer one in use.
    # On equal versions the user's copy wins: importing it over a bundled one was a choice.
    kept = "@" in entry.path.name  # module ids never hold "@" (see importer._KEPT)
    return (
        not entry.errors,
        not kept,
        entry.version_key,
        entry.origin is Origin.USER,
        str(entry.path),
    )


def _problems(records: Any) -> tuple[Problem, ...]:
    return tuple(Problem.from_dict(record) for record in records)


class Catalog:
    def __init__(
        self,
        roots: Sequence[CatalogRoot],
        cache_file: Path | None = None,
        probe: MediaProbe | None = None,
    ) -> None:
        self._roots = tuple(roots)
        self._cache = CardCache(cache_file)
        self._probe = probe
        self._entries: list[ModuleEntry] = []
        self._lock = threading.RLock()

    @classmethod
    def for_app(cls, paths: AppPaths, probe: MediaProbe | None = None) -> Catalog:
        roots = [
            CatalogRoot(bundled_modules_dir(), Origin.BUNDLED),
            CatalogRoot(paths.user_modules_dir, Origin.USER),
        ]
        return cls(roots, paths.data_dir / "cache" / "catalog.json", probe)

    # -- loading --------------------------------------------------------------------------

    def load(self, *, check: bool = False) -> None:
        """Scan the folders again (after an import, say). Cheap when nothing changed. With
        ``check``, every module not checked before (or changed since) is checked as well:
        simple for a handful of modules, slow for hundreds on the first start."""
        entries: list[ModuleEntry] = []
        for root in self._roots:
            try:
                children = sorted(root.path.iterdir(), key=lambda path: path.name)
            except OSError:
                continue  # no user folder yet, or no bundled modules in a test setup
            for folder in children:
                if folder.is_dir() and not folder.name.startswith("."):
                    with self._lock:
                        entries.append(self._light_entry(folder, root.origin))
        with self._lock:
            self._entries = entries
            self._cache.forget_missing({str(entry.path) for entry in entries})
            self._cache.save()
        if check:
            from facilitator.core.content.validate import validate_module

            for entry in self.unchecked():
                self.record(validate_module(entry.path, self._probe), save=False)
            with self._lock:
                self._cache.save()

    def _light_entry(self, folder: Path, origin: Origin) -> ModuleEntry:
        manifest_stamp = stamp(folder / MANIFEST_FILE)
        record = self._cache.get(folder, manifest_stamp) if manifest_stamp else None
        if record is not None:
            try:
                return self._from_record(folder, origin, record)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass  # a cache written by something else: parse the manifest instead
        card, problems = self._read(folder)
        if manifest_stamp is not None:
            records = [problem.to_dict() for problem in problems]
            self._cache.put(folder, {"stamp": manifest_stamp, "card": card, "problems": records})
        return make_entry(folder, origin, card, problems)

    @staticmethod
    def _read(folder: Path) -> tuple[dict[str, Any], tuple[Problem, ...]]:
        """The card, from the cheap partial read when it suffices; a broken manifest is
        parsed whole so that its problems (with lines) show at once."""
        text, problem = read_manifest_text(folder)
        if text is None:
            return card_from_data(folder, {}), (problem,) if problem else ()
        card = read_card(text)
        if card is not None:
            return card, ()
        from facilitator.core.content.loader import parse_manifest
        from facilitator.core.content.validate import check_loaded

        report = check_loaded(loaded := parse_manifest(text, folder))
        return card_fields(loaded), report.problems

    def _from_record(self, folder: Path, origin: Origin, record: dict[str, Any]) -> ModuleEntry:
        card = record["card"]
        full = record.get("full")
        if isinstance(full, dict) and all(
            stamp(folder / name) == file_stamp for name, file_stamp in full["files"].items()
        ):
            seconds = full["film_seconds"]
            return make_entry(
                folder,
                origin,
                card,
                _problems(full["problems"]),
                float(seconds) if seconds is not None else None,
                validated=True,
            )
        return make_entry(folder, origin, card, _problems(record["problems"]))

    # -- full validation ------------------------------------------------------------------

    def check(self, entry: ModuleEntry) -> ModuleReport:
        """Validate every file of the module (and probe its film), then remember the result."""
        from facilitator.core.content.validate import validate_module

        report = validate_module(entry.path, self._probe)
        self.record(report)
        return report

    def record(self, report: ModuleReport, *, save: bool = True) -> ModuleEntry | None:
        """Store a report made by `validate_module` elsewhere (a worker thread, say); returns
        the updated entry, or None when the folder is not in the catalog (any more)."""
        with self._lock:
            return self._record(report, save)

    def _record(self, report: ModuleReport, save: bool) -> ModuleEntry | None:
        index = next(
            (i for i, entry in enumerate(self._entries) if entry.path == report.folder), None
        )
        if index is None:
            return None
        entry = self._entries[index]
        updated = replace(
            entry,
            problems=report.problems,
            film_seconds=report.film_seconds,
            validated=True,
        )
        self._entries[index] = updated
        manifest_stamp = stamp(report.folder / MANIFEST_FILE)
        if manifest_stamp is not None:
            record = self._cache.get(report.folder, manifest_stamp)
            if record is not None:
                names = (MANIFEST_FILE, *report.referenced_files)
                record["full"] = {
                    "files": {name: stamp(report.folder / name) for name in names},
                    "problems": [problem.to_dict() for problem in report.problems],
                    "film_seconds": report.film_seconds,
                }
                self._cache.put(report.folder, record)
                if save:
                    self._cache.save()
        return updated

    # -- queries --------------------------------------------------------------------------

    @property
    def entries(self) -> tuple[ModuleEntry, ...]:
        """Every folder found, including older versions and broken modules."""
        with self._lock:
            return tuple(self._entries)

    def _groups(self) -> dict[str, list[ModuleEntry]]:
        groups: dict[str, list[ModuleEntry]] = {}
        for entry in self.entries:
            groups.setdefault(entry.id, []).append(entry)
        return groups

    def library(self, language: str = "sv") -> list[ModuleEntry]:
        """What the library shows: per id the newest version without known errors (or, if all
        have errors, the newest), plus broken versions newer than that one so their problems
        are visible."""
        shown: list[ModuleEntry] = []
        for group in self._groups().values():
            winner = max(group, key=_preference)
            shown.append(winner)
            shown.extend(
                entry
                for entry in group
                if entry is not winner and entry.errors and entry.version_key > winner.version_key
            )
        return sorted(shown, key=lambda entry: _library_order(entry, language))

    def unchecked(self) -> list[ModuleEntry]:
        """Entries whose files have not been checked: what to validate in the background
        after opening the library (the library's own cards first)."""
        shown = self.library()
        shown_ids = {id(entry) for entry in shown}
        rest = [entry for entry in self.entries if id(entry) not in shown_ids]
        return [entry for entry in [*shown, *rest] if not entry.validated]

    def versions(self, module_id: str) -> list[ModuleEntry]:
        """Every known version of a module, the preferred one first."""
        return sorted(self._groups().get(module_id, []), key=_preference, reverse=True)

    def get(self, module_id: str, version: str | None = None) -> ModuleEntry | None:
        """The version the library offers, or a specific one (for a saved session)."""
        for entry in self.versions(module_id):
            if version is None or entry.version == version:
                return entry
        return None

    def open_module(self, module_id: str, version: str | None = None) -> OpenModule | None:
        """A module ready to run (its whole manifest read), or None when it is gone or
        cannot be read."""
        entry = self.get(module_id, version)
        if entry is None:
            return None
        from facilitator.core.content.loader import load_manifest
        from facilitator.core.planning import OpenModule

        manifest = load_manifest(entry.path).manifest
        return OpenModule(manifest, entry.path) if manifest is not None else None
