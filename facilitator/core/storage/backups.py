"""Whole-file copies of the database, taken before a migration, and their removal.

A backup is a complete copy of the database, so it also holds every session that the leader
later deletes or that retention removes. A deletion that leaves such copies behind is not a
deletion, so after every deletion ``purge_backups`` removes them all. The copy's purpose (a way
back if a migration went wrong) has passed by then: the migrated file has been opened and used.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

PREFIX = "facilitator-"
SUFFIX = ".sqlite3"
_NAME = re.compile(
    rf"^{re.escape(PREFIX)}\d{{8}}-\d{{6}}(-\d+)?{re.escape(SUFFIX)}"
    r"(-wal|-shm|-journal|\.partial)?$"
)
_CHUNK = 1 << 20


def read_only_uri(file: Path) -> str:
    # as_uri percent-encodes "?", "#" and spaces, which a plain "file:" prefix would not.
    return file.resolve().as_uri() + "?mode=ro"


def make_backup(file: Path, backup_dir: Path, moment: datetime) -> Path:
    """Copy ``file`` into ``backup_dir`` and return the copy's path.

    SQLite's backup API reads through a normal connection, so pages still in the ``-wal`` file
    (after a crash, say) are in the copy; copying the file's bytes would miss them. The copy is
    written under a temporary name and renamed, so a half-written copy never looks finished.
    """
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = _free_name(backup_dir, moment)
    partial = target.with_name(target.name + ".partial")
    # The copy holds the same personal data as the original: owner-only, like it.
    partial.touch(mode=0o600, exist_ok=True)
    try:
        _copy(file, partial)
        _fsync(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    sync_folder(backup_dir)
    return target


def backup_files(backup_dir: Path) -> list[Path]:
    """Every file in ``backup_dir`` that this module made (never anything else)."""
    if not backup_dir.is_dir():
        return []
    return sorted(p for p in backup_dir.iterdir() if p.is_file() and _NAME.match(p.name))


def purge_backups(backup_dir: Path) -> int:
    """Overwrite and remove every backup copy; return how many files were removed.

    Overwriting first keeps the text out of reach of simple undelete tools on spinning disks;
    on SSDs and copy-on-write file systems the old blocks may survive regardless, which is
    beyond what an application can control (full-disk encryption covers that case).
    """
    removed = 0
    for path in backup_files(backup_dir):
        with contextlib.suppress(OSError):
            _overwrite(path)
        path.unlink(missing_ok=True)
        removed += 1
    if removed:
        sync_folder(backup_dir)
    return removed


def _copy(file: Path, partial: Path) -> None:
    source = sqlite3.connect(read_only_uri(file), uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            # One self-contained file: a copy left in WAL mode would grow -wal/-shm companions
            # the first time anyone opens it.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
    finally:
        source.close()


def _free_name(backup_dir: Path, moment: datetime) -> Path:
    stem = PREFIX + moment.strftime("%Y%m%d-%H%M%S")
    candidate = backup_dir / f"{stem}{SUFFIX}"
    number = 1
    while candidate.exists():
        number += 1
        candidate = backup_dir / f"{stem}-{number}{SUFFIX}"
    return candidate


def _overwrite(path: Path) -> None:
    size = path.stat().st_size
    zeros = bytes(min(size, _CHUNK))
    with path.open("r+b") as handle:
        written = 0
        while written < size:
            chunk = zeros[: min(_CHUNK, size - written)]
            handle.write(chunk)
            written += len(chunk)
        handle.flush()
        os.fsync(handle.fileno())


def _fsync(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    # A rename or unlink is durable only once the folder is synced; Windows cannot open a
    # folder for that and does not need it.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
