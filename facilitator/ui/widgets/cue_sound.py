"""The soft end-of-step chime, played through libVLC (QtMultimedia is not part of the
PySide6 package we ship). Without VLC it falls back to the system beep."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from facilitator.ui.video import vlc_log
from facilitator.ui.video.availability import DUMMY_OUTPUT_ARGS, load_vlc

log = logging.getLogger(__name__)


class CueSound:
    def __init__(self, wav: Path, enabled: bool = True, audible: bool = True) -> None:
        self._wav = wav
        self.enabled = enabled
        self._audible = audible
        self._player: Any = None
        self.played = 0

    def enable(self, enabled: bool) -> None:
        self.enabled = enabled

    def play(self) -> None:
        if not self.enabled:
            return
        self.played += 1
        try:
            player = self._ensure_player()
        except Exception:  # VLC missing or broken: the visual cue still shows
            log.info("No VLC for the cue sound; using the system beep", exc_info=True)
            QApplication.beep()
            return
        player.stop()
        player.play()

    def _ensure_player(self) -> Any:
        if self._player is None:
            vlc = load_vlc()
            args = ["--quiet", "--intf=dummy", "--vout=dummy"]
            if not self._audible:
                args = ["--quiet", *DUMMY_OUTPUT_ARGS]
            instance = vlc.Instance(args)
            if instance is None:
                raise RuntimeError("libVLC could not start")
            vlc_log.route(instance)
            self._player = instance.media_player_new()
            self._player.set_media(instance.media_new_path(str(self._wav)))
        return self._player

    def release(self) -> None:
        if self._player is not None:
            self._player.stop()
            self._player.release()
            self._player = None
