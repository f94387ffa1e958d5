"""The library: one entry per folder, newest runnable version wins, broken modules visible."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.content import catalog as catalog_module
from facilitator.core.content.catalog import Catalog, CatalogRoot
from facilitator.core.content.entry import Origin
from facilitator.core.content.media_probe import MediaProbe

from .conftest import FILM_SECONDS, edit_manifest, set_version


@pytest.fixture
def roots(make_module: Callable[[str], Path], tmp_path: Path) -> tuple[Path, Path]:
    bundled = tmp_path / "bundled"
    user = tmp_path / "user"
    bundled.mkdir()
    user.mkdir()
    old = make_module("old")
    shutil.move(old, bundled / "01-exempel")
    new = make_module("new")
    set_version(new, "1.2.0")
    shutil.move(new, user / "exempel-modul")
    broken = make_module("broken")
    edit_manifest(broken, 'id = "exempel-modul"', 'id = "trasig"')
    edit_manifest(broken, 'sv = "Exempelmodul"', 'sv = "Trasig modul"')
    edit_manifest(broken, "minutes = 15", "minuts = 15")
    shutil.move(broken, user / "trasig")
    (user / "syntax").mkdir()
    (user / "syntax" / "module.toml").write_text('id = "x\n', encoding="utf-8")
    (user / ".import-123").mkdir()
    return bundled, user


def make_catalog(
    roots: tuple[Path, Path], probe: MediaProbe | None = None, *, check: bool = False
) -> Catalog:
    bundled, user = roots
    cache = bundled.parent / "data" / "cache" / "catalog.json"
    catalog = Catalog(
        [CatalogRoot(bundled, Origin.BUNDLED), CatalogRoot(user, Origin.USER)], cache, probe
    )
    catalog.load()
    if check:  # what the app does in the background after showing the cards
        for entry in catalog.unchecked():
            catalog.check(entry)
    return catalog


def test_one_entry_per_folder_and_the_newest_version_wins(roots: tuple[Path, Path]) -> None:
    catalog = make_catalog(roots, check=True)
    assert len(catalog.entries) == 4  # the hidden import folder is not a module
    library = catalog.library()
    ids = [entry.id for entry in library]
    assert sorted(ids) == ["exempel-modul", "syntax", "trasig"]
    winner = catalog.get("exempel-modul")
    assert winner is not None and winner.version == "1.2.0" and winner.origin is Origin.USER
    assert [e.version for e in catalog.versions("exempel-modul")] == ["1.2.0", "1.0.0"]
    older = catalog.get("exempel-modul", "1.0.0")
    assert older is not None and older.runnable and older.origin is Origin.BUNDLED
    assert winner.variant_minutes == (45, 57)
    assert winner.languages == ("sv",)
    assert winner.title("en") == "Example module"


def test_broken_modules_are_listed_with_their_problems(roots: tuple[Path, Path]) -> None:
    catalog = make_catalog(roots)
    # The card could be read, so the problem in a step shows once the module is checked.
    broken = catalog.get("trasig")
    assert broken is not None and not broken.validated and broken.problems == ()
    assert broken.title_sv == "Trasig modul" and not broken.runnable
    catalog.check(broken)
    broken = catalog.get("trasig")
    assert broken is not None and broken.validated and not broken.runnable
    assert {p.field for p in broken.errors} == {"steps[3].minuts", "steps[3].minutes"}
    # A manifest too broken for the quick read shows its problem straight away.
    syntax = catalog.get("syntax")
    assert syntax is not None and syntax.title_sv == "syntax"
    assert syntax.errors[0].line == 1


def test_a_broken_newer_version_does_not_hide_the_working_one(roots: tuple[Path, Path]) -> None:
    _bundled, user = roots
    edit_manifest(user / "exempel-modul", "minutes = 45", "minutes = 40")
    catalog = make_catalog(roots, check=True)
    winner = catalog.get("exempel-modul")
    assert winner is not None and winner.version == "1.0.0" and winner.runnable
    shown = [(e.id, e.version) for e in catalog.library() if e.id == "exempel-modul"]
    assert shown == [("exempel-modul", "1.0.0"), ("exempel-modul", "1.2.0")]


def test_the_cache_spares_parsing_until_a_manifest_changes(
    roots: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_catalog(roots, check=True)

    def no_reading(folder: Path) -> None:
        raise AssertionError(f"read {folder}")

    monkeypatch.setattr(catalog_module, "read_manifest_text", no_reading)
    second = make_catalog(roots)
    assert second.entries == first.entries
    assert all(entry.validated for entry in second.entries)
    _bundled, user = roots
    set_version(user / "exempel-modul", "1.3.0")
    with pytest.raises(AssertionError, match="read"):
        make_catalog(roots)


def test_full_check_finds_file_problems_and_remembers_the_film(
    roots: tuple[Path, Path], probe: MediaProbe
) -> None:
    _bundled, user = roots
    catalog = make_catalog(roots, probe)
    entry = catalog.get("exempel-modul")
    assert entry is not None and not entry.validated and entry.film_seconds is None
    report = catalog.check(entry)
    assert report.ok
    checked = catalog.get("exempel-modul")
    assert checked is not None and checked.validated
    assert checked.film_seconds == pytest.approx(FILM_SECONDS, abs=0.5)
    reopened = make_catalog(roots)  # no probe: the length comes from the cache
    remembered = reopened.get("exempel-modul")
    assert remembered is not None and remembered.film_seconds == checked.film_seconds
    (user / "exempel-modul" / "printables" / "isberget.md").unlink()
    stale = make_catalog(roots).get("exempel-modul")
    assert stale is not None and not stale.validated
    assert not catalog.check(stale).ok
    assert not (catalog.get("exempel-modul", "1.2.0") or stale).runnable


def test_same_version_in_both_places_prefers_the_users_copy(roots: tuple[Path, Path]) -> None:
    _bundled, user = roots
    set_version(user / "exempel-modul", "1.0.0")
    winner = make_catalog(roots, check=True).get("exempel-modul")
    assert winner is not None and winner.origin is Origin.USER


def test_missing_folders_and_a_corrupt_cache_are_fine(tmp_path: Path) -> None:
    cache = tmp_path / "catalog.json"
    cache.write_text("{not json", encoding="utf-8")
    catalog = Catalog([CatalogRoot(tmp_path / "nowhere", Origin.USER)], cache)
    catalog.load()
    assert catalog.library() == []


def test_imported_modules_are_listed_in_the_languages_alphabetical_order(
    make_module: Callable[[str], Path], tmp_path: Path
) -> None:
    # Issue 17: a hand-made table put Éclair after Zebror and Å before Ä's neighbours.
    user = tmp_path / "user"
    user.mkdir()
    titles = {
        "aaa": ("Aaa", "Aaa"),
        "asikter": ("Åsikter", "Opinions"),
        "arlighet": ("Ärlighet", "Honesty"),
        "odmjukhet": ("Ödmjukhet", "Humility"),
        "zebror": ("Zebror", "Zebras"),
        "eclair": ("Éclair", "Éclair"),
    }
    for module_id, (swedish, english) in titles.items():
        folder = make_module(module_id)
        edit_manifest(folder, 'id = "exempel-modul"', f'id = "{module_id}"')
        edit_manifest(folder, 'sv = "Exempelmodul"', f'sv = "{swedish}"')
        edit_manifest(folder, 'en = "Example module"', f'en = "{english}"')
        shutil.move(folder, user / module_id)
    catalog = Catalog([CatalogRoot(user, Origin.USER)], tmp_path / "catalog.json")
    catalog.load()
    swedish_order = [entry.title("sv") for entry in catalog.library("sv")]
    assert swedish_order == ["Aaa", "Éclair", "Zebror", "Åsikter", "Ärlighet", "Ödmjukhet"]
    english_order = [entry.title("en") for entry in catalog.library("en")]
    assert english_order == ["Aaa", "Éclair", "Honesty", "Humility", "Opinions", "Zebras"]
