"""The pre-session check dialog: the list fills in while the window stays usable, pass and
fail read as words, "Kör igen" runs it again; and the media checks on their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QListWidget

from facilitator.core.films.playback import SubtitleFile
from facilitator.core.paths import resolve_paths
from facilitator.core.precheck import system as precheck
from facilitator.core.precheck.audio import AudioOutput
from facilitator.core.precheck.modules import FilmTarget
from facilitator.ui.precheck import media as precheck_media
from facilitator.ui.precheck import source as precheck_source
from facilitator.ui.precheck.dialog import PrecheckDialog
from facilitator.ui.precheck.media import check_film, screens_item
from facilitator.ui.precheck.source import PrecheckSource
from facilitator.ui.video.availability import VlcStatus

GRUND_1 = "grund-1-vad-ar-kultur"


@pytest.fixture
def sound(monkeypatch) -> None:
    """A sound card whatever this machine has; the test without one says so itself."""
    monkeypatch.setattr(precheck, "find_audio_output", lambda: AudioOutput(True, ("HDMI 0",)))


def rows(dialog: PrecheckDialog) -> list[str]:
    widget = dialog.findChild(QListWidget, "precheckList")
    assert widget is not None
    return [widget.item(i).text() for i in range(widget.count())]


@pytest.mark.vlc
def test_dialog_runs_shows_words_and_runs_again(qtbot, sound) -> None:
    dialog = PrecheckDialog(PrecheckSource(resolve_paths(), (GRUND_1,)))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20_000) as blocker:
        dialog.show()
    assert blocker.args == [True], dialog.items
    texts = rows(dialog)
    assert len(texts) == len(dialog.items) == 9
    assert all(text.startswith("OK – ") for text in texts)
    assert any(text.startswith("OK – Film: Grund 1") for text in texts)
    assert dialog.rerun_button.isEnabled() and not dialog.running
    with qtbot.waitSignal(dialog.completed, timeout=20_000):
        dialog.rerun_button.click()
        assert dialog.running and not dialog.rerun_button.isEnabled()
    assert len(rows(dialog)) == 9


def test_dialog_without_vlc_says_so_and_skips_the_films(qtbot, monkeypatch, sound) -> None:
    missing = VlcStatus(False, None, "VLC hittades inte på datorn. Installera VLC.")
    monkeypatch.setattr(precheck_source, "probe_libvlc", lambda: missing)
    dialog = PrecheckDialog(PrecheckSource(resolve_paths(), (GRUND_1,)))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20_000) as blocker:
        dialog.show()
    assert blocker.args == [False]
    texts = rows(dialog)
    assert texts[0].startswith("FEL – VLC\nVLC hittades inte på datorn.")
    assert "Gör så här:" in texts[0]
    film = next(t for t in texts if "Film: Grund 1" in t)
    assert film.startswith("FEL – ") and "VLC saknas" in film
    assert sum(t.startswith("OK – ") for t in texts) == 7


def test_dialog_without_sound_says_so_and_what_to_do(qtbot, monkeypatch) -> None:
    missing = VlcStatus(False, None, "VLC hittades inte på datorn. Installera VLC.")
    monkeypatch.setattr(precheck_source, "probe_libvlc", lambda: missing)
    monkeypatch.setattr(precheck, "find_audio_output", lambda: AudioOutput(False))
    dialog = PrecheckDialog(PrecheckSource(resolve_paths(), (GRUND_1,)))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20_000) as blocker:
        dialog.show()
    assert blocker.args == [False]
    sound = next(t for t in rows(dialog) if t.startswith("FEL – Ljud"))
    assert sound.splitlines()[1].startswith("Inget ljud: datorn har ingen ljudutgång")
    assert sound.splitlines()[2].startswith("Gör så här: Anslut högtalare eller hörlurar")


def test_dialog_with_no_film_to_play_completes_and_closes(qtbot, sound) -> None:
    # It used to finish inside the worker's result signal, and closing the dialog right after
    # ``completed`` took the whole process down.
    dialog = PrecheckDialog(PrecheckSource(resolve_paths(), ("finns-inte",)))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.completed, timeout=20_000) as blocker:
        dialog.show()
    assert blocker.args == [False]
    assert any("Det finns ingen modul med id ”finns-inte”" in t for t in rows(dialog))
    dialog.close()


@pytest.mark.vlc
def test_closing_while_a_film_plays_stops_it(qtbot) -> None:
    dialog = PrecheckDialog(PrecheckSource(resolve_paths(), (GRUND_1,)))
    qtbot.addWidget(dialog)
    dialog.show()
    status = dialog.findChild(QLabel, "precheckStatus")
    qtbot.waitUntil(lambda: status.text().startswith("Provspelar film 1 av 1"), timeout=20_000)
    assert dialog.running
    dialog.reject()
    assert not dialog.running
    qtbot.wait(300)  # late libVLC events find nobody
    assert not any(t.startswith("OK – Film") for t in rows(dialog))


def test_screens_two_screens_name_the_projector() -> None:
    item = screens_item()
    assert item.ok
    assert "2 skärmar: LAPTOP 1280×800, PROJECTOR 1920×1080." in item.detail
    assert "Projektorbilden kan visas på PROJECTOR" in item.detail
    assert QGuiApplication.instance() is not None


@pytest.mark.vlc
def test_broken_film_fails_in_words(qtbot, tmp_path: Path) -> None:
    broken = tmp_path / "trasig film.mp4"
    broken.write_text("ingen film")
    vtt = tmp_path / "film.sv.vtt"
    vtt.write_text("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHej\n", encoding="utf-8")
    item = check_film(
        FilmTarget("x", "Trasig", broken, (SubtitleFile("sv", vtt),)), timeout_ms=5_000
    )
    assert not item.ok
    assert item.name == "Film: Trasig"
    assert "Filmen" in item.detail
    assert "MP4" in item.fix


@pytest.mark.vlc
def test_film_that_plays_without_its_subtitles_fails(qtbot, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(precheck_media, "SUBTITLE_GRACE_MS", 500)
    film = Path(__file__).resolve().parents[2] / "modules/01-grund-1-vad-ar-kultur/film/film.mp4"
    missing = SubtitleFile("sv", tmp_path / "finns-inte.sv.vtt")
    item = check_film(FilmTarget("x", "Utan text", film, (missing,)), timeout_ms=10_000)
    assert not item.ok
    assert item.detail == "Filmen spelas, men undertexterna (sv) laddades inte."
    assert item.fix
