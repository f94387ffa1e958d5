"""Issue 20's browser test on the running app: a real phone browser (headless Chromium through
Selenium) joins the session the leader started with the phones on, answers the prompt on the
screen and then the evaluation; the answer is read from the console's moderation list, the
leader's click shows it to the room, and the database holds both answers.

The browser runs on a thread of its own: every page it asks for waits on the GUI thread (the
storage's), which the test keeps turning while it waits."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt

from facilitator.app import Application
from facilitator.core.content.kinds import StepKind
from facilitator.core.presentation.cards import CardKind
from tests.phones_web.browser import (
    MISSING,
    arrive,
    button,
    by_label,
    link,
    phone_browser,
    tap,
)
from tests.ui.phones_app import off_the_gui_thread, session_with_phones

pytestmark = [
    pytest.mark.skipif(MISSING is not None, reason=MISSING or ""),
    pytest.mark.timeout(90),
]

ANSWER = "Vi frågar i stället för att gissa."


def test_a_phone_browser_answers_and_the_leader_moderates_in_the_console(
    application: Application, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = application
    running, phones = session_with_phones(app, qtbot, monkeypatch, rehearse=False)
    service = running.service
    steps = service.engine.plan.active_steps
    service.jump(next(s for s in steps if s.kind is StepKind.PROMPT).key)
    code = phones.room.room_code

    with phone_browser() as phone:

        def answer_the_prompt() -> None:
            phone.get(phones.address)
            arrive(phone, "Gå med i samtalet")
            by_label(phone, "Rumskod").send_keys(code)
            tap(button(phone, "Gå med"))
            arrive(phone, "Din fråga")
            phone.find_element("id", "answer").send_keys(ANSWER)
            tap(button(phone, "Skicka"))
            arrive(phone, "Skickat")

        off_the_gui_thread(qtbot, answer_the_prompt, 40_000)
        # The console's list holds it, as typed, waiting for the leader.
        panel = running.phones.panel
        qtbot.waitUntil(lambda: len(panel.rows) == 1, timeout=5_000)
        [row] = panel.rows
        assert ANSWER in [label.text() for label in row.findChildren(type(panel.count))]
        assert running.projector.card is None or running.projector.card.kind is not (
            CardKind.PHONE_ANSWERS
        )
        qtbot.mouseClick(row.approve, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: running.preview.card.kind is CardKind.PHONE_ANSWERS)
        assert ANSWER in running.preview.card.items

        service.jump(next(s for s in steps if s.kind is StepKind.EVALUATION).key)

        def answer_the_evaluation() -> None:
            tap(link(phone, "Tillbaka till frågan"))
            arrive(phone, "Din fråga")
            first = phone.find_element("css selector", "fieldset label.option")
            tap(first)
            tap(button(phone, "Skicka"))
            arrive(phone, "Skickat")

        off_the_gui_thread(qtbot, answer_the_evaluation, 40_000)

    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=5_000)
    database = app.services.paths.database_file
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT kind, text, option_index, status FROM phone_answers").fetchall()
        reflections = db.execute("SELECT text, source FROM reflections").fetchall()
    assert ("prompt", ANSWER, None, "approved") in rows
    assert ("evaluation", None, 0, "approved") in rows
    assert (ANSWER, "phones") in reflections
