"""A phone's answer from HTTP to the room (issue 20), on the real parts of both branches: the
real aiohttp server on 127.0.0.1 and the real PhoneRoom on a real SQLite file, the console's
real list, a real click. The answer arrives in the list as typed, the leader's click shows it
on the projector without a name, and it is stored as a reflection marked as the phones'.

Runs once the phone service (facilitator/core/application/phone_room.py, branch
phones-core) is in the tree; skipped before."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

pytest.importorskip("facilitator.core.application.phone_room")

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.phones.question import prompt
from facilitator.core.presentation.cards import CardKind
from facilitator.core.settings import Settings, SettingsStore
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.phones_controller import PhonesController
from facilitator.ui.console.session_controller import SessionController
from facilitator.ui.gui_thread import GuiThread
from facilitator.ui.projector.projector_view import ProjectorView
from tests.phones_web.phone_rig import phone_session

HOSTILE = "<b>Att fråga</b> <script>alert(1)</script>"


def test_a_phones_answer_reaches_the_room_only_through_the_leaders_click(
    qtbot: Any, tmp_path: Any
) -> None:
    gui = GuiThread()
    with phone_session(hop=gui.run_soon) as s:
        console, projector = ConsolePage(), ProjectorView()
        qtbot.addWidget(console)
        qtbot.addWidget(projector)
        settings = SettingsService(
            SettingsStore(tmp_path / "settings.toml"), Settings(phones_on=True)
        )
        holder: dict[str, SessionController] = {}

        def redraw() -> None:
            holder["controller"].show_again()

        phones = PhonesController(
            settings,
            console,
            s.room,
            lambda: s.server.address,
            current_step=lambda: s.service.engine.current_key,
            projector_changed=redraw,
        )
        holder["controller"] = SessionController(
            s.service, console, [projector], dress=phones.dress
        )
        holder["controller"].start()
        projector.resize(1920, 1080)
        projector.show()
        console.show()
        while projector.card.kind not in (CardKind.PROMPT, CardKind.SILENT):
            s.service.next()
        step = s.service.engine.current_key
        assert step is not None
        s.room.open_question(prompt(step, "Vad tar du med dig?"))
        redraw()
        assert projector.card.join is not None
        assert projector.card.join.code == s.room.room_code

        replies: list[Any] = []

        def phone() -> None:  # a phone's browser, off the GUI thread as in the room
            client = s.phone()
            client.join(s.room.room_code)
            replies.append(client.answer(HOSTILE))

        sender = threading.Thread(target=phone)
        sender.start()
        qtbot.waitUntil(lambda: bool(replies), timeout=15_000)
        sender.join()
        assert replies[0].status == 200 and "Skickat" in replies[0].body
        qtbot.waitUntil(lambda: len(phones.panel.rows) == 1)
        assert phones.panel.count.text() == "1 svar väntar"
        row = phones.panel.rows[0]
        assert row.text.text() == HOSTILE
        assert row.text.textFormat() == Qt.TextFormat.PlainText
        assert HOSTILE not in projector.visible_text()

        qtbot.mouseClick(row.approve, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: projector.card.kind == CardKind.PHONE_ANSWERS)
        assert "Från gruppens mobiler" in projector.visible_text()
        assert HOSTILE in projector.visible_text()
        assert phones.panel.count.text() == "Inga svar väntar"
        with sqlite3.connect(f"file:{s.storage.database_file}?mode=ro", uri=True) as db:
            assert db.execute("SELECT status FROM phone_answers").fetchall() == [("approved",)]
            assert db.execute(
                "SELECT text, source FROM reflections WHERE text = ?", (HOSTILE,)
            ).fetchall() == [(HOSTILE, "phones")]
        phones.close()
