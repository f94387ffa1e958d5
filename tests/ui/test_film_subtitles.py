"""Choosing a film's subtitles, as the leader does it, with a recording player (the choice is
the subject here; tests/e2e/test_vlc_player.py shows libVLC switching the track): the film
starts with the settings' language or its first track, S steps off → Svenska → العربية → off,
the film bar's list picks one and always shows which, and the pick holds for the next film."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.projector.projector_view import ProjectorView
from tests.recording_player import RecordingPlayer
from tests.session_rig import SessionRig
from tests.ui.film_rig import FILM, example_with_film, film_rig

SV_ONLY = '[[film.subtitles]]\nlanguage = "sv"\nfile = "film/film.sv.vtt"\n'
SV_AND_AR = SV_ONLY + '\n[[film.subtitles]]\nlanguage = "ar"\nfile = "film/film.ar.vtt"\n'


def subtitled_session(
    qtbot: Any, tmp_path: Path, preference: str = "first"
) -> tuple[SessionRig, ConsolePage, RecordingPlayer, FilmRunner]:
    folder = example_with_film(tmp_path)
    toml = folder / "module.toml"
    text = toml.read_text(encoding="utf-8")
    assert SV_ONLY in text
    toml.write_text(text.replace(SV_ONLY, SV_AND_AR), encoding="utf-8")
    for language in ("sv", "ar"):
        (folder / "film" / f"film.{language}.vtt").write_text("WEBVTT\n", encoding="utf-8")
    made = film_rig(qtbot, folder, preference)
    return made.rig, made.console, made.player, made.film


def subtitle_calls(player: RecordingPlayer) -> list[str | None]:
    return [call[1] for call in player.calls if call[0] == "subtitles"]


def test_s_steps_through_off_and_each_language_and_the_bar_says_which(
    qtbot: Any, tmp_path: Path
) -> None:
    rig, console, player, film = subtitled_session(qtbot, tmp_path)
    rig.jump(FILM)
    picker = console.subtitles
    assert subtitle_calls(player) == ["sv"]  # the film's first track
    assert picker.current_text() == "Svenska"
    assert [picker.tracks.itemText(i) for i in range(picker.tracks.count())] == [
        "Av",
        "Svenska",
        "العربية",
    ]
    shown = []
    for _ in range(3):
        qtbot.keyClick(console, Qt.Key.Key_S)
        shown.append(picker.current_text())
    assert shown == ["العربية", "Av", "Svenska"]
    assert subtitle_calls(player) == ["sv", "ar", None, "sv"]


def test_the_list_picks_a_track_and_the_pick_holds_when_the_film_comes_back(
    qtbot: Any, tmp_path: Path
) -> None:
    rig, console, player, film = subtitled_session(qtbot, tmp_path)
    rig.jump(FILM)
    picker = console.subtitles
    picker.tracks.activated.emit(picker.tracks.findData("ar"))
    assert subtitle_calls(player)[-1] == "ar"
    assert film.subtitles.current == "ar"
    qtbot.keyClick(console, Qt.Key.Key_Right)  # on, and back to the film
    qtbot.keyClick(console, Qt.Key.Key_Left)
    assert rig.engine.current_key == FILM
    assert subtitle_calls(player)[-1] == "ar"
    assert picker.current_text() == "العربية"


def test_the_settings_language_starts_the_film(qtbot: Any, tmp_path: Path) -> None:
    rig, console, player, _film = subtitled_session(qtbot, tmp_path, preference="ar")
    rig.jump(FILM)
    assert subtitle_calls(player) == ["ar"]
    assert console.subtitles.current_text() == "العربية"


def test_a_language_the_film_lacks_falls_back_to_its_first_track(
    qtbot: Any, tmp_path: Path
) -> None:
    rig, console, player, _film = subtitled_session(qtbot, tmp_path, preference="so")
    rig.jump(FILM)
    assert subtitle_calls(player) == ["sv"]
    assert console.subtitles.current_text() == "Svenska"


def test_off_in_the_settings_starts_without_subtitles(qtbot: Any, tmp_path: Path) -> None:
    rig, console, player, _film = subtitled_session(qtbot, tmp_path, preference="off")
    rig.jump(FILM)
    assert subtitle_calls(player) == [None]
    assert console.subtitles.current_text() == "Av"


def test_the_preview_names_the_subtitles_the_room_sees(qtbot: Any, tmp_path: Path) -> None:
    rig, console, player, _film = subtitled_session(qtbot, tmp_path)
    preview = ProjectorView()
    console.preview_layout.addWidget(preview)
    rig.controller._outputs.append(preview)  # as the launcher wires it: projector and preview
    rig.controller._outputs[0].show()  # the film plays on the projector, not in the preview
    rig.jump(FILM)
    player.tick(5.0)
    assert "Undertexter på (Svenska)" in preview.visible_text()
    assert "0:05" in preview.visible_text()
    qtbot.keyClick(console, Qt.Key.Key_S)
    assert "Undertexter på (العربية)" in preview.visible_text()
