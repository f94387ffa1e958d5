"""Python's audit hooks (PEP 578) as a witness: what the interpreter was asked to do while a
block ran — connect a socket, open a URL, write a file. One hook per process (hooks cannot be
removed), switched on and off by `watching`. It sees Python's own calls; what C libraries do
on their own (Qt's file reads, libVLC) goes past it, and is covered by the arguments libVLC
gets and by Qt's text engine having no network code (docs/security.md)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

NETWORK_EVENTS = (
    "socket.",
    "urllib.Request",
    "http.client.",
    "webbrowser.open",
    "ftplib.",
    "smtplib.",
    "poplib.",
    "imaplib.",
    "nntplib.",
    "telnetlib.",
)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
# event -> (index of a path argument, index of its dir_fd argument or None)
_PATH_EVENTS: dict[str, tuple[tuple[int, int | None], ...]] = {
    "os.mkdir": ((0, 2),),
    "os.rename": ((0, 2), (1, 3)),
    "os.remove": ((0, 1),),
    "os.rmdir": ((0, 1),),
    "os.symlink": ((1, 2),),
    "os.link": ((0, 2), (1, 3)),
    "os.truncate": ((0, None),),
    "os.chmod": ((0, 2),),
    "os.chown": ((0, 3),),
    "os.utime": ((0, 3),),
    "shutil.rmtree": ((0, None),),
    "shutil.copyfile": ((1, None),),
    "shutil.move": ((1, None),),
    "tempfile.mkstemp": ((0, None),),
    "tempfile.mkdtemp": ((0, None),),
}

Seen = list[tuple[str, tuple[Any, ...]]]
_active: list[tuple[Callable[[str, tuple[Any, ...]], bool], Seen]] = []
_installed = False


def _hook(event: str, args: tuple[Any, ...]) -> None:
    for wanted, seen in _active:
        if wanted(event, args):
            seen.append((event, args))


@contextmanager
def watching(wanted: Callable[[str, tuple[Any, ...]], bool]) -> Iterator[Seen]:
    """Collect the audit events ``wanted`` picks while the block runs (any thread)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True
    seen: Seen = []
    entry = (wanted, seen)
    _active.append(entry)
    try:
        yield seen
    finally:
        _active.remove(entry)


def is_network(event: str, _args: tuple[Any, ...]) -> bool:
    return event.startswith(NETWORK_EVENTS)


def _folder_of(dir_fd: Any) -> str | None:
    """The folder an open directory descriptor stands for (shutil.rmtree works by them)."""
    if not isinstance(dir_fd, int) or dir_fd < 0:
        return None
    try:
        return os.readlink(f"/proc/self/fd/{dir_fd}")
    except OSError:
        return None


def written_paths(event: str, args: tuple[Any, ...]) -> list[Path]:
    """The paths an audit event writes to, made absolute; [] for events that only read."""
    if event == "open":
        path, mode, flags = [*args, None, None, None][:3]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        places: tuple[tuple[int, int | None], ...] = ((0, None),) if writes else ()
        args = (path,)
    else:
        places = _PATH_EVENTS.get(event, ())
    paths: list[Path] = []
    for index, fd_index in places:
        value = args[index] if index < len(args) else None
        if isinstance(value, bytes):
            value = os.fsdecode(value)
        if not isinstance(value, str | os.PathLike):
            continue
        base = _folder_of(args[fd_index]) if fd_index is not None and fd_index < len(args) else None
        text = os.fspath(value)
        paths.append(Path(os.path.abspath(os.path.join(base, text) if base else text)))
    return paths
