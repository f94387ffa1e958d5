"""Run the real command line as a subprocess, in a data folder of its own, and set up the data
folders the tests need: a database with a finished session, a damaged one, one from a newer
version, a module pack.

Running as root, permission bits stop nothing; a read-only folder is then made to count by
starting the command without the capabilities that let root past them (``setpriv``)."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.content.pack import pack_module
from facilitator.core.export import service
from tests.core.export.sample_data import add_session, open_sample_db

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_MODULE = ROOT / "modules" / "03-grund-3-interkulturell-kompetens"
BUNDLED_ID = "grund-3-interkulturell-kompetens"
BUNDLED_VERSION: str = tomllib.loads((BUNDLED_MODULE / "module.toml").read_text("utf-8"))["version"]
_BYPASS = ("-dac_override", "-dac_read_search")


@dataclass(frozen=True)
class Ran:
    code: int
    stdout: str
    stderr: str


def as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def can_make_read_only() -> bool:
    return not as_root() or shutil.which("setpriv") is not None


def cli_command(*argv: str, honour_permissions: bool = False) -> list[str]:
    command = [sys.executable, "-m", "facilitator", *argv]
    if honour_permissions and as_root():
        return ["setpriv", f"--bounding-set={','.join(_BYPASS)}", *command]
    return command


def cli_env(home: Path) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "FACILITATOR_HOME": str(home), "PYTHONPATH": path, "LANG": "C.UTF-8"}


def run_cli(
    home: Path,
    *argv: str,
    umask: int = -1,
    honour_permissions: bool = False,
    cwd: Path | None = None,
    timeout: float = 60,
) -> Ran:
    done = subprocess.run(
        cli_command(*argv, honour_permissions=honour_permissions),
        env=cli_env(home),
        capture_output=True,
        text=True,
        check=False,
        umask=umask,
        cwd=cwd,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


# -- data folders --------------------------------------------------------------------------


def database_file(home: Path) -> Path:
    return home / "data" / "facilitator.sqlite3"


def home_with_session(home: Path) -> str:
    """A data folder whose database holds one finished session; returns its uuid."""
    db = open_sample_db(home / "data")
    try:
        return add_session(db)
    finally:
        db.database.close()


def archive_of_a_session(home: Path, target: Path) -> Path:
    """A session archive made in another data folder (``home``), as another laptop would."""
    db = open_sample_db(home / "data")
    try:
        uuid = add_session(db)
        return service.export_session_archive(db.repo, uuid, target)
    finally:
        db.database.close()


def damage(file: Path) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(bytes(range(256)) * 64)


def make_too_new(file: Path) -> None:
    """A schema revision this version has never heard of: made by a newer Facilitator."""
    with sqlite3.connect(file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f0f0f0f0f0f0'")
    connection.close()


def hold_exclusive_lock(file: Path) -> sqlite3.Connection:
    """Another program writing: the lock is held until the returned connection rolls back."""
    connection = sqlite3.connect(file, isolation_level=None)
    connection.execute("BEGIN EXCLUSIVE")
    return connection


def module_pack(target: Path, version: str | None = None, extra_line: str = "") -> Path:
    """A pack of a bundled module, optionally with another version number or other content."""
    folder = target.with_suffix("")
    shutil.copytree(BUNDLED_MODULE, folder)
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    if version is not None:
        text = re.sub(r'^version = ".*"$', f'version = "{version}"', text, count=1, flags=re.M)
    manifest.write_text(text + extra_line, encoding="utf-8")
    try:
        return pack_module(folder, target).path
    finally:
        shutil.rmtree(folder)
