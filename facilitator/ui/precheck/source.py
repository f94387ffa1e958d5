"""What one run of the pre-session check does, shared by `facilitator check` and the dialog.

The order is the same in both: VLC, the screens, the data folder, free space, fonts and the
modules, then each film. ``prepare`` is everything but the screens and the films and needs no
Qt (the dialog runs it on a worker); the screens and the films need the GUI thread, where
several films play at once (`FilmBatch`). ``run`` does it all in order and waits (the command
line).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject

from facilitator.core.content.media_probe import MediaProbe, default_probe
from facilitator.core.paths import AppPaths
from facilitator.core.precheck.film_cache import CachedProbe, FilmCache, film_cache_file
from facilitator.core.precheck.modules import FilmTarget, module_checks
from facilitator.core.precheck.system import CheckItem, system_checks
from facilitator.ui.precheck.film_batch import FilmBatch, default_parallel, play_films
from facilitator.ui.precheck.media import (
    FILM_TIMEOUT_MS,
    FilmCheck,
    film_not_checked,
    screens_item,
    trial_rate,
    vlc_item,
)
from facilitator.ui.video.availability import VlcStatus, probe_libvlc
from facilitator.ui.video.vlc_probe import VlcMediaProbe


@dataclass(frozen=True)
class Prepared:
    """What the worker finds: the VLC line and whether VLC can play films, the checks that
    need no Qt, and the films the media checks should play."""

    vlc: CheckItem
    vlc_available: bool
    items: tuple[CheckItem, ...]
    films: tuple[FilmTarget, ...]


@dataclass(frozen=True)
class PrecheckSource:
    """``module_ids`` empty: every module in the library. ``video_output``/``audio_output``
    are libVLC output names for the trial playback; None lets libVLC choose (the film then
    shows in a window of its own)."""

    paths: AppPaths
    module_ids: tuple[str, ...] = ()
    video_output: str | None = "dummy"
    audio_output: str | None = "dummy"
    film_timeout_ms: int = FILM_TIMEOUT_MS
    parallel: int | None = None
    """Films played at once; None: `default_parallel()`, or one at a time when the leader
    watches or listens (several windows and soundtracks at once would tell nothing)."""

    # -- the parts ----------------------------------------------------------------------------

    def prepare(self) -> Prepared:
        """VLC, data folder, disk, fonts, modules and subtitles. Safe on a worker thread."""
        status = probe_libvlc()
        probe = self._probe(status)
        checked = module_checks(self.paths, self.module_ids, probe)
        if probe is not None:
            probe.save()
        return Prepared(
            vlc_item(status),
            status.available,
            (*system_checks(self.paths), *checked.items),
            checked.films,
        )

    @staticmethod
    def screens() -> CheckItem:
        """The screens (GUI thread)."""
        return screens_item()

    def film_batch(self, films: tuple[FilmTarget, ...], parent: QObject | None = None) -> FilmBatch:
        """Several films at once, not started yet (GUI thread). Only when VLC is available."""
        return FilmBatch(films, self.film_check, self._parallel(), parent)

    def film_check(self, target: FilmTarget, parent: QObject | None = None) -> FilmCheck:
        """One film, not started yet (GUI thread). Only when VLC is available."""
        return FilmCheck(
            target,
            video_output=self.video_output,
            audio_output=self.audio_output,
            timeout_ms=self.film_timeout_ms,
            parent=parent,
        )

    def _parallel(self) -> int:
        if self.parallel is not None:
            return self.parallel
        watched = trial_rate(self.video_output, self.audio_output) == 1.0
        return 1 if watched else default_parallel()

    @staticmethod
    def film_skipped(target: FilmTarget) -> CheckItem:
        """The line for a film that cannot be tried because VLC is missing."""
        return film_not_checked(target)

    def _probe(self, status: VlcStatus) -> CachedProbe | None:
        # Film lengths for the validator's chapter and pause-point checks, read the way the
        # app reads them: libVLC where it works, else ffprobe, else the times go unchecked.
        # What was read is remembered while the film file is unchanged (see film_cache).
        probe: MediaProbe | None = VlcMediaProbe.find() if status.available else None
        prober = f"libvlc {status.version}"
        if probe is None:
            probe, prober = default_probe(), "ffprobe"
        if probe is None:
            return None
        return CachedProbe(probe, FilmCache(film_cache_file(self.paths), prober))

    # -- all of it, waiting -------------------------------------------------------------------

    def run(self, report: Callable[[CheckItem], None] | None = None) -> list[CheckItem]:
        """Every check in order on this (the GUI) thread; ``report`` sees each item as soon
        as it is known. Needs a QGuiApplication."""
        items: list[CheckItem] = []

        def add(item: CheckItem) -> None:
            items.append(item)
            if report is not None:
                report(item)

        prepared = self.prepare()
        for item in (prepared.vlc, self.screens(), *prepared.items):
            add(item)
        if not prepared.vlc_available:
            for target in prepared.films:
                add(self.film_skipped(target))
            return items
        play_films(prepared.films, self.film_check, self.film_timeout_ms, add, self._parallel())
        return items
