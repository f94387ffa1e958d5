"""Module 01 taken alone in the real app (real SQLite, real keys): three answers typed, "Sparat"
only once committed, the place kept across leaving and a restart, and "Klar" at the end."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.app import Application
from facilitator.startup import prepare
from tests.app_in_process import MODULE

PAGE_DOWN = Qt.Key.Key_PageDown


def answers_on_disk(database: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT step_id, text FROM self_study_answers").fetchall()
        return dict(rows)


def open_alone(app: Application, qtbot: Any) -> Any:
    qtbot.waitUntil(lambda: app.parts.self_study.loaded, timeout=10_000)
    app.library.select(MODULE)
    button = app.library._alone_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = app.parts.study_page
    assert app.window.current_page() is page
    return page


def walk_to_next_question(page: Any, qtbot: Any) -> None:
    """PageDown (focus on the Next button) until a step asks something."""
    page.next_button.setFocus()
    for _ in range(len(page.path.steps) + 1):
        qtbot.keyClick(page.next_button, PAGE_DOWN)
        if page.step_view.answer.isVisible() and page.stack.currentWidget() is page.step_view:
            return
    raise AssertionError("no question left")


def test_module_01_alone_three_answers_resumed(application: Application, qtbot: Any) -> None:
    app = application
    page = open_alone(app, qtbot)
    assert page.index == 0  # the introduction first
    assert page.introduction.text()
    box = page.step_view.answer
    database = app.services.paths.database_file
    shown: list[tuple[str, dict[str, str]]] = []  # each word shown, and the disk at that moment
    show_state = box.state.show_state

    def watched(state: Any) -> None:
        show_state(state)
        shown.append((box.state.text(), answers_on_disk(database)))

    box.state.show_state = watched  # type: ignore[method-assign]
    typed: dict[str, str] = {}
    for n in range(3):
        walk_to_next_question(page, qtbot)
        step = page.path.steps[page.index - 1]
        assert "min" in page.step_view.minutes.text()
        box.editor.setFocus()
        words = f"Mitt svar {n}"
        qtbot.keyClicks(box.editor, words)
        # Typing never moves a step, PageDown in the box included.
        qtbot.keyClick(box.editor, PAGE_DOWN)
        assert page.path.steps[page.index - 1] is step
        shown.clear()
        qtbot.waitUntil(lambda: box.state.text() == "Sparat", timeout=5_000)
        typed[step.step_id] = words
        words_shown = [word for word, _disk in shown]
        assert words_shown[0] == "Sparar…" and words_shown[-1] == "Sparat"
        # "Sparat" only once a second reader of the file sees the answer. (The other way round
        # is not asked: the writer's thread may commit while "Sparar…" is being shown.)
        for word, disk in shown:
            if word == "Sparat":
                assert disk.get(step.step_id) == words
    here = page.index
    # Leave (Alt+Left then back), via the library, and come back: the same step.
    qtbot.keyClick(page.next_button, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.index == here - 1
    qtbot.keyClick(page.next_button, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.index == here
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)
    assert app.window.current_page() is app.library
    card = next(c for c in app.library.cards() if c.data.key == MODULE)
    assert card._study.text().startswith("På egen hand: ")
    app.window.open_self_study(MODULE)
    assert page.index == here
    assert page.step_view.answer.text() == typed[page.path.steps[here - 1].step_id]
    # To the end: "Klar" lists the answers.
    page.go(page.last)
    for words in typed.values():
        assert words in page.summary.text()
    with qtbot.waitSignal(page.logbook_requested):
        qtbot.mouseClick(page.open_logbook, Qt.MouseButton.LeftButton)
    assert app.window.current_page() is app.parts.logbook_page


def test_the_place_is_kept_across_a_restart(application: Application, qtbot: Any) -> None:
    app = application
    page = open_alone(app, qtbot)
    walk_to_next_question(page, qtbot)
    qtbot.keyClicks(page.step_view.answer.editor, "Innan omstart")
    here = page.index
    qtbot.mouseClick(page.back, Qt.MouseButton.LeftButton)  # saves at once
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=5_000)
    app.shutdown()
    again = Application(
        QApplication.instance(), prepare(portable=False, language="sv"), interactive=False
    )
    qtbot.addWidget(again.window)
    again.start(problems=[], exit_when_ready=False)
    qtbot.waitUntil(lambda: again.is_settled, timeout=20_000)
    try:
        page = open_alone(again, qtbot)
        assert page.index == here
        assert page.step_view.answer.text() == "Innan omstart"
    finally:
        again.shutdown()


def test_a_talk_is_asked_once_in_the_words_for_one_person(
    application: Application, qtbot: Any
) -> None:
    page = open_alone(application, qtbot)
    walk_to_next_question(page, qtbot)
    step = page.path.steps[page.index - 1]
    assert step.kind.value in ("prompt", "reflection", "film")
    view = page.step_view
    assert view.answer.question.text() == step.question
    if step.kind.value != "film":
        assert view.text.isHidden()  # the room's wording is not shown as a second question
