"""A film player that records what it was asked to do, for the tests where libVLC is not
the subject (the session's film logic). It implements the core's ``Player`` port; the
test moves time and ends the film by calling ``tick`` and ``end``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from facilitator.core.films.playback import PlayerEvents, PlayerState, SubtitleFile


class RecordingPlayer:
    def __init__(self, duration: float = 200.0) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.state = PlayerState.IDLE
        self._events: PlayerEvents | None = None
        self._position = 0.0
        self._duration = duration

    def ensure(self) -> None:
        self.calls.append(("ensure",))

    def listen(self, events: PlayerEvents) -> None:
        self._events = events

    def attach(self, surface: Any) -> None:
        self.calls.append(("attach",))

    def load(
        self, film: Path, subtitles: Sequence[SubtitleFile], start: float, stop: float | None
    ) -> None:
        self.calls.append(("load", film.name, start))
        self._position = start

    def _set(self, state: PlayerState) -> None:
        self.state = state
        if self._events is not None:
            self._events.on_state(state)

    def play(self) -> None:
        self.calls.append(("play",))
        self._set(PlayerState.PLAYING)

    def pause(self) -> None:
        self.calls.append(("pause",))
        self._set(PlayerState.PAUSED)

    def resume(self) -> None:
        self.calls.append(("resume",))
        self._set(PlayerState.PLAYING)

    def toggle(self) -> None:
        self.pause() if self.state == PlayerState.PLAYING else self.resume()

    def seek(self, seconds: float) -> None:
        self.calls.append(("seek", seconds))
        self._position = seconds

    def position(self) -> float:
        return self._position

    def duration(self) -> float | None:
        return self._duration

    def set_subtitles(self, language: str | None) -> None:
        self.calls.append(("subtitles", language))

    def set_volume(self, percent: int) -> None:
        self.calls.append(("volume", percent))

    def stop(self) -> None:
        self.calls.append(("stop",))
        self.state = PlayerState.IDLE

    def release(self) -> None:
        self.calls.append(("release",))

    # --- the test's hand on the film -------------------------------------------------------

    def tick(self, seconds: float) -> None:
        """The film reached ``seconds`` (as libVLC's time event says)."""
        self._position = seconds
        assert self._events is not None
        self._events.on_time(seconds)

    def end(self) -> None:
        self._set(PlayerState.ENDED)
        assert self._events is not None
        self._events.on_ended()
