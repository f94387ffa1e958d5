"""Build .fmod files by hand, including the hostile ones `pack` would never make."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from facilitator.core.content.pack_format import content_hash

Entry = tuple[str | zipfile.ZipInfo, bytes]


def pack_json(files: dict[str, bytes], **overrides: Any) -> bytes:
    hashes = [(name, hashlib.sha256(data).hexdigest()) for name, data in files.items()]
    info = {
        "format": 1,
        "id": "exempel-modul",
        "version": "1.0.0",
        "content_hash": content_hash(hashes),
        "files": len(files),
        "bytes": sum(len(d) for d in files.values()),
    }
    info.update(overrides)
    return json.dumps(info).encode()


def folder_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def write_zip(target: Path, entries: list[Entry]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return target


def write_pack(
    target: Path, files: dict[str, bytes], extra: Sequence[Entry] = (), **info: Any
) -> Path:
    """A pack of ``files`` with a correct pack.json (unless ``info`` overrides it) plus
    ``extra`` entries that the hash does not cover."""
    entries: list[Entry] = [(name, data) for name, data in files.items()]
    entries += list(extra)
    entries.append(("pack.json", pack_json(files, **info)))
    return write_zip(target, entries)


def special(name: str, mode: int) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name)
    entry.create_system = 3
    entry.external_attr = mode << 16
    return entry


def symlink(name: str) -> zipfile.ZipInfo:
    return special(name, stat.S_IFLNK | 0o777)
