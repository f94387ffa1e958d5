"""A small JSON file remembering what each module's card showed, keyed by file stamps.

Opening the library must not parse 200 manifests or probe 200 films. A module's card is reused
while its `module.toml` has the same (mtime, size); a full validation result (with the film's
length) is reused while every file it looked at is unchanged. Losing the file costs only time.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from facilitator import __version__

log = logging.getLogger(__name__)

# Bump when what is stored, or what validation reports, changes meaning.
CACHE_FORMAT = 1

Stamp = list[int]


def stamp(path: Path) -> Stamp | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_size]


class CardCache:
    def __init__(self, file: Path | None) -> None:
        self._file = file
        self._records: dict[str, dict[str, Any]] = {}
        self._dirty = False
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        if self._file is None:
            return
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if (
            isinstance(data, dict)
            and data.get("format") == CACHE_FORMAT
            and data.get("app") == __version__
            and isinstance(data.get("modules"), dict)
        ):
            self._records = data["modules"]

    def get(self, folder: Path, manifest_stamp: Stamp) -> dict[str, Any] | None:
        if not self._loaded:
            self._load()
        record = self._records.get(str(folder))
        if isinstance(record, dict) and record.get("stamp") == manifest_stamp:
            return record
        return None

    def put(self, folder: Path, record: dict[str, Any]) -> None:
        if not self._loaded:
            self._load()
        self._records[str(folder)] = record
        self._dirty = True

    def forget_missing(self, present: set[str]) -> None:
        for key in [key for key in self._records if key not in present]:
            del self._records[key]
            self._dirty = True

    def save(self) -> None:
        if self._file is None or not self._dirty:
            return
        payload = {"format": CACHE_FORMAT, "app": __version__, "modules": self._records}
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=".catalog-", dir=self._file.parent)
        except OSError:
            log.warning("could not write the catalog cache %s", self._file, exc_info=True)
            return
        temp = Path(name)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False, separators=(",", ":"))
            temp.replace(self._file)
            self._dirty = False
        except OSError:
            # A read-only USB stick or a full disk: the library works, it just opens slower.
            log.warning("could not write the catalog cache %s", self._file, exc_info=True)
            temp.unlink(missing_ok=True)
