"""Real libVLC decoding a real film (dummy video/audio output: no display needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from facilitator.core.films.playback import PlayerState, SubtitleFile
from facilitator.ui.video.vlc_player import VlcPlayer
from tests.e2e.media import make_film, write_vtt


@pytest.fixture
def film(tmp_path: Path) -> Path:
    # Spaces and å/ä/ö in the path on purpose.
    return make_film(tmp_path / "Mötet på förskolan" / "en film å ä ö.mp4", seconds=6)


@pytest.fixture
def player(qtbot) -> VlcPlayer:
    surface = QWidget()
    qtbot.addWidget(surface)
    p = VlcPlayer(video_output="dummy", audio_output="dummy", start_timeout_ms=3000)
    p.attach(surface)
    yield p
    p.release()


def test_time_advances_pause_and_seek(qtbot, player: VlcPlayer, film: Path) -> None:
    player.load(film, [])
    with qtbot.waitSignal(
        player.state_changed, timeout=10_000, check_params_cb=lambda s: s == "playing"
    ):
        player.play()
    qtbot.waitUntil(lambda: player.position() > 0.5, timeout=10_000)
    assert player.duration() == pytest.approx(6.0, abs=0.5)
    with qtbot.waitSignal(
        player.state_changed, timeout=5_000, check_params_cb=lambda s: s == "paused"
    ):
        player.pause()
    held = player.position()
    qtbot.wait(400)
    assert player.position() == pytest.approx(held, abs=0.05)
    player.seek(4.0)
    qtbot.waitUntil(lambda: abs(player.position() - 4.0) < 0.3, timeout=5_000)
    with qtbot.waitSignal(player.ended, timeout=10_000):
        player.resume()
    assert player.state == PlayerState.ENDED


def test_subtitles_load(qtbot, player: VlcPlayer, film: Path, tmp_path: Path) -> None:
    sv = write_vtt(
        tmp_path / "film.sv.vtt", [(0.0, 3.0, "Hej och välkomna"), (3.0, 6.0, "Vi börjar nu")]
    )
    player.load(film, [SubtitleFile("sv", sv)])
    with qtbot.waitSignal(
        player.state_changed, timeout=10_000, check_params_cb=lambda s: s == "playing"
    ):
        player.play()
    qtbot.waitUntil(lambda: player.subtitle_track_count() >= 1, timeout=10_000)
    assert player.subtitle_language() == "sv"
    player.set_subtitles(None)
    assert player.subtitle_language() is None
    player.set_subtitles("sv")
    assert player.subtitle_language() == "sv"


def test_chapter_range_stops_at_its_end(qtbot, player: VlcPlayer, film: Path) -> None:
    player.load(film, [], start=2.0, stop=3.5)
    with qtbot.waitSignal(player.ended, timeout=10_000):
        player.play()
    assert 3.3 <= player.position() <= 4.5


def test_unreadable_film_reports_failure(qtbot, player: VlcPlayer, tmp_path: Path) -> None:
    broken = tmp_path / "inte en film.mp4"
    broken.write_text("det här är ingen film")
    player.load(broken, [])
    with qtbot.waitSignal(player.failed, timeout=10_000) as blocker:
        player.play()
    assert "Filmen" in blocker.args[0] and "VLC" in blocker.args[0]
    assert player.state == PlayerState.FAILED


def test_switching_the_subtitle_track_changes_what_libvlc_shows(
    qtbot, player: VlcPlayer, film: Path, tmp_path: Path
) -> None:
    """Two tracks (Swedish, Arabic): choosing one makes libVLC report that track as shown,
    and a choice made before the tracks are listed is applied when they are."""
    sv = write_vtt(tmp_path / "film.sv.vtt", [(0.0, 6.0, "Hej och välkomna")])
    ar = write_vtt(tmp_path / "film.ar.vtt", [(0.0, 6.0, "مرحبا بكم")])
    player.load(film, [SubtitleFile("sv", sv), SubtitleFile("ar", ar)])
    player.set_subtitles("ar")  # before play: libVLC lists no tracks yet
    with qtbot.waitSignal(
        player.state_changed, timeout=10_000, check_params_cb=lambda s: s == "playing"
    ):
        player.play()
    qtbot.waitUntil(lambda: len(player.subtitle_track_ids()) == 2, timeout=10_000)
    swedish, arabic = player.subtitle_track_ids()
    qtbot.waitUntil(lambda: player.shown_subtitle_track() == arabic, timeout=5_000)
    player.set_subtitles("sv")
    qtbot.waitUntil(lambda: player.shown_subtitle_track() == swedish, timeout=5_000)
    player.set_subtitles(None)
    qtbot.waitUntil(lambda: player.shown_subtitle_track() == -1, timeout=5_000)
    player.set_subtitles("ar")
    qtbot.waitUntil(lambda: player.shown_subtitle_track() == arabic, timeout=5_000)
    assert player.subtitle_language() == "ar"
