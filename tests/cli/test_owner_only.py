"""Folders 0700 and files 0600 in the data folder, and for what a tool writes elsewhere, whatever
the umask the app or the command line was started with (here 000: everyone may read and write
what is made). A database, log or settings file left readable by an earlier version is
tightened at the next start."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core.paths import resolve_paths
from tests.cli.cli_rig import cli_env, database_file, home_with_session, module_pack, run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def _modes(folder: Path) -> dict[str, int]:
    """Every folder and file below ``folder`` (itself the person's choice, not ours)."""
    return {
        str(path.relative_to(folder)): stat.S_IMODE(path.lstat().st_mode)
        for path in sorted(folder.rglob("*"))
    }


def _owner_only(folder: Path) -> dict[str, int]:
    """What ``_modes`` must be: 0700 for every folder, 0600 for every file."""
    return {name: 0o700 if (folder / name).is_dir() else 0o600 for name in _modes(folder)}


def _loosen(home: Path) -> None:
    """As an earlier version under umask 022 left things: readable by everyone."""
    paths = resolve_paths()
    for folder in (paths.data_dir, paths.config_dir, paths.log_dir):
        folder.mkdir(parents=True, exist_ok=True)
    paths.log_file.write_text("en gammal rad\n", encoding="utf-8")
    paths.settings_file.write_text('language = "sv"\n', encoding="utf-8")
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_modules_import_on_a_fresh_folder_under_umask_000(
    facilitator_home: Path, tmp_path: Path
) -> None:
    pack = module_pack(tmp_path / "modul.fmod")
    ran = run_cli(facilitator_home, "modules", "import", str(pack), "--no-probe", umask=0)
    assert ran.code == 0, ran.stderr
    assert (facilitator_home / "data" / "modules" / "grund-3-interkulturell-kompetens").is_dir()
    assert _modes(facilitator_home) == _owner_only(facilitator_home)


def test_export_and_report_under_umask_000_tighten_an_old_0644_database(
    facilitator_home: Path, tmp_path: Path
) -> None:
    session = home_with_session(facilitator_home)
    _loosen(facilitator_home)
    assert stat.S_IMODE(database_file(facilitator_home).stat().st_mode) == 0o644
    usb = tmp_path / "usb"
    usb.mkdir()
    pdf = usb / "sammanfattning.pdf"
    ran = run_cli(facilitator_home, "export", session, "--pdf", "-o", str(pdf), umask=0)
    assert ran.code == 0, ran.stderr
    ran = run_cli(
        facilitator_home,
        "report",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--csv",
        "-o",
        str(usb / "rapport"),
        umask=0,
    )
    assert ran.code == 0, ran.stderr
    assert stat.S_IMODE(database_file(facilitator_home).stat().st_mode) == 0o600
    assert _modes(facilitator_home) == _owner_only(facilitator_home)
    # What was written outside the data folder: the export and the folder made for the CSV.
    assert _modes(usb) == _owner_only(usb)
    assert len(list((usb / "rapport").iterdir())) == 2


APP_START = """
import logging
from facilitator.startup import prepare

startup = prepare(False, "sv")
logging.getLogger("test").warning("a line for the log")
startup.settings_store.save(startup.settings)
"""


def test_the_apps_start_up_under_umask_000_tightens_and_creates_owner_only(
    facilitator_home: Path,
) -> None:
    home_with_session(facilitator_home)
    _loosen(facilitator_home)
    done = subprocess.run(
        [sys.executable, "-c", APP_START],
        env=cli_env(facilitator_home),
        capture_output=True,
        text=True,
        check=False,
        umask=0,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    paths = resolve_paths()
    assert "a line for the log" in paths.log_file.read_text(encoding="utf-8")
    assert paths.settings_file.is_file()
    assert stat.S_IMODE(paths.database_file.stat().st_mode) == 0o600
    assert _modes(facilitator_home) == _owner_only(facilitator_home)
