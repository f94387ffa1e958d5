"""What the session needs from a film player, and the pure logic of a film step: which part of
the film to play, where to stop and ask a question. Nothing here knows how a film is decoded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from facilitator.core.content.manifest import FilmStep, Manifest, PausePoint
from facilitator.core.films.subtitles import Chapter, SubtitleError, read_chapters


class PlayerState(StrEnum):
    IDLE = "idle"
    OPENING = "opening"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    FAILED = "failed"


@dataclass(frozen=True)
class SubtitleFile:
    language: str
    path: Path


@dataclass(frozen=True)
class PlayerEvents:
    """Where a player reports, always on the thread that drives it (the GUI thread)."""

    on_time: Callable[[float], None]
    on_state: Callable[[PlayerState], None]
    on_ended: Callable[[], None]
    on_failed: Callable[[str], None]


class Player(Protocol):
    """A film player: what the film runner needs, nothing about how a film is decoded.
    ``facilitator.ui.video.vlc_player.VlcPlayer`` is the real one."""

    @property
    def state(self) -> PlayerState: ...
    def ensure(self) -> None:
        """Make ready to play; raises ``PlayerUnavailable`` with a message for the leader."""
        ...

    def listen(self, events: PlayerEvents) -> None: ...
    def attach(self, surface: Any) -> None:
        """Draw into ``surface`` (a widget with its own native window)."""
        ...

    def load(
        self, film: Path, subtitles: Sequence[SubtitleFile], start: float, stop: float | None
    ) -> None: ...
    def play(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def toggle(self) -> None: ...
    def seek(self, seconds: float) -> None: ...
    def position(self) -> float: ...
    def duration(self) -> float | None: ...
    def set_subtitles(self, language: str | None) -> None: ...
    def set_volume(self, percent: int) -> None: ...
    def stop(self) -> None: ...
    def release(self) -> None: ...


class PlayerUnavailable(RuntimeError):
    """No film can be played here (no libVLC, a broken install); the message says so."""


@dataclass(frozen=True)
class FilmProgram:
    """One film step's plan: the file, the span to play, the questions on the way."""

    film: Path
    subtitles: tuple[SubtitleFile, ...]
    chapters: tuple[Chapter, ...]
    start: float
    stop: float | None
    pause_points: tuple[PausePoint, ...]
    question_after: str | None


@dataclass
class PausePointTracker:
    """Says once per pause point when playback has reached it; seeking back re-arms the
    points after the new position so a replayed part asks its question again."""

    points: Sequence[PausePoint]
    fired: set[int] = field(default_factory=set)

    def reached(self, position: float) -> PausePoint | None:
        for index, point in enumerate(self.points):
            if index not in self.fired and position >= point.at:
                self.fired.add(index)
                return point
        return None

    def rewound_to(self, position: float) -> None:
        self.fired = {i for i in self.fired if self.points[i].at < position}


def film_program(manifest: Manifest, step: FilmStep, folder: Path) -> FilmProgram:
    """Resolve a film step against its module folder. Raises FileNotFoundError when the film
    is missing so the caller can explain it; a broken chapters file only loses chapters."""
    if manifest.film is None:
        raise FileNotFoundError("the module declares no film")
    film = folder / manifest.film.file
    if not film.is_file():
        raise FileNotFoundError(str(film))
    chapters: tuple[Chapter, ...] = ()
    if manifest.film.chapters:
        try:
            chapters = tuple(read_chapters(folder / manifest.film.chapters))
        except (OSError, SubtitleError):
            chapters = ()
    by_id = {chapter.id: chapter for chapter in chapters}
    start = by_id[step.chapter_from].start if step.chapter_from in by_id else 0.0
    stop = by_id[step.chapter_to].end if step.chapter_to in by_id else None
    subtitles = tuple(
        SubtitleFile(track.language, folder / track.file)
        for track in manifest.film.subtitles
        if (folder / track.file).is_file()
    )
    points = tuple(sorted(step.pause_points, key=lambda p: p.at))
    return FilmProgram(film, subtitles, chapters, start, stop, points, step.question_after)
