"""The `.fmod` pack: a zip of a module folder with `pack.json` (id, version, content hash).

Shared by packing and importing so that a pack `pack` makes is always one `import` accepts.
The content hash is sha256 over the lines ``<path>\\0<sha256 of the file>\\n`` (UTF-8, paths
with "/" and sorted), for every file except the root `pack.json`; it does not depend on zip
details, so a pack re-zipped by another tool still verifies.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from facilitator import __version__
from facilitator.core.content.problems import Problem

PACK_SUFFIX = ".fmod"
PACK_INFO = "pack.json"
PACK_FORMAT = 1
HASH_PREFIX = "sha256:"
CHUNK = 1 << 20
MAX_PACK_INFO_BYTES = 64 * 1024


@dataclass(frozen=True)
class PackLimits:
    max_files: int = 2000
    max_bytes: int = 1 << 30
    """Unpacked size, counted in bytes actually written (1 GiB: a film of good quality)."""
    max_path_length: int = 200
    """Windows' classic limit is 260 for the whole path; leave room for the data folder."""


DEFAULT_LIMITS = PackLimits()


class PackFailure(StrEnum):
    NOT_FOUND = "not_found"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"
    NOT_A_ZIP = "not_a_zip"
    TRUNCATED = "truncated"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    ABSOLUTE_PATH = "absolute_path"
    PARENT_PATH = "parent_path"
    UNSAFE_NAME = "unsafe_name"
    LINK = "link"
    SPECIAL_FILE = "special_file"
    DUPLICATE = "duplicate"
    TOO_MANY_FILES = "too_many_files"
    TOO_LARGE = "too_large"
    NO_PACK_INFO = "no_pack_info"
    BAD_PACK_INFO = "bad_pack_info"
    NO_MANIFEST = "no_manifest"
    ID_MISMATCH = "id_mismatch"
    VERSION_MISMATCH = "version_mismatch"
    HASH_MISMATCH = "hash_mismatch"
    INVALID_MODULE = "invalid_module"
    CANCELLED = "cancelled"
    WRITE_FAILED = "write_failed"


class PackError(Exception):
    """A pack that was refused, or packing/importing that stopped. ``message`` is a complete
    Swedish sentence for the person; ``problems`` lists what is wrong with an invalid module."""

    def __init__(
        self, failure: PackFailure, message: str, problems: Iterable[Problem] = ()
    ) -> None:
        super().__init__(message)
        self.failure = failure
        self.message = message
        self.problems = tuple(problems)


@dataclass(frozen=True)
class PackInfo:
    module_id: str
    version: str
    content_hash: str
    files: int
    bytes: int

    def to_json(self) -> dict[str, object]:
        return {
            "format": PACK_FORMAT,
            "id": self.module_id,
            "version": self.version,
            "content_hash": self.content_hash,
            "files": self.files,
            "bytes": self.bytes,
            "made_with": f"Facilitator {__version__}",
        }


def content_hash(file_hashes: Iterable[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for path, file_hash in sorted(file_hashes):
        digest.update(f"{path}\0{file_hash}\n".encode())
    return HASH_PREFIX + digest.hexdigest()


_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_FORBIDDEN_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


def name_failure(name: str, limits: PackLimits) -> PackFailure | None:
    """Why a path inside a pack is not acceptable, or None. Directory entries end with "/"."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return PackFailure.ABSOLUTE_PATH
    parts = re.split(r"[/\\]", name.removesuffix("/"))
    if ".." in parts:
        return PackFailure.PARENT_PATH
    if "\\" in name or len(name) > limits.max_path_length:
        return PackFailure.UNSAFE_NAME
    for part in parts:
        if part in ("", ".") or part != part.rstrip(" .") or _FORBIDDEN_CHARS.search(part):
            return PackFailure.UNSAFE_NAME
        if _WINDOWS_RESERVED.match(part):
            return PackFailure.UNSAFE_NAME
    return None
