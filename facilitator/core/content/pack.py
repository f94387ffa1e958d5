"""Pack a module folder into one `.fmod` file for a USB stick.

The zip is deterministic (sorted entries, fixed timestamps and permissions) so packing the same
folder twice gives the same bytes, and a checksum of the file means something. The module is
validated first: a pack is only made of a module that would import.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.content.media_probe import MediaProbe
from facilitator.core.content.pack_format import (
    CHUNK,
    DEFAULT_LIMITS,
    PACK_INFO,
    PackFailure,
    PackInfo,
    PackLimits,
    content_hash,
    name_failure,
)
from facilitator.core.content.pack_messages import refuse, size_text
from facilitator.core.content.validate import validate_module
from facilitator.core.work import IsCancelled, Progress, share

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o100644
# Already compressed: deflating them again costs time and gains nothing.
STORED_SUFFIXES = frozenset(
    {".mp4", ".m4v", ".webm", ".mkv", ".mov", ".ogv", ".mp3", ".m4a", ".ogg", ".opus",
     ".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".zip", ".fmod"}
)  # fmt: skip
# Left out of packs: system clutter that would otherwise travel on every stick.
JUNK_NAMES = frozenset({"Thumbs.db", "desktop.ini", "__MACOSX", "__pycache__"})


@dataclass(frozen=True)
class PackResult:
    path: Path
    info: PackInfo


def _collect(root: Path, limits: PackLimits) -> list[tuple[str, Path]]:
    """(name in the pack, file on disk), sorted; links are followed only inside the module."""
    real_root = root.resolve()
    found: list[tuple[str, Path]] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        for child in folder.iterdir():
            if child.name.startswith(".") or child.name in JUNK_NAMES:
                continue
            name = child.relative_to(root).as_posix()
            if name == PACK_INFO:
                continue  # the pack's own description from an earlier import is remade
            if child.is_symlink():
                target = child.resolve()
                if not target.is_relative_to(real_root) or not target.is_file():
                    raise refuse(PackFailure.LINK, name)
            mode = child.stat().st_mode
            if stat.S_ISDIR(mode):
                pending.append(child)
            elif stat.S_ISREG(mode):
                if (failure := name_failure(name, limits)) is not None:
                    raise refuse(failure, name)
                found.append((name, child))
            else:
                raise refuse(PackFailure.SPECIAL_FILE, name)
    found.sort()
    if len(found) > limits.max_files:
        raise refuse(PackFailure.TOO_MANY_FILES, f"{len(found)} > {limits.max_files}")
    return found


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_TIME)
    info.create_system = 3  # unix, so the permission bits below are read as such
    info.external_attr = FILE_MODE << 16
    suffix = Path(name).suffix.lower()
    info.compress_type = zipfile.ZIP_STORED if suffix in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    return info


def _write(
    archive: zipfile.ZipFile,
    files: list[tuple[str, Path]],
    total: int,
    progress: Progress | None,
    cancel: IsCancelled | None,
) -> list[tuple[str, str]]:
    hashes: list[tuple[str, str]] = []
    done = 0
    for name, path in files:
        digest = hashlib.sha256()
        entry = _entry(name)
        size = path.stat().st_size
        with path.open("rb") as source, archive.open(entry, "w", force_zip64=size > 1 << 31) as out:
            while chunk := source.read(CHUNK):
                if cancel is not None and cancel():
                    raise refuse(PackFailure.CANCELLED)
                digest.update(chunk)
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(share(done, total))
        hashes.append((name, digest.hexdigest()))
    return hashes


def pack_module(
    folder: Path,
    output: Path,
    *,
    probe: MediaProbe | None = None,
    limits: PackLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancel: IsCancelled | None = None,
) -> PackResult:
    """Raises `PackError` (with the module's problems when it is invalid); `output` is written
    only when everything succeeded."""
    report = validate_module(folder, probe)
    if report.manifest is None or not report.ok:
        raise refuse(PackFailure.INVALID_MODULE, folder.name, report.problems)
    files = _collect(folder, limits)
    total = sum(path.stat().st_size for _name, path in files)
    if total > limits.max_bytes:
        raise refuse(PackFailure.TOO_LARGE, size_text(limits.max_bytes))
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".pack-", suffix=".tmp", dir=output.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            hashes = _write(archive, files, total, progress, cancel)
            info = PackInfo(
                report.manifest.id, report.manifest.version, content_hash(hashes), len(files), total
            )
            text = json.dumps(info.to_json(), indent=2, sort_keys=True, ensure_ascii=False)
            archive.writestr(_entry(PACK_INFO), text + "\n")
        temp.replace(output)
    except OSError as error:
        raise refuse(PackFailure.WRITE_FAILED, error.strerror or error) from error
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return PackResult(output, info)


def folder_content_hash(folder: Path, limits: PackLimits = DEFAULT_LIMITS) -> str:
    """The same content hash a pack of this folder would carry: recorded with each session so a
    summary can say exactly which module content was run."""
    return content_hash((name, _file_sha256(path)) for name, path in _collect(folder, limits))


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
