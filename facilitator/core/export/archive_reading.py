"""Reading an archive file from anywhere without trusting it: regular files only, bounded in
size, nesting and numbers, so nothing in it can hang, exhaust or crash the reader."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator.core.export.archive_bounds import (
    MAX_ARCHIVE_BYTES,
    MAX_DEPTH,
    MAX_NUMBER_CHARS,
    nesting_depth,
)
from facilitator.core.export.archive_format import ArchiveError
from facilitator.core.i18n import _

# O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever (fstat then tells
# it is no regular file). Neither flag exists on Windows, where FIFOs are no concern.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class _Unreadable(ValueError):
    pass


def read_bytes(path: Path) -> bytes:
    """The file's bytes, if it is a regular file of at most ``MAX_ARCHIVE_BYTES``."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _os_error(path, error) from error
    except ValueError as error:  # a NUL in the name
        raise ArchiveError(path, _("filnamnet är ogiltigt")) from error
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError(path, _("det är ingen vanlig fil (en mapp, en enhet eller ett rör)"))
        if info.st_size > MAX_ARCHIVE_BYTES:
            raise ArchiveError(path, _too_big())
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # A file that grows while it is read is cut off here, not read to its end.
            raw = handle.read(MAX_ARCHIVE_BYTES + 1)
    except OSError as error:
        raise _os_error(path, error) from error
    finally:
        os.close(fd)
    if len(raw) > MAX_ARCHIVE_BYTES:
        raise ArchiveError(path, _too_big())
    return raw


def parse_json(path: Path, raw: bytes) -> Any:
    if nesting_depth(raw) > MAX_DEPTH:
        raise ArchiveError(path, _("arkivet är skadat: det är för djupt nästlat"))
    try:
        return json.loads(
            raw.decode("utf-8-sig"),
            parse_int=_integer,
            parse_float=_decimal,
            parse_constant=_constant,
        )
    except _Unreadable as error:
        raise ArchiveError(path, _("arkivet är skadat: {what}").format(what=error)) from error
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ArchiveError(
            path, _("filen är inte ett sessionsarkiv (ingen giltig JSON)")
        ) from error


def validation_message(error: ValidationError) -> str:
    """The first problem, in Swedish, with where it is (never the value: it may be text the
    group wrote, or megabytes of anything)."""
    first = error.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or _("arkivet")
    kind = first["type"]
    if kind == "archive_bound":
        what = first["msg"]
    elif kind == "value_error":
        what = str(first.get("ctx", {}).get("error", first["msg"]))
    elif kind == "missing":
        what = _("saknas")
    elif kind == "extra_forbidden":
        what = _("okänt fält")
    else:
        what = _("ogiltigt värde")
    return _("arkivet är skadat: {where} ({what})").format(where=where, what=what)


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Unreadable(_("ett tal med för många siffror"))
    return int(text)


def _decimal(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _Unreadable(_("ett tal med för många siffror"))
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Unreadable(_("ett tal som är för stort"))
    return value


def _constant(text: str) -> float:
    raise _Unreadable(_("{name} är inget tal").format(name=text))


def _too_big() -> str:
    return _("filen är större än {size} MB och kan inte vara ett sessionsarkiv").format(
        size=MAX_ARCHIVE_BYTES // 1_000_000
    )


def _os_error(path: Path, error: OSError) -> ArchiveError:
    if isinstance(error, FileNotFoundError):
        return ArchiveError(path, _("filen finns inte"))
    if isinstance(error, PermissionError):
        return ArchiveError(path, _("du har inte behörighet att läsa filen"))
    reason = error.strerror or type(error).__name__
    return ArchiveError(path, _("filen kunde inte läsas ({reason})").format(reason=reason))
