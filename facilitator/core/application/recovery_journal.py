"""The recovery journal: every write of a running session (its start, where it is, each
reflection and private note, its end) is appended here and forced to the disk *before* it is
queued for the database. Whatever happens next — a locked or full database, quit, SIGTERM,
kill -9, a power cut — the next start replays what the database did not take, in order, and
then removes the file.

One file per run of the app (``<started>-<pid>-<n>.jsonl``), one JSON object per line. While
the database keeps up, the file is removed each time every write in it has been committed, so
it holds only what is still on its way. A torn last line (power lost mid-append) is ignored:
that write had not been accepted yet.

Replaying is safe to repeat: each operation is idempotent (see ``journal_ops``), so a file
replayed twice, or one holding writes that did reach the database, changes nothing.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.journal_ops import JournalEntry, replay_entries
from facilitator.core.paths import folder_key
from facilitator.core.storage.errors import StorageError

if TYPE_CHECKING:
    from facilitator.core.storage.database import Database

log = logging.getLogger(__name__)

SUFFIX = ".jsonl"
_RUNS = count(1)


class RecoveryJournal:
    def __init__(
        self, folder: Path, run_name: str | None = None, fallback: Path | None = None
    ) -> None:
        """``fallback``: a second folder (off the data folder's disk where possible) for when
        the data folder refuses the journal too — read-only, or its disk full."""
        self._folders = [folder] if fallback is None else [folder, fallback]
        self._folder = folder
        self._name = run_name or f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{next(_RUNS)}"
        self._file = folder / f"{self._name}{SUFFIX}"
        self._outstanding: set[int] = set()
        self._sequence = count(1)
        self.refused = 0
        """Writes that could not be journalled anywhere: they are only in memory until the
        database takes them."""
        self.refusing: Broadcast[bool] = Broadcast()
        """True when a write could be journalled nowhere; False when one could again."""
        self._refusing = False

    @classmethod
    def of_data_folder(cls, data_dir: Path) -> RecoveryJournal:
        """The app's journal: ``recovery/`` in the data folder, the temporary folder after."""
        return cls(data_dir / "recovery", fallback=fallback_folder(data_dir))

    @property
    def file(self) -> Path:
        return self._file

    @property
    def outstanding(self) -> int:
        """Writes journalled and not yet committed to the database."""
        return len(self._outstanding)

    # --- this run ---------------------------------------------------------------------------

    def append(self, entry: JournalEntry) -> int | None:
        """Force ``entry`` to the disk; its number for ``settle``, or None if the disk refused."""
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        for folder in self._folders:
            file = folder / f"{self._name}{SUFFIX}"
            try:
                _append(folder, file, line)
            except OSError as error:
                # Never the entry itself in the log: it holds what the group said.
                log.error("Recovery journal %s refused a write: %s", file, error.strerror)
                continue
            self._file = file
            self._tell_refusing(False)
            number = next(self._sequence)
            self._outstanding.add(number)
            return number
        self.refused += 1
        self._tell_refusing(True)
        return None

    def _tell_refusing(self, refusing: bool) -> None:
        if refusing != self._refusing:
            self._refusing = refusing
            self.refusing.emit(refusing)

    def settle(self, number: int | None) -> None:
        """The database committed that write; with nothing else on its way, the file goes."""
        if number is None:
            return
        self._outstanding.discard(number)
        if not self._outstanding:
            for folder in self._folders:
                self._remove(folder / f"{self._name}{SUFFIX}")

    # --- earlier runs -------------------------------------------------------------------------

    def earlier_files(self) -> list[Path]:
        """Journals left by earlier runs, oldest first."""
        mine = {folder / f"{self._name}{SUFFIX}" for folder in self._folders}
        found: list[Path] = []
        for folder in self._folders:
            try:
                found += [p for p in folder.glob(f"*{SUFFIX}") if p not in mine]
            except OSError:
                continue
        # By name: the run's start time comes first, so oldest first across both folders.
        found.sort(key=lambda p: p.name)
        return [p for p in found if p.is_file() and not p.is_symlink()]

    def replay(self, database: Database) -> int:
        """On the executor, right after the database opened and before any new write: apply
        every earlier journal, oldest first, removing each once it is in. A ``StorageError``
        (locked, full) propagates, keeping the rest for the next try. Returns the entries
        applied."""
        applied = 0
        for path in self.earlier_files():
            entries = list(_read(path))
            applied += replay_entries(database, entries)
            self._remove(path)
            log.info("Recovery journal %s replayed (%d writes)", path.name, len(entries))
        return applied

    def _remove(self, path: Path) -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            log.warning("Recovery journal %s could not be removed: %s", path, error.strerror)


def _append(folder: Path, file: Path, line: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    found = os.lstat(folder)
    owner = getattr(os, "getuid", lambda: found.st_uid)()
    # The fallback lives in the shared temporary folder: only a real folder of this user's.
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != owner:
        raise OSError(errno.EPERM, "not a private folder", str(folder))
    fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_APPEND | _NOFOLLOW, 0o600)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


def fallback_folder(data_dir: Path) -> Path:
    """Where the journal goes when the data folder refuses it (read-only, its disk full): a
    folder in the system's temporary folder named after the data folder, made only when
    needed, and used only if it is a real folder of this user's."""
    digest = folder_key(data_dir)
    return Path(tempfile.gettempdir()) / f"facilitator-recovery-{digest}"


def _read(path: Path) -> Iterator[JournalEntry]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StorageError(f"journal unreadable: {error.strerror}") from error
    for number, line in enumerate(raw.splitlines(), start=1):
        try:
            entry: Any = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            # A torn last line: never acknowledged, so nothing the leader saw as kept.
            log.warning("Recovery journal %s: line %d unreadable, skipped", path.name, number)
            continue
        if isinstance(entry, dict):
            yield entry


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
