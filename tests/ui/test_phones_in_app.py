"""The phones in the running app (issue 20), as the composition root wires them: the leader
turns "Deltagarna svarar på mobilen" on, the session starts its server (here on 127.0.0.1),
the projector card carries the join panel, a phone answers the prompt on screen over real
HTTP, the leader's click shows it to the room and makes it a reflection marked as the phones',
the phone's evaluation choice reaches the close-out, and at the session's end the pages say so
until the server stops."""

from __future__ import annotations

import http.client
from typing import Any

import pytest
from PySide6.QtCore import Qt

from facilitator.app import Application
from facilitator.core.content.kinds import StepKind
from facilitator.core.presentation.cards import CardKind
from tests.phones_web.phone_rig import Phone
from tests.ui.phones_app import off_the_gui_thread, session_with_phones


def test_a_session_with_the_phones_on(
    application: Application, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = application
    running, phones = session_with_phones(app, qtbot, monkeypatch, rehearse=True)
    assert phones.address.startswith("http://127.0.0.1:")
    port = int(phones.address.rstrip("/").rsplit(":", 1)[1])
    service = running.service
    steps = service.engine.plan.active_steps
    talk = next(s for s in steps if s.kind is StepKind.PROMPT)
    service.jump(talk.key)
    card = running.preview.card
    assert card is not None and card.join is not None
    assert card.join.address == phones.address and card.join.code == phones.room.room_code

    phone = Phone(port)
    assert off_the_gui_thread(qtbot, lambda: phone.join(phones.room.room_code)).status == 303
    page = off_the_gui_thread(qtbot, lambda: phone.get("/"))
    assert service.content(talk.key).step.question in page.body  # the question on screen
    sent = off_the_gui_thread(qtbot, lambda: phone.answer("Vi <b>lyssnar</b> mer"))
    assert sent.status == 200 and "Skickat" in sent.body
    qtbot.waitUntil(lambda: bool(phones.room.answers()), timeout=5_000)
    [answer] = phones.room.answers()
    row = running.phones.panel.row_for(answer.uuid)
    assert row is not None
    qtbot.mouseClick(row.approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: running.preview.card.kind is CardKind.PHONE_ANSWERS, timeout=5_000)
    assert "Vi <b>lyssnar</b> mer" in running.preview.card.items
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=5_000)
    [reflection] = service.reflections.records()
    assert reflection.text == "Vi <b>lyssnar</b> mer" and reflection.source.value == "phones"

    vote = next(s for s in steps if s.kind is StepKind.EVALUATION)
    service.jump(vote.key)
    form = off_the_gui_thread(qtbot, lambda: phone.get("/")).hidden()
    chosen = off_the_gui_thread(qtbot, lambda: phone.post("/answer", {**form, "item0": "0"}))
    assert chosen.status == 200 and "Skickat" in chosen.body

    # The end: the pages say so for a while, then the server stops.
    monkeypatch.setattr("facilitator.ui.console.session_launcher.LINGER_MS", 1_500)
    service.jump(steps[-1].key)
    service.end()
    qtbot.waitUntil(lambda: app.parts.launcher.current is None, timeout=5_000)
    over = off_the_gui_thread(qtbot, lambda: phone.get("/"))
    assert "Sessionen är slut" in over.body
    assert '"ended": true' in off_the_gui_thread(qtbot, lambda: phone.get("/state")).body

    def stopped() -> bool:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/")
        except OSError:
            return True
        return False

    qtbot.waitUntil(stopped, timeout=5_000)
    closeout = app.parts.closeout
    closeout.begin(
        service.session_uuid, service.modules, service.engine.initial_plan, rehearsal=False
    )
    qtbot.waitUntil(lambda: closeout.evaluation.phone_line.isVisibleTo(closeout.evaluation))
    assert closeout.evaluation.phone_line.text() == "1 svarade på mobilen"
