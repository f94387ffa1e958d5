"""Several films' trial playback at once: real films through real libVLC, lines in the modules'
order whichever film finishes first, never more players at once than asked, and a cancel that
ends every film still playing or waiting."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from facilitator.core.films.playback import SubtitleFile
from facilitator.core.paths import bundled_modules_dir
from facilitator.core.precheck.modules import FilmTarget
from facilitator.core.precheck.system import CheckItem
from facilitator.ui.precheck.film_batch import FilmBatch, play_films
from facilitator.ui.precheck.media import TRIAL_RATE, FilmCheck, trial_rate

pytestmark = pytest.mark.vlc


def target(folder: str, title: str) -> FilmTarget:
    film = bundled_modules_dir() / folder / "film"
    return FilmTarget(folder, title, film / "film.mp4", (SubtitleFile("sv", film / "film.sv.vtt"),))


FILMS = (
    target("00-vagledning-for-samtalsledaren", "A"),
    target("01-grund-1-vad-ar-kultur", "B"),
    target("02-grund-2-interkulturella-moten", "C"),
)


class Counting:
    """Makes real FilmChecks and counts how many play at the same time."""

    def __init__(self) -> None:
        self.playing = 0
        self.most = 0

    def __call__(self, film: FilmTarget, parent: QObject) -> FilmCheck:
        check = FilmCheck(film, parent=parent)
        start = check.start

        def counted_start() -> None:
            self.playing += 1
            self.most = max(self.most, self.playing)
            start()

        def ended(_item: CheckItem) -> None:
            self.playing -= 1

        check.start = counted_start  # type: ignore[method-assign]
        check.finished.connect(ended)
        return check


def test_films_play_at_once_and_come_back_in_order(qtbot, tmp_path: Path) -> None:
    missing = FilmTarget("x", "Saknas", tmp_path / "finns-inte.mp4", ())
    films = (FILMS[0], missing, FILMS[1], FILMS[2])
    counting = Counting()
    seen: list[CheckItem] = []
    items = play_films(films, counting, 10_000, seen.append, parallel=2)
    # The missing film fails at once, yet its line stays in its place.
    assert [item.name for item in items] == ["Film: A", "Film: Saknas", "Film: B", "Film: C"]
    assert seen == items
    assert [item.ok for item in items] == [True, False, True, True], items
    assert "finns inte" in items[1].detail
    assert "med undertexter (sv)" in items[0].detail
    assert counting.most == 2 and counting.playing == 0


def test_cancel_ends_the_playing_and_the_waiting(qtbot) -> None:
    batch = FilmBatch(FILMS, lambda film, parent: FilmCheck(film, parent=parent), parallel=1)
    seen: list[tuple[int, CheckItem]] = []
    batch.item_ready.connect(lambda index, item: seen.append((index, item)))
    with qtbot.waitSignal(batch.finished, timeout=5_000):
        batch.start()
        batch.cancel()
    assert [index for index, _item in seen] == [0, 1, 2]
    assert all(not item.ok and item.detail == "Kontrollen avbröts." for _i, item in seen)
    assert batch.done and len(batch.results()) == 3
    # The batch has no parent: dropping it while its films wait to be deleted must not
    # delete anything twice. It did, and took the process down in the next event loop: in
    # a whole run, the dialog's test that follows this file.
    del batch
    again = play_films(FILMS[:1], Counting(), 10_000, lambda _item: None)
    assert again[0].ok


def test_nothing_to_play_finishes_at_once(qtbot) -> None:
    assert play_films((), Counting(), 10_000, lambda _item: None) == []


def test_films_run_fast_only_when_nobody_watches_or_listens() -> None:
    assert trial_rate("dummy", "dummy") == TRIAL_RATE > 1
    assert trial_rate(None, "dummy") == 1.0  # --video-output auto: the leader watches
    assert trial_rate("dummy", None) == 1.0  # --audio-output auto: the leader listens


def test_a_leader_who_watches_sees_one_film_at_a_time() -> None:
    from facilitator.core.paths import resolve_paths
    from facilitator.ui.precheck.source import PrecheckSource

    assert PrecheckSource(resolve_paths())._parallel() > 1
    assert PrecheckSource(resolve_paths(), video_output=None)._parallel() == 1
    assert PrecheckSource(resolve_paths(), audio_output=None, parallel=3)._parallel() == 3
