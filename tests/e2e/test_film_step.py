"""A film step inside a running session, through real libVLC: it plays, stops at its pause
point with the question on the projector, and hands over at its end."""

from __future__ import annotations

import shutil
import tomllib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from facilitator.core.clock import FakeClock
from facilitator.core.content.manifest import Manifest
from facilitator.core.presentation.cards import CardKind
from tests.e2e.film_session import film_session
from tests.e2e.media import make_film, write_vtt

ROOT = Path(__file__).resolve().parents[2]


def CLOCK() -> FakeClock:
    return FakeClock(datetime(2026, 11, 24, 13, 0, tzinfo=timezone(timedelta(hours=1))))


EXAMPLE = ROOT / "docs" / "examples" / "example-module"


@pytest.fixture
def module(tmp_path: Path) -> tuple[Manifest, Path]:
    folder = tmp_path / "modul med å ä ö"
    shutil.copytree(EXAMPLE, folder)
    make_film(folder / "film" / "film.mp4", seconds=5)
    write_vtt(folder / "film" / "film.sv.vtt", [(0.0, 2.5, "Hej"), (2.5, 5.0, "Slut")])
    (folder / "film" / "film.chapters.vtt").write_text(
        "WEBVTT\n\ninledning\n00:00:00.000 --> 00:00:02.000\nInledning\n\n"
        "slut\n00:00:02.000 --> 00:00:05.000\nSlut\n",
        encoding="utf-8",
    )
    text = (folder / "module.toml").read_text(encoding="utf-8").replace("at = 62.0", "at = 1.5")
    (folder / "module.toml").write_text(text, encoding="utf-8")
    return Manifest.model_validate(tomllib.loads(text)), folder


def test_film_plays_pauses_at_point_and_ends(qtbot, module) -> None:
    manifest, folder = module
    session = film_session(manifest, folder, 45, CLOCK(), keep=qtbot.addWidget)
    engine, console, projector = session.engine, session.console, session.projector
    film, controller, players = session.film, session.controller, session.players
    projector.show()
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    controller.start()
    asked: list[str] = []
    film.question.connect(asked.append)
    qtbot.keyClick(console, Qt.Key.Key_PageDown)  # to the film step
    qtbot.waitUntil(lambda: bool(asked), timeout=15_000)
    assert asked == ["Känner ni igen er?"]
    assert projector.card.kind == CardKind.FILM_QUESTION
    assert "Känner ni igen er?" in projector.visible_text()
    position = players[0].position()
    assert 1.4 <= position <= 2.3
    # Black screen on and off during the film must not restart it.
    controller.toggle_black()
    controller.toggle_black()
    assert players[0].position() >= position - 0.1
    assert len(players) == 1
    finished: list[bool] = []
    film.finished.connect(lambda: finished.append(True))
    qtbot.waitUntil(console.isActiveWindow)  # the focus guard hands the keyboard back
    qtbot.keyClick(console, Qt.Key.Key_Space)  # space plays on during a film
    qtbot.waitUntil(lambda: bool(finished), timeout=15_000)
    assert "Vad fastnade du för i filmen?" in projector.visible_text()
    assert engine.current_key == "exempel-modul/film"
    qtbot.waitUntil(console.isActiveWindow)
    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert engine.current_key == "exempel-modul/samtal-1"
    controller.end()


def test_missing_film_keeps_the_session_going(qtbot, module) -> None:
    manifest, folder = module
    (folder / "film" / "film.mp4").unlink()
    session = film_session(manifest, folder, 45, CLOCK(), keep=qtbot.addWidget)
    engine, console, projector = session.engine, session.console, session.projector
    controller = session.controller
    console.show()
    controller.start()
    controller.next()
    assert console.notices.isVisible()
    assert "Filmfilen saknas" in console.notices.text.text()
    assert "Sessionen fortsätter" in console.notices.text.text()
    assert "Vad fastnade du för i filmen?" in projector.visible_text()
    controller.next()
    assert engine.current_key == "exempel-modul/samtal-1"
    controller.end()
