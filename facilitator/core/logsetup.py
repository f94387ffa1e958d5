"""A log file in the user's log folder that rotates at start-up; the leader is told where it is
on errors. Rotation happens once per start instead of with logging.handlers' rotating handler,
whose import alone costs more than a tenth of the app's start-up."""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
KEEP = 3


def rotate(log_file: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    try:
        if log_file.stat().st_size < max_bytes:
            return
    except FileNotFoundError:
        return
    for index in range(keep - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{index}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{index + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))


def configure_logging(log_file: Path, level: int = logging.INFO) -> None:
    log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    rotate(log_file)
    # Owner-only from its first byte, whatever the umask: the log names files and folders.
    os.close(os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    for old in list(root.handlers):
        if isinstance(old, logging.FileHandler):
            root.removeHandler(old)
            old.close()
    root.addHandler(handler)
    root.setLevel(level)


def without_content(error: BaseException) -> str:
    """An error as the log may keep it: its type and where it was raised, for it and the
    errors it came from, never their messages or arguments, which can carry what the group
    said (a ``UnicodeEncodeError``'s repr holds the whole text it could not encode; a
    ``KeyError`` holds its key)."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(parts) < 5:
        seen.add(id(current))
        # The innermost frames: a RecursionError's thousands of repeats say nothing more.
        frames = traceback.extract_tb(current.__traceback__)[-12:]
        where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
        kind = type(current).__qualname__
        parts.append(f"{kind} at {where}" if where else kind)
        current = current.__cause__ or current.__context__
    return ", from ".join(parts)
