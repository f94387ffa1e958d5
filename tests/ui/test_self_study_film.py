"""A film taken alone stops where the group's film stops, and shows its question in the
window: before, it stood still with nothing said, and the person had to guess why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from facilitator.app import Application
from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import FilmStep
from tests.app_in_process import MODULE
from tests.recording_player import RecordingPlayer


def test_the_film_stops_at_its_question_and_shows_it(application: Application, qtbot: Any) -> None:
    app = application
    qtbot.waitUntil(lambda: app.parts.self_study.loaded, timeout=10_000)
    player = RecordingPlayer()
    app.window.open_self_study(MODULE)
    assert app.parts.study is not None
    app.parts.study._film._make_player = lambda: player  # no libVLC: the film's logic is tested
    page = app.parts.study_page
    assert page.path is not None
    at = next(n for n, step in enumerate(page.path.steps, 1) if step.kind is StepKind.FILM)
    page.go(at)
    view = page.step_view
    assert ("play",) in player.calls and not view.pause_question.isVisible()
    manifest = app.services.catalog.open_module(MODULE).manifest
    film = next(s for s in manifest.steps if isinstance(s, FilmStep))
    point = film.pause_points[0]
    player.tick(point.at + 0.2)
    assert view.pause_question.isVisible()
    assert view.pause_question.text() == point.question
    assert "spela sedan vidare" in view.film_note.text()
    qtbot.mouseClick(view.play, Qt.MouseButton.LeftButton)  # "Spela / pausa": on with the film
    assert not view.pause_question.isVisible() and view.film_note.text() == ""


def test_the_list_and_the_page_never_disagree(application: Application, qtbot: Any) -> None:
    """Arrows or a letter in the step list move the page with the highlight (before, the list
    showed "Kultur förändras" while the page still showed "Ordet kultur")."""
    app = application
    qtbot.waitUntil(lambda: app.parts.self_study.loaded, timeout=10_000)
    app.window.open_self_study(MODULE)
    page = app.parts.study_page
    assert page.path is not None
    page.steps.setFocus()
    qtbot.keyClick(page.steps, Qt.Key.Key_Down)
    assert page.index == page.steps.currentRow() == 1
    qtbot.keyClicks(page.steps, "Kultur")
    assert page.index == page.steps.currentRow()
    assert page.path.steps[page.index - 1].title.startswith("Kultur")
    # At "Klar", the keyboard goes from the greyed-out "Nästa" to "Öppna loggboken".
    page.go(page.last - 1)
    page.next_button.setFocus()
    qtbot.keyClick(page.next_button, Qt.Key.Key_Space)
    assert page.index == page.last
    assert page.open_logbook.hasFocus()
