"""What the check read from each film file (its length and codecs), remembered between checks.

The pre-session check validates every module, and the validator asks a `MediaProbe` for each
film's length (libVLC parses the file's headers). `CachedProbe` answers from a small JSON file
in the data folder's cache instead, while the film file is unchanged. The trial playback is not
cached: it is what the check is for (this computer's VLC decodes this film now), and it runs on
every check.

A file counts as unchanged while its size, modification time, status-change time and inode are
what they were: one `stat`, no reading. A content hash is not kept: hashing a film reads all of
it (a second per gigabyte here), far more than the libVLC parse it would save, and a copy that
restores the modification time (unzip, ``cp -p``) still gets a new status-change time and
usually a new inode. Everything is forgotten when the app, the checker or the probe (VLC's
version, or ffprobe) changes; a file that cannot be read back is treated as empty.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
from pathlib import Path
from typing import Any

from facilitator import __version__
from facilitator.core.content.media_probe import MediaInfo, MediaProbe
from facilitator.core.paths import AppPaths

log = logging.getLogger(__name__)

CACHE_FORMAT = 1
CHECKER_VERSION = 1
"""Bump when what the check takes from a film, or how it reads it, changes meaning."""

FileKey = list[int]


def film_cache_file(paths: AppPaths) -> Path:
    return paths.data_dir / "cache" / "precheck-films.json"


def file_key(path: Path) -> FileKey | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _info(record: Any) -> MediaInfo | None:
    """A stored answer, or None when the record is not one this version wrote."""
    if not isinstance(record, dict):
        return None
    duration, video, audio = record.get("duration"), record.get("video"), record.get("audio")
    if not isinstance(duration, float | int) or isinstance(duration, bool):
        return None
    if not math.isfinite(duration) or duration <= 0:
        return None
    if not all(codec is None or isinstance(codec, str) for codec in (video, audio)):
        return None
    return MediaInfo(float(duration), video, audio)


class FilmCache:
    """``prober`` names what reads the films ("libvlc 3.0.24"): another one starts afresh."""

    def __init__(self, file: Path | None, prober: str) -> None:
        self._file = file
        self._stamp = {
            "format": CACHE_FORMAT,
            "app": __version__,
            "checker": CHECKER_VERSION,
            "prober": prober,
        }
        self._records: dict[str, Any] = self._load()
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._file is None:
            return {}
        try:
            data = json.loads(self._file.read_bytes().decode("utf-8"))
        except (OSError, ValueError):
            return {}  # none yet, or garbled: it only costs the probes once more
        if not isinstance(data, dict) or not isinstance(data.get("films"), dict):
            return {}
        if any(data.get(name) != value for name, value in self._stamp.items()):
            return {}
        films: dict[str, Any] = data["films"]
        return films

    def get(self, path: Path, key: FileKey) -> MediaInfo | None:
        record = self._records.get(str(path))
        if not isinstance(record, dict) or record.get("key") != key:
            return None
        return _info(record)

    def put(self, path: Path, key: FileKey, info: MediaInfo) -> None:
        record = {
            "key": key,
            "duration": info.duration,
            "video": info.video_codec,
            "audio": info.audio_codec,
        }
        if self._records.get(str(path)) != record:
            self._records[str(path)] = record
            self._dirty = True

    def save(self) -> None:
        """Owner-only, replaced whole (a check cut short leaves the old file or the new)."""
        if self._file is None or not self._dirty:
            return
        folder = self._file.parent
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, name = tempfile.mkstemp(prefix=".precheck-films-", dir=folder)
        except OSError:
            log.warning("could not write the check's film cache in %s", folder, exc_info=True)
            return
        temp = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({**self._stamp, "films": self._records}, out, separators=(",", ":"))
            temp.replace(self._file)
            self._dirty = False
        except OSError:
            # A read-only USB stick or a full disk: the check works, the next one is no faster.
            log.warning("could not write the check's film cache %s", self._file, exc_info=True)
            temp.unlink(missing_ok=True)


class CachedProbe:
    """A `MediaProbe` that asks ``probe`` only about films it has not read in this state.
    A film the probe cannot read is asked again next time (the check's playback says why)."""

    def __init__(self, probe: MediaProbe, cache: FilmCache) -> None:
        self._probe = probe
        self._cache = cache
        self.asked = 0
        """How many films the inner probe read (a test sees the cache work)."""

    def probe(self, path: Path) -> MediaInfo:
        key = file_key(path)
        if key is not None and (known := self._cache.get(path, key)) is not None:
            return known
        self.asked += 1
        info = self._probe.probe(path)
        if key is not None and file_key(path) == key:  # not changed while it was read
            self._cache.put(path, key, info)
        return info

    def save(self) -> None:
        self._cache.save()
