"""Writing a file into a folder the leader chose (an export, a saved plan, a copy): the one way
the app does it, so a shared or hostile folder cannot turn a write into damage elsewhere.

* The temporary file gets an unpredictable name and is created exclusively (``mkstemp``:
  ``O_CREAT | O_EXCL``, mode 0600), so a link planted under a name we would use is never
  opened and its target never written.
* A symbolic link at the final name is refused, not replaced: someone put it there, and the
  leader should see that rather than have it silently swapped for our file.
* The content is flushed to disk before it is moved into place with ``os.replace``, so the
  final name holds the old file or the whole new one, never half of it; on any failure (a
  full disk, a cancelled export) the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from facilitator.core.i18n import _


class FileWriteError(OSError):
    """A file could not be written; ``message`` is a Swedish sentence that names the path."""

    def __init__(self, path: Path, message: str, errno: int = 0) -> None:
        super().__init__(errno, message, str(path))
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return self.message


def write_file(target: Path, write: Callable[[BinaryIO], None]) -> Path:
    """Create or replace ``target`` with what ``write`` puts in the handle it is given.

    Raises ``FileWriteError`` (an ``OSError``) when the folder cannot be written or a link
    sits at ``target``; whatever ``write`` raises otherwise (a cancelled export) passes
    through. Either way nothing is left behind.
    """
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _refuse_link(target)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except FileWriteError:
        raise
    except OSError as error:
        raise _failed(target, error) from error
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        # Checked again just before the move: the link may have been planted meanwhile.
        _refuse_link(target)
        temp.replace(target)  # os.replace: atomic, and replaces a name, never follows it
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError) and not isinstance(error, FileWriteError):
            raise _failed(target, error) from error
        raise
    _sync_folder(target.parent)
    return target


def write_text(target: Path, text: str, *, encoding: str = "utf-8") -> Path:
    """``write_file`` for text already in memory (newlines written as they are)."""
    data = text.encode(encoding)

    def put(out: BinaryIO) -> None:
        out.write(data)

    return write_file(target, put)


def _refuse_link(target: Path) -> None:
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise _failed(target, error) from error
    if stat.S_ISLNK(mode):
        raise FileWriteError(
            target,
            _(
                "{path} är en genväg (symbolisk länk) till en annan fil. Filen skrevs inte, "
                "så att det länken pekar på inte skrivs över. Ta bort länken eller välj ett "
                "annat namn."
            ).format(path=target),
        )


def _failed(target: Path, error: OSError) -> FileWriteError:
    reason = error.strerror or str(error)
    return FileWriteError(
        target,
        _("{path} kunde inte sparas ({reason}). Välj en annan mapp.").format(
            path=target, reason=reason
        ),
        error.errno or 0,
    )


def _sync_folder(folder: Path) -> None:
    # So that the new name survives a power cut too; not every system can open a folder.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
