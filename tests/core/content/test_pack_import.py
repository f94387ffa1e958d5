"""Pack a module, carry it to another data folder, import it: versions, progress, cancel."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.content.catalog import Catalog, CatalogRoot
from facilitator.core.content.entry import Origin
from facilitator.core.content.importer import (
    ImportOutcome,
    import_pack,
    prune_old_versions,
    remove_leftovers,
)
from facilitator.core.content.pack import pack_module
from facilitator.core.content.pack_format import PackError, PackFailure
from facilitator.core.content.validate import validate_module

from .conftest import edit_manifest, set_version
from .packs import folder_files


def make_pack(folder: Path, target: Path) -> Path:
    return pack_module(folder, target).path


def test_pack_is_deterministic_and_describes_itself(module: Path, tmp_path: Path) -> None:
    first = pack_module(module, tmp_path / "a.fmod")
    (module / "module.toml").touch()  # a new mtime must not change the pack
    second = pack_module(module, tmp_path / "b.fmod")
    assert first.path.read_bytes() == second.path.read_bytes()
    with zipfile.ZipFile(first.path) as archive:
        names = archive.namelist()
        info = json.loads(archive.read("pack.json"))
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "module.toml" in names
    assert names[:-1] == sorted(names[:-1]) and names[-1] == "pack.json"
    assert info["id"] == "exempel-modul" and info["version"] == "1.0.0"
    assert info["content_hash"] == first.info.content_hash.lower()
    assert info["content_hash"].startswith("sha256:")


def test_pack_leaves_out_hidden_files_and_an_old_pack_json(module: Path, tmp_path: Path) -> None:
    (module / ".DS_Store").write_bytes(b"x")
    (module / "pack.json").write_text("{}", encoding="utf-8")
    with zipfile.ZipFile(make_pack(module, tmp_path / "p.fmod")) as archive:
        assert ".DS_Store" not in archive.namelist()
        assert json.loads(archive.read("pack.json")) != {}


def test_an_invalid_module_is_not_packed(module: Path, tmp_path: Path) -> None:
    edit_manifest(module, "minutes = 45", "minutes = 46")
    with pytest.raises(PackError) as raised:
        pack_module(module, tmp_path / "p.fmod")
    assert raised.value.failure is PackFailure.INVALID_MODULE
    assert raised.value.problems[0].field == "variants[0].minutes"
    assert list(tmp_path.glob("*.fmod")) == []


def test_round_trip_into_another_data_folder(module: Path, tmp_path: Path) -> None:
    pack = make_pack(module, tmp_path / "usb" / "modul.fmod")
    modules_dir = tmp_path / "other-computer" / "modules"
    result = import_pack(pack, modules_dir)
    assert result.outcome is ImportOutcome.INSTALLED
    assert result.path == modules_dir / "exempel-modul"
    assert "importerad" in result.message
    installed = folder_files(result.path)
    assert installed.pop("pack.json")
    assert installed == folder_files(module)
    assert validate_module(result.path).ok
    assert [p.name for p in modules_dir.iterdir()] == ["exempel-modul"]


def test_progress_reaches_the_total(module: Path, tmp_path: Path) -> None:
    seen: list[float] = []
    pack = pack_module(module, tmp_path / "p.fmod", progress=seen.append).path
    assert seen and seen[-1] == 1.0
    seen.clear()
    import_pack(pack, tmp_path / "modules", progress=seen.append)
    assert seen == sorted(seen) and seen[0] >= 0.0
    assert seen[-1] == 1.0


def test_cancel_leaves_nothing(module: Path, tmp_path: Path) -> None:
    with pytest.raises(PackError) as raised:
        pack_module(module, tmp_path / "p.fmod", cancel=lambda: True)
    assert raised.value.failure is PackFailure.CANCELLED
    assert list(tmp_path.glob("*.fmod")) == [] and list(tmp_path.glob(".pack-*")) == []
    pack = make_pack(module, tmp_path / "p.fmod")
    modules_dir = tmp_path / "modules"
    calls = iter(range(1000))
    with pytest.raises(PackError) as raised:
        import_pack(pack, modules_dir, cancel=lambda: next(calls) > 2)
    assert raised.value.failure is PackFailure.CANCELLED
    assert list(modules_dir.iterdir()) == []


@pytest.fixture
def versions(make_module: Callable[[str], Path], tmp_path: Path) -> dict[str, Path]:
    packs = {}
    for version in ("1.0.0", "1.1.0"):
        folder = make_module(f"v{version}")
        set_version(folder, version)
        packs[version] = make_pack(folder, tmp_path / f"{version}.fmod")
    # The same version number with other content: an author who forgot to raise it.
    intro = folder / "texts" / "introduktion.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nEn rad till.\n", encoding="utf-8")
    packs["1.1.0-other"] = make_pack(folder, tmp_path / "1.1.0-other.fmod")
    return packs


def installed_version(folder: Path) -> str:
    report = validate_module(folder)
    assert report.manifest is not None
    return report.manifest.version


def test_newer_version_replaces_and_the_old_is_kept_while_referenced(
    versions: dict[str, Path], tmp_path: Path
) -> None:
    modules_dir = tmp_path / "modules"
    import_pack(versions["1.0.0"], modules_dir)
    result = import_pack(versions["1.1.0"], modules_dir, is_referenced=lambda i, v: True)
    assert result.outcome is ImportOutcome.UPDATED
    assert (result.previous_version, result.version) == ("1.0.0", "1.1.0")
    assert result.kept_previous == modules_dir / "exempel-modul@1.0.0"
    assert installed_version(modules_dir / "exempel-modul") == "1.1.0"
    assert installed_version(modules_dir / "exempel-modul@1.0.0") == "1.0.0"
    assert prune_old_versions(modules_dir, lambda i, v: (i, v) == ("exempel-modul", "1.0.0")) == []
    assert prune_old_versions(modules_dir, lambda i, v: False) == [result.kept_previous]
    assert sorted(p.name for p in modules_dir.iterdir()) == ["exempel-modul"]


def test_unreferenced_old_version_is_removed(versions: dict[str, Path], tmp_path: Path) -> None:
    modules_dir = tmp_path / "modules"
    import_pack(versions["1.0.0"], modules_dir)
    asked: list[tuple[str, str]] = []

    def unused(module_id: str, version: str) -> bool:
        asked.append((module_id, version))
        return False

    result = import_pack(versions["1.1.0"], modules_dir, is_referenced=unused)
    assert asked == [("exempel-modul", "1.0.0")]
    assert result.kept_previous is None
    assert [p.name for p in modules_dir.iterdir()] == ["exempel-modul"]


@pytest.mark.parametrize("older", ["1.0.0", "1.1.0-other"])
def test_older_or_equal_needs_confirmation(
    versions: dict[str, Path], tmp_path: Path, older: str
) -> None:
    modules_dir = tmp_path / "modules"
    import_pack(versions["1.1.0"], modules_dir)
    before = folder_files(modules_dir / "exempel-modul")
    result = import_pack(versions[older], modules_dir)
    assert result.outcome is ImportOutcome.NEEDS_CONFIRMATION
    assert result.previous_version == "1.1.0" and result.path is None
    assert result.message.endswith("?")
    assert folder_files(modules_dir / "exempel-modul") == before
    assert [p.name for p in modules_dir.iterdir()] == ["exempel-modul"]
    confirmed = import_pack(versions[older], modules_dir, replace=True)
    assert confirmed.outcome is ImportOutcome.REPLACED
    assert installed_version(modules_dir / "exempel-modul") == older.removesuffix("-other")


def test_the_identical_pack_again_changes_nothing(
    versions: dict[str, Path], tmp_path: Path
) -> None:
    modules_dir = tmp_path / "modules"
    import_pack(versions["1.1.0"], modules_dir)
    before = folder_files(modules_dir / "exempel-modul")
    for replace in (False, True):
        result = import_pack(versions["1.1.0"], modules_dir, replace=replace)
        assert result.outcome is ImportOutcome.ALREADY_INSTALLED
        assert result.message == (
            "”exempel-modul” version 1.1.0 är redan installerad. Ingenting har ändrats."
        )
        assert folder_files(modules_dir / "exempel-modul") == before
    assert [p.name for p in modules_dir.iterdir()] == ["exempel-modul"]


def test_a_downgrade_needs_its_own_consent_and_then_really_is_the_version_offered(
    versions: dict[str, Path], tmp_path: Path
) -> None:
    modules_dir = tmp_path / "modules"
    import_pack(versions["1.1.0"], modules_dir)
    refused = import_pack(versions["1.0.0"], modules_dir, replace=True, allow_downgrade=False)
    assert refused.outcome is ImportOutcome.NEEDS_CONFIRMATION and refused.is_downgrade
    assert installed_version(modules_dir / "exempel-modul") == "1.1.0"
    result = import_pack(versions["1.0.0"], modules_dir, allow_downgrade=True)
    assert result.outcome is ImportOutcome.REPLACED
    assert result.message == (
        "”exempel-modul” är ersatt: version 1.0.0 används nu i stället för version 1.1.0."
    )
    # 1.1.0 is kept for the sessions that ran it, and is not what the library offers.
    assert result.kept_previous == modules_dir / "exempel-modul@1.1.0"
    catalog = Catalog([CatalogRoot(modules_dir, Origin.USER)])
    catalog.load()
    offered = catalog.get("exempel-modul")
    assert offered is not None and (offered.version, offered.path) == ("1.0.0", result.path)
    assert [entry.version for entry in catalog.library()] == ["1.0.0"]
    kept = catalog.get("exempel-modul", "1.1.0")
    assert kept is not None and kept.path == result.kept_previous


def test_leftovers_of_an_interrupted_import_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".import-abc").mkdir()
    (tmp_path / ".old-abc").mkdir()
    (tmp_path / "modul").mkdir()
    remove_leftovers(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["modul"]


def test_a_module_moved_aside_when_the_power_went_is_put_back(module: Path, tmp_path: Path) -> None:
    modules_dir = tmp_path / "modules"
    modules_dir.mkdir()
    module.rename(modules_dir / ".old-123")
    remove_leftovers(modules_dir)
    assert [p.name for p in modules_dir.iterdir()] == ["exempel-modul"]
