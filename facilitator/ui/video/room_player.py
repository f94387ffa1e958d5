"""The player a session's films play in: libVLC with the leader's subtitle size, and no output
at all where there is no real display (offscreen tests, CI)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from facilitator.core.films.playback import Player
from facilitator.ui.video.vlc_player import VlcPlayer


def make_room_player(qapp: QApplication, subtitle_size: str) -> Player:
    headless = qapp.platformName() in ("offscreen", "minimal")
    return VlcPlayer(
        video_output="dummy" if headless else None,
        audio_output="dummy" if headless else None,
        subtitle_size=subtitle_size,
    )
