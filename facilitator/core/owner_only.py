"""The data folder is for the person who runs the app: folders 0700, files 0600.

Two halves, both run at every entry point (the app's start-up and the command line) before
anything is written: a umask so that whatever is created from then on (the database and its
-wal/-shm, backups, the log, settings, imported modules, exports) is owner-only whatever
umask the desktop or the shell started us with; and a pass that tightens what an earlier
version, another tool or a looser umask left readable by others.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only the type: the command line imports this before anything else
    from facilitator.core.paths import AppPaths

OWNER_ONLY_UMASK = 0o077


def restrict_new_files() -> None:
    """Owner-only modes for everything this process creates from now on."""
    if os.name == "posix":
        os.umask(OWNER_ONLY_UMASK)


def tighten(folders: Iterable[Path]) -> None:
    """Take group and other permissions off every folder and file below ``folders``.

    Links are never followed (one planted in the data folder must not make us change a file
    elsewhere), and a file we may not change (another owner, a FAT-formatted USB stick) is
    left as it is: tightening is a precaution, never a reason not to start."""
    if os.name != "posix":
        return
    for folder in folders:
        _tighten_one(folder)
        for root, dirs, files in os.walk(folder):
            for name in (*dirs, *files):
                _tighten_one(Path(root, name))


def tighten_data_folders(paths: AppPaths) -> None:
    tighten((paths.data_dir, paths.config_dir, paths.log_dir))


def _tighten_one(path: Path) -> None:
    with contextlib.suppress(OSError):
        if not stat.S_IMODE(path.lstat().st_mode) & 0o077:
            return  # the usual case, checked without opening anything
        # Through a descriptor opened without following links: a link swapped in after the
        # check is refused instead of followed. Non-blocking, so a FIFO cannot hang us.
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(path, flags)
        try:
            mode = os.fstat(descriptor).st_mode
            if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
                os.fchmod(descriptor, stat.S_IMODE(mode) & 0o700)
        finally:
            os.close(descriptor)
