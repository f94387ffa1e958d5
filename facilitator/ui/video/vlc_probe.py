"""A media probe on libVLC, for machines without ffprobe (every leader's laptop): the film's
length for the library card and the validator's chapter and pause-point checks."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from facilitator.core.content.media_probe import MediaInfo, MediaProbeError
from facilitator.core.i18n import _
from facilitator.ui.video import vlc_log
from facilitator.ui.video.availability import DUMMY_OUTPUT_ARGS, LibVlcMissing, load_vlc

PARSE_TIMEOUT_MS = 10_000


class VlcMediaProbe:
    def __init__(self) -> None:
        self._instance: Any = None
        self._lock = threading.Lock()  # probes run on worker threads

    @classmethod
    def find(cls) -> VlcMediaProbe | None:
        probe = cls()
        try:
            probe._ensure()
        except MediaProbeError:
            return None
        return probe

    def _ensure(self) -> Any:
        if self._instance is None:
            try:
                vlc = load_vlc()
            except LibVlcMissing:
                raise MediaProbeError(_("VLC saknas, så filmens längd kan inte läsas.")) from None
            self._instance = vlc.Instance(["--quiet", *DUMMY_OUTPUT_ARGS])
            if self._instance is None:
                raise MediaProbeError(_("VLC kunde inte starta, så filmens längd kan inte läsas."))
            vlc_log.route(self._instance)
        return self._instance

    def probe(self, path: Path) -> MediaInfo:
        vlc = load_vlc()

        with self._lock:
            instance = self._ensure()
            media = instance.media_new_path(str(path))
            try:
                done = threading.Event()
                media.event_manager().event_attach(
                    vlc.EventType.MediaParsedChanged, lambda _e: done.set()
                )
                media.parse_with_options(vlc.MediaParseFlag.local, PARSE_TIMEOUT_MS)
                done.wait(PARSE_TIMEOUT_MS / 1000 + 1)
                status = media.get_parsed_status()
                duration = media.get_duration()
                if status != vlc.MediaParsedStatus.done or duration <= 0:
                    raise MediaProbeError(
                        _("Filen {name} går inte att läsa som film.").format(name=path.name)
                    )
                video, audio = _codecs(vlc, media)
                return MediaInfo(duration / 1000.0, video, audio)
            finally:
                media.release()


def _fourcc(value: int) -> str:
    return value.to_bytes(4, "little").decode("ascii", "replace").strip().lower()


def _codecs(vlc: Any, media: Any) -> tuple[str | None, str | None]:
    video = audio = None
    for track in media.tracks_get() or ():
        if track.type == vlc.TrackType.video and video is None:
            video = _fourcc(track.codec)
        elif track.type == vlc.TrackType.audio and audio is None:
            audio = _fourcc(track.codec)
    return video, audio
