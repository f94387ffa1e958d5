"""The film player on libVLC. libVLC calls back on its own threads and is not re-entrant: each
callback only emits a Qt signal (delivered queued on the GUI thread, where this object lives)
and never calls libVLC itself."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from facilitator.core.films.playback import (
    PlayerEvents,
    PlayerState,
    PlayerUnavailable,
    SubtitleFile,
)
from facilitator.core.i18n import _
from facilitator.ui.video import vlc_log
from facilitator.ui.video.availability import LibVlcMissing, install_hint, load_vlc

log = logging.getLogger(__name__)

SUBTITLE_SCALE = {"normal": 100, "large": 140, "extra_large": 180}


class VlcUnavailableError(PlayerUnavailable):
    """libVLC cannot be used here; the message says why and how to fix it, in Swedish."""


class VlcPlayer(QObject):
    state_changed = Signal(str)
    time_changed = Signal(float)
    ended = Signal()
    failed = Signal(str)
    # Raw events from libVLC's threads; interpreted on the GUI thread.
    _vlc_ended = Signal()
    _vlc_error = Signal()

    def __init__(
        self,
        *,
        video_output: str | None = None,
        audio_output: str | None = None,
        subtitle_size: str = "normal",
        start_timeout_ms: int = 5000,
        rate: float = 1.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        # Some broken files leave libVLC "opening" for ever; the room should not wait.
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(start_timeout_ms)
        self._watchdog.timeout.connect(self._start_timed_out)
        self._started = False
        self._args = [
            "--quiet",
            "--intf=dummy",
            "--no-sub-autodetect-file",
            "--no-video-title-show",
            "--avcodec-threads=2",
            "--file-caching=300",
        ]
        self._args.append(f"--sub-text-scale={SUBTITLE_SCALE.get(subtitle_size, 100)}")
        if video_output:
            self._args.append(f"--vout={video_output}")
        if audio_output:
            self._args.append(f"--aout={audio_output}")
        if rate != 1.0:
            # Faster than real time: the pre-session check decodes a film's first seconds
            # with nothing to show or hear, so it need not wait for the clock.
            self._args.append(f"--rate={rate:g}")
        self._vlc: Any = None
        self._instance: Any = None
        self._player: Any = None
        self._window: int | None = None
        # With no real video output there is no window to draw into; binding one anyway makes
        # libVLC pick a text-mode output that takes the process down.
        self._embeds = video_output != "dummy"
        self._stop_at: float | None = None
        self._subtitles: tuple[SubtitleFile, ...] = ()
        self._subtitle_language: str | None = None
        # libVLC lists a film's subtitle tracks only once it plays: a choice made before that
        # (at load, or by the runner right after) is applied when the tracks appear.
        self._subtitles_pending = False
        self.state = PlayerState.IDLE
        self.state_changed.connect(self._remember_state)
        self.time_changed.connect(self._check_stop)
        self.time_changed.connect(self._apply_pending_subtitles)
        self._vlc_ended.connect(self._interpret_end)
        self._vlc_error.connect(lambda: self._fail(_("Filmen gick inte att spela.")))

    # --- set-up ------------------------------------------------------------------------------

    def ensure(self) -> None:
        """Start libVLC on first use. Raises VlcUnavailableError with a plain message."""
        if self._player is not None:
            return
        try:
            vlc = load_vlc()
        except LibVlcMissing:
            raise VlcUnavailableError(
                _("VLC hittades inte på datorn.") + " " + install_hint()
            ) from None
        instance = vlc.Instance(self._args)
        if instance is None:
            raise VlcUnavailableError(_("VLC kunde inte starta.") + " " + install_hint())
        vlc_log.route(instance)
        self._vlc, self._instance = vlc, instance
        self._player = instance.media_player_new()
        events = self._player.event_manager()
        kinds = vlc.EventType
        events.event_attach(
            kinds.MediaPlayerPlaying, lambda _e: self.state_changed.emit(PlayerState.PLAYING)
        )
        events.event_attach(
            kinds.MediaPlayerPaused, lambda _e: self.state_changed.emit(PlayerState.PAUSED)
        )
        events.event_attach(
            kinds.MediaPlayerOpening, lambda _e: self.state_changed.emit(PlayerState.OPENING)
        )
        events.event_attach(kinds.MediaPlayerEndReached, self._on_end)
        events.event_attach(kinds.MediaPlayerEncounteredError, self._on_error)
        events.event_attach(kinds.MediaPlayerTimeChanged, self._on_time)
        if self._window is not None:
            self._bind_window(self._window)

    def listen(self, events: PlayerEvents) -> None:
        """The Player port's events, from this object's queued signals (GUI thread)."""
        self.time_changed.connect(events.on_time)
        self.state_changed.connect(lambda state: events.on_state(PlayerState(state)))
        self.ended.connect(events.on_ended)
        self.failed.connect(events.on_failed)

    def attach(self, surface: QWidget) -> None:
        """Render into this widget's own native window."""
        self._window = int(surface.winId())
        if self._player is not None:
            self._bind_window(self._window)

    def _bind_window(self, handle: int) -> None:
        if not self._embeds:
            return
        if sys.platform.startswith("win"):
            self._player.set_hwnd(handle)
        elif sys.platform == "darwin":
            self._player.set_nsobject(handle)
        else:
            self._player.set_xwindow(handle)

    # --- libVLC's threads: emit only ---------------------------------------------------------

    def _on_end(self, _event: Any) -> None:
        self._vlc_ended.emit()

    def _on_error(self, _event: Any) -> None:
        self._vlc_error.emit()

    def _on_time(self, event: Any) -> None:
        self.time_changed.emit(event.u.new_time / 1000.0)

    # --- the GUI thread ----------------------------------------------------------------------

    def _remember_state(self, state: str) -> None:
        self.state = PlayerState(state)

    def _interpret_end(self) -> None:
        self._watchdog.stop()
        if not self._started:
            # "Ended" before a single second played: the file holds no playable film.
            self._fail(_("Filmen gick inte att spela."))
            return
        self.state = PlayerState.ENDED
        self.state_changed.emit(PlayerState.ENDED)
        self.ended.emit()

    def _start_timed_out(self) -> None:
        if not self._started and self.state not in (PlayerState.FAILED, PlayerState.ENDED):
            self._fail(_("Filmen startar inte."))

    def _fail(self, what: str) -> None:
        self._watchdog.stop()
        if self.state == PlayerState.FAILED:
            return
        if self._player is not None:
            self._player.stop()
        self.state = PlayerState.FAILED
        self.state_changed.emit(PlayerState.FAILED)
        self.failed.emit(
            what + " " + _("Filen kan vara skadad eller i ett format som VLC inte kan läsa.")
        )

    def _check_stop(self, seconds: float) -> None:
        if seconds > 0:
            self._started = True
        # A chapter range ends here: pause and report the end as the film's end.
        if (
            self._stop_at is not None
            and seconds >= self._stop_at
            and self.state == PlayerState.PLAYING
        ):
            self._stop_at = None
            self._player.set_pause(1)
            self.state_changed.emit(PlayerState.ENDED)
            self.ended.emit()

    def load(
        self,
        film: Path,
        subtitles: Sequence[SubtitleFile],
        start: float = 0.0,
        stop: float | None = None,
    ) -> None:
        self.ensure()
        media = self._instance.media_new_path(str(film))
        if start > 0:
            media.add_option(f":start-time={start:.3f}")
        self._stop_at = stop
        self._player.set_media(media)
        media.release()
        self._subtitles = tuple(subtitles)
        for index, track in enumerate(self._subtitles):
            self._player.add_slave(
                self._vlc.MediaSlaveType.subtitle, track.path.resolve().as_uri(), index == 0
            )
        self._subtitle_language = self._subtitles[0].language if self._subtitles else None
        self._subtitles_pending = bool(self._subtitles)

    def play(self) -> None:
        self.ensure()
        self._started = False
        self._watchdog.start()
        self._player.play()

    # pause/resume record the commanded state at once: libVLC confirms it later on its own
    # thread, and a key pressed in between must already see the new state.
    def pause(self) -> None:
        if self._player is not None:
            self._player.set_pause(1)
            self.state = PlayerState.PAUSED

    def resume(self) -> None:
        if self._player is not None:
            self._player.set_pause(0)
            self.state = PlayerState.PLAYING

    def toggle(self) -> None:
        if self.state == PlayerState.PLAYING:
            self.pause()
        elif self.state in (PlayerState.PAUSED, PlayerState.OPENING):
            self.resume()
        else:
            self.play()

    def seek(self, seconds: float) -> None:
        if self._player is not None:
            self._player.set_time(max(0, int(seconds * 1000)))

    def position(self) -> float:
        if self._player is None:
            return 0.0
        return max(0.0, float(self._player.get_time()) / 1000.0)

    def duration(self) -> float | None:
        if self._player is None:
            return None
        length = self._player.get_length()
        return length / 1000.0 if length and length > 0 else None

    def subtitle_language(self) -> str | None:
        return self._subtitle_language

    def set_subtitles(self, language: str | None) -> None:
        """None turns subtitles off; a language picks that track (off when the film has no
        such track). Before the film plays, the choice waits for libVLC's tracks."""
        languages = [s.language for s in self._subtitles]
        self._subtitle_language = language if language in languages else None
        self._subtitles_pending = True
        self._apply_pending_subtitles()

    def _apply_pending_subtitles(self, _seconds: float = 0.0) -> None:
        if not self._subtitles_pending or self._player is None:
            return
        tracks = self.subtitle_track_ids()
        if not tracks:
            return  # not listed yet; the next time event tries again
        self._subtitles_pending = False
        if self._subtitle_language is None:
            self._player.video_set_spu(-1)
            return
        # The film's tracks are listed in the order they were added at load: the module's.
        index = [s.language for s in self._subtitles].index(self._subtitle_language)
        self._player.video_set_spu(tracks[min(index, len(tracks) - 1)])

    def subtitle_track_ids(self) -> list[int]:
        """libVLC's ids of the film's subtitle tracks, in the order they were added."""
        if self._player is None:
            return []
        return [t[0] for t in (self._player.video_get_spu_description() or []) if t[0] >= 0]

    def shown_subtitle_track(self) -> int:
        """The track libVLC shows now (-1: none), as libVLC itself reports it."""
        return int(self._player.video_get_spu()) if self._player is not None else -1

    def subtitle_track_count(self) -> int:
        return len(self.subtitle_track_ids())

    def set_volume(self, percent: int) -> None:
        if self._player is not None:
            self._player.audio_set_volume(max(0, min(100, percent)))

    def stop(self) -> None:
        self._watchdog.stop()
        if self._player is not None:
            self._player.stop()
            self.state = PlayerState.IDLE

    def release(self) -> None:
        self._watchdog.stop()
        if self._player is not None:
            self._player.stop()
            self._player.release()
            self._instance.release()
            self._player = self._instance = None
