"""Plays a film step: loads its programme into the player, stops at pause points to show a
question, and reports the end or a problem. The session service decides what the room sees.

Each film step remembers where it was left, so going back to it continues there (the console's
"Kapitlet från början" is one key away) instead of starting the film again from 0:00.

Subtitles: a film starts with the settings' language (or the film's first track); once the
leader picks a track (the film bar's list, or S: off, then each language), that choice holds
for the rest of the session's films that have it."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from facilitator.core.films.playback import (
    FilmProgram,
    PausePointTracker,
    Player,
    PlayerEvents,
    PlayerState,
    PlayerUnavailable,
)
from facilitator.core.films.subtitle_choice import (
    SubtitleState,
    language_name,
    next_language,
    starting_language,
)
from facilitator.core.films.subtitles import Chapter
from facilitator.core.i18n import _
from facilitator.core.settings import SUBTITLES_FIRST
from facilitator.malloc_arenas import release_freed_memory

log = logging.getLogger(__name__)

SKIP_SECONDS = 10.0
# Closer than this to the end, a film left is a film seen: going back starts it again.
SEEN_MARGIN = 2.0


def clock(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class FilmRunner(QObject):
    question = Signal(str)
    playing = Signal()
    finished = Signal()
    problem = Signal(str)
    position_text = Signal(str)
    subtitles_changed = Signal(SubtitleState)

    def __init__(
        self,
        make_player: Callable[[], Player],
        parent: QObject | None = None,
        subtitle_preference: Callable[[], str] = lambda: SUBTITLES_FIRST,
    ) -> None:
        """``subtitle_preference`` reads the settings' default subtitle language when a film
        starts, so a change in the settings counts from the next film on."""
        super().__init__(parent)
        self._make_player = make_player
        self._subtitle_preference = subtitle_preference
        self._player: Player | None = None
        self._program: FilmProgram | None = None
        self._step: str | None = None
        self._left_at: dict[str, float] = {}
        self._tracker = PausePointTracker(())
        self._subtitles = SubtitleState()
        # The leader's own pick in this session (None: off); unset until they pick.
        self._picked: str | None = None
        self._has_picked = False

    @property
    def active(self) -> bool:
        return self._program is not None and self._player is not None

    @property
    def running(self) -> bool:
        """A film is on and not yet at its end: there is something to play or pause."""
        return self.active and self._player is not None and self._player.state != PlayerState.ENDED

    @property
    def player(self) -> Player | None:
        return self._player

    def enter(self, step_key: str, program: FilmProgram, surface: QWidget) -> None:
        self.leave()
        resume_at = self._left_at.get(step_key)
        try:
            player = self._ensure_player()
            player.attach(surface)
            start = resume_at if resume_at is not None else program.start
            player.load(program.film, program.subtitles, start, program.stop)
        except PlayerUnavailable as error:
            self.problem.emit(str(error))
            return
        self._program = program
        self._step = step_key
        self._tracker = PausePointTracker(program.pause_points)
        if resume_at is not None:
            # The questions before this point were asked already.
            self._tracker.fired = {
                i for i, point in enumerate(program.pause_points) if point.at < resume_at
            }
        languages = tuple(track.language for track in program.subtitles)
        self._show_subtitles(SubtitleState(languages, self._starting_subtitles(languages)))
        player.play()

    def leave(self) -> None:
        if self._player is not None and self._program is not None:
            if self._step is not None:
                self._remember_position(self._player, self._program, self._step)
            self._player.stop()
            release_freed_memory()  # what the decoders freed (malloc_arenas.py)
        self._program = None
        self._step = None

    def _remember_position(self, player: Player, program: FilmProgram, step: str) -> None:
        at = player.position()
        end = program.stop if program.stop is not None else player.duration()
        seen = player.state == PlayerState.ENDED or (end is not None and at >= end - SEEN_MARGIN)
        if seen or at <= program.start + 1.0:
            self._left_at.pop(step, None)
        else:
            self._left_at[step] = at

    def release(self) -> None:
        self.leave()
        if self._player is not None:
            self._player.release()
            self._player = None

    def _ensure_player(self) -> Player:
        if self._player is None:
            player = self._make_player()
            player.ensure()
            player.listen(
                PlayerEvents(
                    on_time=self._on_time,
                    on_state=self._on_state,
                    on_ended=self._on_ended,
                    on_failed=self._on_failed,
                )
            )
            self._player = player
        return self._player

    # --- controls --------------------------------------------------------------------------

    def toggle(self) -> None:
        if self.active and self._player is not None:
            if self._player.state == PlayerState.ENDED:
                return
            self._player.toggle()

    def resume(self) -> None:
        """After a pause question: play on."""
        if self.active and self._player is not None and self._player.state != PlayerState.ENDED:
            self._player.resume()

    def skip(self, seconds: float) -> None:
        if self.active and self._player is not None and self._program is not None:
            target = max(self._program.start, self._player.position() + seconds)
            if seconds < 0:
                self._tracker.rewound_to(target)
            self._player.seek(target)

    def restart_chapter(self) -> None:
        if not self.active or self._player is None or self._program is None:
            return
        chapter = self.current_chapter()
        start = chapter.start if chapter else self._program.start
        self._tracker.rewound_to(start)
        self._player.seek(start)
        if self._player.state != PlayerState.PLAYING:
            self._player.resume()

    @property
    def subtitles(self) -> SubtitleState:
        return self._subtitles

    def cycle_subtitles(self) -> None:
        """The S key: off → each of the film's languages in turn → off."""
        languages = self._subtitles.languages
        if self.active and languages:
            self.choose_subtitles(next_language(self._subtitles.current, languages))

    def choose_subtitles(self, language: str | None) -> None:
        """The leader picked a track (None: off)."""
        if not self.active or (language is not None and language not in self._subtitles.languages):
            return
        self._picked, self._has_picked = language, True
        self._show_subtitles(SubtitleState(self._subtitles.languages, language))

    def _starting_subtitles(self, languages: tuple[str, ...]) -> str | None:
        if self._has_picked and (self._picked is None or self._picked in languages):
            return self._picked
        return starting_language(self._subtitle_preference(), languages)

    def _show_subtitles(self, state: SubtitleState) -> None:
        self._subtitles = state
        if self._player is not None:
            self._player.set_subtitles(state.current)
        self.subtitles_changed.emit(state)

    @property
    def subtitles_label(self) -> str:
        """The subtitles' state in words, for the console."""
        program = self._program
        if program is None or not program.subtitles:
            return _("Inga undertexter")
        current = self._subtitles.current
        if current is None:
            return _("Undertexter av")
        return _("Undertexter på ({language})").format(language=language_name(current))

    def set_volume(self, percent: int) -> None:
        if self._player is not None:
            self._player.set_volume(percent)

    def current_chapter(self) -> Chapter | None:
        if self._player is None:
            return None
        # A quarter second ahead, so a seek to a chapter's start names that chapter.
        return self._chapter_at(self._player.position() + 0.25)

    def _chapter_at(self, seconds: float) -> Chapter | None:
        if self._program is None:
            return None
        current = None
        for chapter in self._program.chapters:
            if chapter.start <= seconds:
                current = chapter
        return current

    # --- player events (already on the GUI thread) -----------------------------------------

    def _on_time(self, seconds: float) -> None:
        if self._program is None or self._player is None:
            return
        point = self._tracker.reached(seconds)
        if point is not None:
            self._player.pause()
            self.question.emit(point.question)
        total = self._player.duration()
        # Stopped for a question, the film is in the chapter the question is about, even if
        # the stop landed a moment into the next one.
        chapter = self._chapter_at(point.at) if point is not None else self.current_chapter()
        text = clock(seconds) + (f" / {clock(total)}" if total else "")
        if chapter is not None:
            text += " · " + _("Kapitel: {title}").format(title=chapter.title)
        self.position_text.emit(text)

    def _on_state(self, state: PlayerState) -> None:
        if state == PlayerState.PLAYING and self._program is not None:
            self.playing.emit()

    def _on_ended(self) -> None:
        if self._program is not None:
            self.finished.emit()

    def _on_failed(self, message: str) -> None:
        if self._program is not None:
            log.warning("Film failed: %s", message)
            self._program = None
            self.problem.emit(message)
