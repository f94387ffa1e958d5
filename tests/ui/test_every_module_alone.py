"""Issue 19's "done when": every bundled module can be taken alone from the library. Each of
the nine is opened from its card's "Gå igenom på egen hand" in the real app and walked from
the introduction to "Klar": every step shows something to read, watch or answer, and every
question has its box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from facilitator.app import Application
from facilitator.core.content.kinds import StepKind
from tests.recording_player import RecordingPlayer


def test_every_bundled_module_can_be_taken_alone(application: Application, qtbot: Any) -> None:
    app = application
    qtbot.waitUntil(lambda: app.parts.self_study.loaded, timeout=10_000)
    keys = [card.data.key for card in app.library.cards()]
    assert len(keys) == 9
    walked = {}
    for key in keys:
        app.window.show_page(app.library)
        for card in app.library.cards():  # one module chosen: the one to take alone
            if card.selected != (card.data.key == key):
                card.toggle()
        button = app.library._alone_button
        assert button.isEnabled(), key
        if app.parts.study is not None:
            app.parts.study._film._make_player = RecordingPlayer  # the film's logic, not libVLC
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        page = app.parts.study_page
        assert app.window.current_page() is page, key
        assert page.path is not None and page.path.module_id == key
        assert page.introduction.text().strip(), f"{key}: no introduction"
        view = page.step_view
        questions = 0
        for index, step in enumerate(page.path.steps, start=1):
            page.go(index)
            assert view.title.text() == step.title
            shown = [
                view.text.isVisibleTo(view) and view.text.text().strip(),
                view.film.isVisibleTo(view),
                view.instructions.isVisibleTo(view) and view.instructions.text().strip(),
                view.answer.isVisibleTo(view) and view.answer.question.text().strip(),
            ]
            assert any(shown), f"{key}: step {step.step_id} shows nothing"
            if step.question:
                questions += 1
                assert view.answer.isVisibleTo(view), f"{key}: {step.step_id} has no box"
            if step.kind is StepKind.FILM:
                assert view.film_bar.isVisibleTo(view)
        page.go(page.last)
        assert page.stack.currentWidget() is page.end
        walked[key] = questions
        page.leave()
    assert all(questions >= 3 for questions in walked.values()), walked
