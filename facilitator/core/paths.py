"""Where the app keeps its data, configuration and logs.

Three modes, in order of precedence:
1. ``FACILITATOR_HOME`` set: every folder lives below it (tests always use this).
2. Portable: everything next to the app in ``facilitator-data/`` (a USB stick), chosen by
   ``--portable`` or by a file ``portable.txt`` beside the app (the bundle's executable, or the
   checkout), so a stick works by double-click too.
3. Otherwise the platform's per-user folders (platformdirs).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

HOME_ENV = "FACILITATOR_HOME"
APP_NAME = "Facilitator"
PORTABLE_FOLDER = "facilitator-data"
PORTABLE_MARKER = "portable.txt"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "facilitator.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def user_modules_dir(self) -> Path:
        return self.data_dir / "modules"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "facilitator.log"

    @property
    def export_dir(self) -> Path:
        return self.data_dir / "exports"

    def ensure(self) -> None:
        """Create the folders, readable by the user only where the platform allows it."""
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.user_modules_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if os.name == "posix" and folder.stat().st_mode & 0o077:
                # A folder made earlier (by another tool, or a looser umask) is tightened too.
                folder.chmod(0o700)


def resolve_paths(
    *,
    portable: bool = False,
    environ: Mapping[str, str] | None = None,
    app_dir: Path | None = None,
) -> AppPaths:
    env = os.environ if environ is None else environ
    override = env.get(HOME_ENV, "").strip()
    if override:
        root = Path(override).expanduser().resolve()
        return AppPaths(root / "data", root / "config", root / "logs")
    base = app_dir if app_dir is not None else default_app_dir()
    if portable or is_portable_copy(base):
        root = base / PORTABLE_FOLDER
        return AppPaths(root / "data", root / "config", root / "logs")
    dirs = PlatformDirs(APP_NAME, appauthor=False, roaming=False)
    return AppPaths(Path(dirs.user_data_dir), Path(dirs.user_config_dir), Path(dirs.user_log_dir))


def is_portable_copy(app_dir: Path) -> bool:
    return (app_dir / PORTABLE_MARKER).is_file()


def default_app_dir() -> Path:
    """The folder the app runs from: the checkout, or the frozen app's folder (where its
    executable is, and where a portable copy keeps its data)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return source_dir()


def source_dir() -> Path:
    """Where the modules and resources are: the checkout, or inside the frozen app (its
    libraries' folder, which is where this file's package was frozen from)."""
    return Path(__file__).resolve().parents[2]


def bundled_modules_dir() -> Path:
    return source_dir() / "modules"


def resources_dir() -> Path:
    return source_dir() / "resources"


def folder_key(folder: Path) -> str:
    """A short name that stands for ``folder`` (resolved) in names outside it: the recovery
    journal's fallback folder and the second-start socket."""
    return hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
