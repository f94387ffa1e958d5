"""A film step as the leader drives it, with a recording player (the film's logic is the
subject here, not libVLC): Next at a pause question plays on, Next after the film moves on,
and going back to the film continues where it was left."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from facilitator.core.presentation.cards import CardKind
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.projector.projector_view import ProjectorView
from tests.recording_player import RecordingPlayer
from tests.session_rig import SessionRig
from tests.ui.film_rig import FILM, example_with_film, film_rig


def film_session(
    qtbot: Any, tmp_path: Path
) -> tuple[SessionRig, ConsolePage, ProjectorView, RecordingPlayer]:
    made = film_rig(qtbot, example_with_film(tmp_path))
    return made.rig, made.console, made.projector, made.player


def test_next_at_a_pause_question_plays_on(qtbot: Any, tmp_path: Path) -> None:
    rig, console, projector, player = film_session(qtbot, tmp_path)
    rig.jump(FILM)
    assert projector.card.kind == CardKind.FILM
    player.tick(62.5)  # the pause point at 62 s
    assert player.state.value == "paused"
    assert projector.card.kind == CardKind.FILM_QUESTION
    assert "Känner ni igen er?" in projector.visible_text()
    qtbot.keyClick(console, Qt.Key.Key_PageDown)  # the clicker's Next
    assert rig.engine.current_key == FILM  # still the film step
    assert player.calls[-1] == ("resume",)
    assert projector.card.kind == CardKind.FILM  # the question gives way to the film
    player.end()
    assert "Vad fastnade du för i filmen?" in projector.visible_text()
    qtbot.keyClick(console, Qt.Key.Key_PageDown)  # now Next goes on
    assert rig.engine.current_key != FILM


def test_back_to_the_film_continues_where_it_was_left(qtbot: Any, tmp_path: Path) -> None:
    rig, console, _projector, player = film_session(qtbot, tmp_path)
    rig.jump(FILM)
    player.tick(30.0)
    qtbot.keyClick(console, Qt.Key.Key_Right)  # on to the next step mid-film
    assert rig.engine.current_key != FILM
    qtbot.keyClick(console, Qt.Key.Key_Left)  # and back
    assert rig.engine.current_key == FILM
    loads = [call for call in player.calls if call[0] == "load"]
    assert loads[-1][2] == 30.0  # from 0:30, not from the start
    # "Kapitlet från början" is one key away: the chapter restarts.
    console.film_restart_requested.emit()
    assert player.calls[-1] == ("seek", 0.0)


def test_the_preview_says_what_the_room_sees_while_the_film_plays_there(
    qtbot: Any, tmp_path: Path
) -> None:
    rig, console, projector, player = film_session(qtbot, tmp_path)
    preview = ProjectorView()
    console.preview_layout.addWidget(preview)
    rig.controller._outputs.append(preview)  # as the launcher wires it: projector and preview
    projector.show()
    rig.jump(FILM)
    player.tick(50.0)  # before the pause point at 1:02
    assert projector.card.kind == CardKind.FILM  # the room sees the film itself
    assert preview.card.kind == CardKind.FILM_ELSEWHERE
    shown = preview.visible_text()
    assert "Filmen visas på projektorn." in shown
    assert "0:50" in shown
    assert "Inga undertexter" in shown  # the example module has none


def test_space_plays_and_pauses_the_film_and_moves_on_once_it_has_ended(
    qtbot: Any, tmp_path: Path
) -> None:
    """Space is a clicker's next key too: at the question after the film, with nothing left
    to play or pause, it moves on (it used to do nothing there)."""
    rig, console, _projector, player = film_session(qtbot, tmp_path)
    rig.jump(FILM)
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert player.state.value == "paused" and rig.engine.current_key == FILM
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert player.state.value == "playing" and rig.engine.current_key == FILM
    player.end()
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert rig.engine.current_key != FILM


def test_stopped_for_a_question_the_console_names_the_questions_chapter(
    qtbot: Any, tmp_path: Path
) -> None:
    # The stop lands a moment after the pause point, here just into the next chapter: the
    # console must still name the chapter the question is about (a leader's walk of module 06
    # saw the next chapter's title under the question).
    folder = example_with_film(tmp_path)
    (folder / "film" / "film.chapters.vtt").write_text(
        "WEBVTT\n\nfallet\n00:00:00.000 --> 00:01:02.300\nFallet\n\n"
        "efter\n00:01:02.300 --> 00:03:20.000\nEfteråt\n",
        encoding="utf-8",
    )
    made = film_rig(qtbot, folder)
    said: list[str] = []
    made.film.position_text.connect(said.append)
    made.rig.jump(FILM)
    made.player.tick(62.4)
    assert made.player.state.value == "paused"
    assert said[-1].endswith("Kapitel: Fallet"), said[-1]
