"""One running app per data folder.

Two apps on one folder could both offer to resume the same interrupted session and go on adding
reflections to it after the other ended it. The first app holds an exclusive lock on a small
file in the data folder for as long as it runs; the operating system lets go of it when the
process ends however it ends (kill -9, a power cut), so a stale lock cannot keep the app shut.

A lock on a network share may not be honoured by every file server; the data folder is meant
to be local (or the portable folder on a USB stick in one laptop).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


class InstanceLock:
    def __init__(self, file: Path) -> None:
        self.file = file
        self._fd: int | None = None

    def acquire(self) -> bool:
        """True when this process now holds the folder; False when another app does."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.file, flags, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return False
        # For a person looking at the folder: which process holds it.
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor lets go of the lock
            self._fd = None


def _lock(fd: int) -> None:
    if sys.platform == "win32":
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
