"""What one run of the pre-session check does, shared by `facilitator check` and the dialog.

The order is the same in both: VLC and the screens (quick, on the GUI thread), then the data
folder, free space, fonts and the modules (no Qt: the dialog runs them on a worker), then each
film, one at a time on the GUI thread. ``run`` does it all in order and waits (the command
line); the dialog calls the three parts itself so that its window stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject

from facilitator.core.content.media_probe import MediaProbe, default_probe
from facilitator.core.paths import AppPaths
from facilitator.core.precheck import CheckItem, system_checks
from facilitator.core.precheck_modules import FilmTarget, module_checks
from facilitator.ui.precheck_media import (
    FILM_TIMEOUT_MS,
    FilmCheck,
    check_film,
    film_not_checked,
    screens_item,
    vlc_item,
)
from facilitator.ui.video.availability import probe_libvlc


@dataclass(frozen=True)
class OfflineResult:
    """The checks that need no Qt, and the films the media checks should play."""

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

    # -- the parts ----------------------------------------------------------------------------

    def quick_items(self) -> tuple[list[CheckItem], bool]:
        """VLC and the screens (GUI thread); also says whether VLC can play films."""
        status = probe_libvlc()
        return [vlc_item(status), screens_item()], status.available

    def offline(self, vlc_available: bool) -> OfflineResult:
        """Data folder, disk, fonts, modules and subtitles. Safe on a worker thread."""
        checked = module_checks(self.paths, self.module_ids, self._probe(vlc_available))
        return OfflineResult((*system_checks(self.paths), *checked.items), checked.films)

    def film_check(self, target: FilmTarget, parent: QObject | None = None) -> FilmCheck:
        """One film, not started yet (GUI thread)."""
        return FilmCheck(
            target,
            video_output=self.video_output,
            audio_output=self.audio_output,
            timeout_ms=self.film_timeout_ms,
            parent=parent,
        )

    @staticmethod
    def _probe(vlc_available: bool) -> MediaProbe | None:
        # Film lengths for the validator's chapter and pause-point checks, read the way the
        # app reads them: libVLC where it works, else ffprobe, else the times go unchecked.
        if vlc_available:
            from facilitator.ui.video.vlc_probe import VlcMediaProbe

            probe = VlcMediaProbe.find()
            if probe is not None:
                return probe
        return default_probe()

    # -- all of it, waiting -------------------------------------------------------------------

    def run(self, report: Callable[[CheckItem], None] | None = None) -> list[CheckItem]:
        """Every check in order on this (the GUI) thread; ``report`` sees each item as soon
        as it is known. Needs a QGuiApplication."""
        items: list[CheckItem] = []

        def add(new: Sequence[CheckItem]) -> None:
            for item in new:
                items.append(item)
                if report is not None:
                    report(item)

        quick, vlc_available = self.quick_items()
        add(quick)
        offline = self.offline(vlc_available)
        add(offline.items)
        for target in offline.films:
            if vlc_available:
                add(
                    [
                        check_film(
                            target,
                            video_output=self.video_output,
                            audio_output=self.audio_output,
                            timeout_ms=self.film_timeout_ms,
                        )
                    ]
                )
            else:
                add([film_not_checked(target)])
        return items
