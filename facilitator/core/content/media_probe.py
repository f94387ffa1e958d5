"""How long a film is, read from the file itself.

The core may not load libVLC, so it asks through `MediaProbe`; the app can pass in a probe
built on its player, and `default_probe()` uses ffprobe when it is installed. Without any probe
the validator says it could not check times against the film instead of guessing.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from facilitator.core.i18n import _


class MediaProbeError(Exception):
    """The file could not be read as a film; ``str(error)`` is a Swedish sentence."""


@dataclass(frozen=True)
class MediaInfo:
    duration: float
    """Seconds."""
    video_codec: str | None = None
    audio_codec: str | None = None


@runtime_checkable
class MediaProbe(Protocol):
    def probe(self, path: Path) -> MediaInfo:
        """Raise `MediaProbeError` when the file is not a playable film."""
        ...


class FfprobeProbe:
    def __init__(self, executable: str, timeout: float = 30.0) -> None:
        self._executable = executable
        self._timeout = timeout

    @classmethod
    def find(cls) -> FfprobeProbe | None:
        executable = shutil.which("ffprobe")
        return cls(executable) if executable else None

    def probe(self, path: Path) -> MediaInfo:
        command = [
            self._executable,
            "-v",
            "error",
            "-show_entries",
            "format=duration:stream=codec_type,codec_name",
            "-of",
            "json",
            str(path),
        ]
        # No console window flashing up on Windows for every film in the library.
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if sys.platform == "win32" else 0
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                timeout=self._timeout,
                check=False,
                creationflags=flags,
            )
        except subprocess.TimeoutExpired as error:
            raise MediaProbeError(_("filen tog för lång tid att läsa")) from error
        except OSError as error:
            message = _("ffprobe kunde inte startas ({reason})").format(reason=error)
            raise MediaProbeError(message) from error
        if result.returncode != 0:
            raise MediaProbeError(_("filen går inte att läsa som film"))
        return _parse(result.stdout)


def _parse(output: bytes) -> MediaInfo:
    try:
        data = json.loads(output.decode("utf-8", "replace"))
        duration = float(data["format"]["duration"])
    except (ValueError, KeyError, TypeError) as error:
        raise MediaProbeError(_("filmens längd går inte att läsa")) from error
    if not math.isfinite(duration) or duration <= 0:
        raise MediaProbeError(_("filmens längd går inte att läsa"))
    video = audio = None
    for stream in data.get("streams", []):
        if not isinstance(stream, dict):
            continue
        if stream.get("codec_type") == "video" and video is None:
            video = str(stream.get("codec_name", ""))
        elif stream.get("codec_type") == "audio" and audio is None:
            audio = str(stream.get("codec_name", ""))
    return MediaInfo(duration, video, audio)


def default_probe() -> MediaProbe | None:
    return FfprobeProbe.find()
