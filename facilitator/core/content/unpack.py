"""Unpack an `.fmod` into an empty folder, refusing anything that could harm the computer.

Nothing in the zip is trusted: names are checked before anything is written, file types come
from the permission bits, and the size limit counts the bytes actually written, not what the
zip declares (a zip bomb declares little and inflates to a lot). The caller owns the folder and
removes it when this raises.
"""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import IO, Any

from facilitator.core.content.pack_format import (
    CHUNK,
    DEFAULT_LIMITS,
    MAX_PACK_INFO_BYTES,
    PACK_FORMAT,
    PACK_INFO,
    PackError,
    PackFailure,
    PackInfo,
    PackLimits,
    content_hash,
    name_failure,
)
from facilitator.core.content.pack_messages import refuse, size_text
from facilitator.core.content.problems import MANIFEST_FILE
from facilitator.core.work import IsCancelled, Progress, share

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ALLOWED_COMPRESSION = (
    zipfile.ZIP_STORED,
    zipfile.ZIP_DEFLATED,
    zipfile.ZIP_BZIP2,
    zipfile.ZIP_LZMA,
)


def _open(pack: Path) -> zipfile.ZipFile:
    _check_is_a_file(pack)
    try:
        with pack.open("rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise refuse(PackFailure.UNREADABLE, pack) from error
    if magic not in _ZIP_MAGIC:
        raise refuse(PackFailure.NOT_A_ZIP)
    try:
        return zipfile.ZipFile(pack)
    except NotImplementedError as error:
        # A zip feature Python cannot read (a "version needed" from the future, say).
        raise refuse(PackFailure.CORRUPT, pack.name) from error
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
        # It starts like a zip but its directory at the end is gone: cut off while copying.
        raise refuse(PackFailure.TRUNCATED) from error


def _check_is_a_file(pack: Path) -> None:
    """Missing, a folder, or a device or FIFO (whose read would never end): told before
    opening it."""
    try:
        mode = pack.stat().st_mode
    except FileNotFoundError as error:
        raise refuse(PackFailure.NOT_FOUND, pack) from error
    except OSError as error:
        raise refuse(PackFailure.UNREADABLE, pack) from error
    if not stat.S_ISREG(mode):
        raise refuse(PackFailure.NOT_A_FILE, pack)


def _check_members(archive: zipfile.ZipFile, limits: PackLimits) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > limits.max_files + 1:
        raise refuse(PackFailure.TOO_MANY_FILES, f"{len(members)} > {limits.max_files}")
    files: list[zipfile.ZipInfo] = []
    seen: set[str] = set()
    declared = 0
    for member in members:
        name = member.filename
        if (failure := name_failure(name, limits)) is not None:
            raise refuse(failure, name)
        mode = member.external_attr >> 16 if member.create_system == 3 else 0
        if stat.S_ISLNK(mode):
            raise refuse(PackFailure.LINK, name)
        # No type bits at all is common (Python's own writestr): a plain file.
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise refuse(PackFailure.SPECIAL_FILE, name)
        if member.flag_bits & 0x1:
            raise refuse(PackFailure.ENCRYPTED)
        if member.compress_type not in _ALLOWED_COMPRESSION:
            raise refuse(PackFailure.CORRUPT, name)
        # Case-insensitive: on Windows and macOS "A.md" and "a.md" are the same file.
        key = name.removesuffix("/").casefold()
        if key in seen:
            raise refuse(PackFailure.DUPLICATE, name)
        seen.add(key)
        if not member.is_dir():
            files.append(member)
            declared += member.file_size
    if declared > limits.max_bytes:
        raise refuse(PackFailure.TOO_LARGE, size_text(limits.max_bytes))
    file_keys = {member.filename.casefold() for member in files}
    for member in files:
        # "a" as a file and "a/b" in the same pack cannot both be written.
        parents = PurePosixPath(member.filename.casefold()).parents
        if any(str(parent) in file_keys for parent in parents):
            raise refuse(PackFailure.DUPLICATE, member.filename)
    names = {member.filename for member in files}
    if PACK_INFO not in names:
        raise refuse(PackFailure.NO_PACK_INFO)
    if MANIFEST_FILE not in names:
        raise refuse(PackFailure.NO_MANIFEST)
    return files


def _read_error(error: Exception, name: str) -> PackError:
    if isinstance(error, EOFError) or "truncated" in str(error).lower():
        return refuse(PackFailure.TRUNCATED)
    return refuse(PackFailure.CORRUPT, name)


def _pack_info(archive: zipfile.ZipFile) -> PackInfo:
    try:
        with archive.open(PACK_INFO) as handle:
            raw = handle.read(MAX_PACK_INFO_BYTES + 1)
    except (
        zipfile.BadZipFile,
        EOFError,
        zlib.error,
        NotImplementedError,
        OSError,
        ValueError,
    ) as error:
        raise _read_error(error, PACK_INFO) from error
    if len(raw) > MAX_PACK_INFO_BYTES:
        raise refuse(PackFailure.BAD_PACK_INFO, "för stor")
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise refuse(PackFailure.BAD_PACK_INFO, "ingen giltig JSON") from error
    fields = ("id", "version", "content_hash")
    if (
        not isinstance(data, dict)
        or data.get("format") != PACK_FORMAT
        or not all(isinstance(data.get(key), str) for key in fields)
    ):
        raise refuse(PackFailure.BAD_PACK_INFO, "fält saknas eller okänt format")
    return PackInfo(data["id"], data["version"], data["content_hash"], 0, 0)


def _open_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> IO[bytes]:
    # Reading fails with an OSError too when a damaged header points outside the file: that
    # is the pack's fault, not the disk's, and is told as such.
    try:
        return archive.open(member)
    except OSError as error:
        raise _read_error(error, member.filename) from error


def _read_chunk(source: IO[bytes], member: zipfile.ZipInfo) -> bytes:
    try:
        return source.read(CHUNK)
    except OSError as error:
        raise _read_error(error, member.filename) from error


def _extract(
    archive: zipfile.ZipFile,
    member: zipfile.ZipInfo,
    target: Path,
    written: int,
    total: int,
    limits: PackLimits,
    progress: Progress | None,
    cancel: IsCancelled | None,
) -> tuple[str, int]:
    digest = hashlib.sha256()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # "xb": never write through something that already exists (a planted link, say).
        with _open_member(archive, member) as source, target.open("xb") as out:
            while chunk := _read_chunk(source, member):
                written += len(chunk)
                if written > limits.max_bytes:
                    raise refuse(PackFailure.TOO_LARGE, size_text(limits.max_bytes))
                if cancel is not None and cancel():
                    raise refuse(PackFailure.CANCELLED)
                digest.update(chunk)
                out.write(chunk)
                if progress is not None:
                    progress(share(written, total))
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, ValueError) as error:
        raise _read_error(error, member.filename) from error
    except OSError as error:
        if isinstance(error, FileExistsError):
            raise refuse(PackFailure.DUPLICATE, member.filename) from error
        raise refuse(PackFailure.WRITE_FAILED, error.strerror or error) from error
    return digest.hexdigest(), written


def unpack(
    pack: Path,
    destination: Path,
    *,
    limits: PackLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    cancel: IsCancelled | None = None,
) -> PackInfo:
    """Unpack into ``destination`` (an existing, empty folder) and verify the content hash."""
    with _open(pack) as archive:
        files = _check_members(archive, limits)
        info = _pack_info(archive)
        real_destination = destination.resolve()
        total = sum(member.file_size for member in files)
        written = 0
        hashes: list[tuple[str, str]] = []
        for member in files:
            target = destination.joinpath(*PurePosixPath(member.filename).parts)
            if not target.resolve().is_relative_to(real_destination):
                raise refuse(PackFailure.PARENT_PATH, member.filename)  # belt and braces
            file_hash, written = _extract(
                archive, member, target, written, total, limits, progress, cancel
            )
            if member.filename != PACK_INFO:
                hashes.append((member.filename, file_hash))
    if content_hash(hashes) != info.content_hash:
        raise refuse(PackFailure.HASH_MISMATCH)
    return PackInfo(info.module_id, info.version, info.content_hash, len(hashes), written)
