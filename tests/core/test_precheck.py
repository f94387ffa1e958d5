"""The pre-session check's parts without Qt: data folder, free space, fonts, sound, the verdict."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from facilitator.core.paths import resolve_paths
from facilitator.core.precheck import system as precheck
from facilitator.core.precheck.audio import AudioOutput
from facilitator.core.precheck.system import (
    MIN_FREE_BYTES,
    PDF_FONT_FILES,
    CheckItem,
    all_passed,
    check_data_folder,
    check_fonts,
    check_free_space,
    format_size,
    system_checks,
    verdict,
)

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# -- the data folder -----------------------------------------------------------------------


def test_writable_data_folder_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "facilitator.sqlite3").write_bytes(b"keep me")
    item = check_data_folder(folder)
    assert item.ok, item
    assert str(folder) in item.detail
    assert item.fix == ""
    assert sorted(p.name for p in folder.iterdir()) == ["facilitator.sqlite3"]


def test_missing_data_folder_is_created(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    assert check_data_folder(folder).ok
    assert folder.is_dir()


@pytest.mark.skipif(sys.platform == "win32", reason="chmod does not make folders read-only")
@pytest.mark.skipif(is_root(), reason="root ignores folder permissions")
def test_read_only_data_folder_fails(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        item = check_data_folder(folder)
    finally:
        folder.chmod(0o700)
    assert not item.ok
    assert str(folder) in item.detail
    assert item.fix


def test_data_folder_under_a_file_fails(tmp_path: Path) -> None:
    # Works as root too: no permission can make a file into a folder.
    blocker = tmp_path / "inte-en-mapp"
    blocker.write_text("en fil")
    item = check_data_folder(blocker / "data")
    assert not item.ok
    assert "Det går inte att spara" in item.detail
    assert "skriva" in item.fix
    assert blocker.read_text() == "en fil"


def test_data_folder_that_is_a_file_fails(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("en fil")
    assert not check_data_folder(blocker).ok


# -- free space ----------------------------------------------------------------------------


def test_free_space_on_the_real_disk(tmp_path: Path) -> None:
    item = check_free_space(tmp_path / "data" / "not-created-yet", minimum=1)
    assert item.ok
    assert item.detail.endswith("ledigt.")


def test_little_free_space_fails_and_says_how_much() -> None:
    def usage(_path: Path) -> tuple[int, int, int]:
        return 10**12, 10**12 - 150_000_000, 150_000_000

    item = check_free_space(Path("/"), usage=usage)
    assert not item.ok
    assert "150 MB" in item.detail
    assert format_size(MIN_FREE_BYTES) in item.fix


def test_enough_free_space_passes() -> None:
    item = check_free_space(Path("/"), usage=lambda _p: (10**12, 0, 12_345_000_000))
    assert item.ok
    assert item.detail == "12,3 GB ledigt."


def test_unreadable_disk_fails() -> None:
    def usage(_path: Path) -> tuple[int, int, int]:
        raise OSError(5, "Input/output error")

    item = check_free_space(Path("/"), usage=usage)
    assert not item.ok
    assert "Input/output error" in item.detail


# -- fonts ---------------------------------------------------------------------------------


def test_bundled_fonts_are_present() -> None:
    item = check_fonts()
    assert item.ok, item
    assert str(len(PDF_FONT_FILES)) in item.detail


def test_the_list_matches_what_the_export_embeds() -> None:
    from facilitator.core.export import fonts

    assert sorted(PDF_FONT_FILES) == sorted(fonts._FILES.values())


def test_missing_and_broken_fonts_are_named(tmp_path: Path) -> None:
    for name in PDF_FONT_FILES:
        (tmp_path / name).write_bytes((FONTS / name).read_bytes())
    (tmp_path / "DejaVuSans-Bold.ttf").unlink()
    (tmp_path / "AbyssinicaSIL-Regular.ttf").write_text(
        "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 1\n"
    )
    item = check_fonts(tmp_path)
    assert not item.ok
    assert "DejaVuSans-Bold.ttf" in item.detail
    assert "AbyssinicaSIL-Regular.ttf" in item.detail
    assert "DejaVuSans.ttf," not in item.detail
    assert "PDF" in item.fix


# -- together ------------------------------------------------------------------------------


def test_system_checks_pass_in_a_fresh_home(
    facilitator_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sound card whatever this machine has (test_audio_output covers the sound check).
    monkeypatch.setattr(precheck, "find_audio_output", lambda: AudioOutput(True, ("HDMI 0",)))
    items = system_checks(resolve_paths())
    assert [i.name for i in items] == [
        "Datamappen",
        "Ledigt utrymme",
        "Typsnitt för utskrifter",
        "Ljud",
    ]
    assert all_passed(items), items


def test_verdict() -> None:
    good = CheckItem("A", True, "bra")
    bad = CheckItem("B", False, "trasig", "laga")
    assert verdict([good, good]).startswith("Allt är klart")
    assert "2 av 2" in verdict([good, good])
    assert verdict([good, bad]).startswith("Inte klart: 1 av 2")
    assert not all_passed([good, bad])
    assert verdict([]) == "Ingenting kontrollerades."
