"""The console's side of the phones (issue 20), on the real console, projector and session:
answers wait in a list as plain text; "Visa för gruppen" and "Dölj" act on a click or on Tab
and Enter, never on the clicker's keys; an approved answer shows on the projector without a
name; "Mobilsvar" in the console is the remembered setting; the join panel shows on the
steps phones can answer only while the phones are on.

The room here is a stand-in (tests/ui/phone_room_stand_in.py) with ``PhoneRoom``'s
broadcasts and moderation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.clock import FakeClock
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for
from facilitator.core.presentation.cards import CardKind
from facilitator.core.session.engine import SessionEngine
from facilitator.core.settings import Settings, SettingsStore
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.phones_controller import PhonesController
from facilitator.ui.projector.projector_view import ProjectorView
from tests.session_rig import SessionRig
from tests.ui.phone_room_stand_in import Room
from tests.ui.session_fixtures import EXAMPLE, STOCKHOLM, example_manifest

ADDRESS = "http://192.168.1.23:8765/"
START = datetime(2026, 11, 24, 13, 0, tzinfo=STOCKHOLM)


@dataclass
class Rig:
    console: ConsolePage
    projector: ProjectorView
    engine: SessionEngine
    room: Room
    phones: PhonesController
    settings: SettingsService


@pytest.fixture
def rig(qtbot: Any, tmp_path: Path) -> Rig:
    manifest = example_manifest()
    plan = plan_for([ModuleChoice(manifest, manifest.variant(57))])
    engine = SessionEngine(plan, FakeClock(START))
    modules = {manifest.id: OpenModule(manifest, EXAMPLE.parent)}
    console, projector = ConsolePage(), ProjectorView()
    qtbot.addWidget(console)
    qtbot.addWidget(projector)
    settings = SettingsService(SettingsStore(tmp_path / "settings.toml"), Settings())
    room = Room()
    holder: dict[str, SessionRig] = {}

    def projector_changed() -> None:  # the session's controller is built after the phones'
        holder["session"].controller.show_again()

    phones = PhonesController(
        settings,
        console,
        room,
        lambda: ADDRESS,
        current_step=lambda: engine.current_key,
        projector_changed=projector_changed,
    )
    session = SessionRig(engine, modules, console, [projector], dress=phones.dress)
    holder["session"] = session
    projector.resize(1920, 1080)
    projector.show()
    console.resize(1280, 800)
    console.show()
    session.start()
    while projector.card.kind not in (CardKind.PROMPT, CardKind.SILENT):
        engine.next()
        session.refresh()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    return Rig(console, projector, engine, room, phones, settings)


def turn_on(qtbot: Any, rig: Rig) -> None:
    qtbot.mouseClick(rig.console.phones_button, Qt.MouseButton.LeftButton)
    assert rig.settings.current.phones_on


def test_the_toggle_is_the_remembered_setting_and_shows_the_join_panel(
    qtbot: Any, rig: Rig, tmp_path: Path
) -> None:
    assert not rig.console.phones_button.isChecked() and rig.projector.card.join is None
    assert "Ctrl+M" in rig.console.phones_button.toolTip()
    assert not rig.phones.panel.isVisible()
    turn_on(qtbot, rig)
    assert rig.projector.card.join is not None
    assert "Kod: 482 913" in rig.projector.visible_text()
    assert rig.phones.panel.isVisible()
    assert SettingsStore(tmp_path / "settings.toml").load().settings.phones_on
    qtbot.keyClick(rig.console, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert not rig.settings.current.phones_on and not rig.console.phones_button.isChecked()
    assert rig.projector.card.join is None


def test_answers_wait_as_plain_text_and_the_count_says_how_many(qtbot: Any, rig: Rig) -> None:
    turn_on(qtbot, rig)
    assert rig.phones.panel.count.text() == "Inga svar väntar"
    hostile = ("<b>fet</b>", "<script>alert(1)</script>", "<a href='x'>länk</a>")
    rig.room.arrive(rig.engine.current_key, *hostile)
    assert rig.phones.panel.count.text() == "3 svar väntar"
    shown = [row.text for row in rig.phones.panel.rows]
    assert [label.text() for label in shown] == list(hostile)
    for label in shown:
        assert label.textFormat() == Qt.TextFormat.PlainText
    # What is drawn is the characters themselves: the label's own document holds the tags.
    grabbed = rig.phones.panel.rows[0].text.grab()
    assert not grabbed.isNull()


def test_a_click_shows_an_answer_to_the_room_without_a_name(qtbot: Any, rig: Rig) -> None:
    turn_on(qtbot, rig)
    step = rig.engine.current_key
    first, second = rig.room.arrive(step, "Vi pratar om tid", "<b>Tid är pengar</b>")
    row = rig.phones.panel.row_for(second)
    assert row is not None
    qtbot.mouseClick(row.approve, Qt.MouseButton.LeftButton)
    assert rig.room.decisions == [(second, "approved")]
    assert rig.projector.card.kind == CardKind.PHONE_ANSWERS
    text = rig.projector.visible_text()
    assert "Från gruppens mobiler" in text and "<b>Tid är pengar</b>" in text
    assert "Vi pratar om tid" not in text  # still waiting: the room never sees it
    assert rig.phones.panel.count.text() == "1 svar väntar"
    # Back to the question, with the code still in its corner.
    qtbot.mouseClick(rig.phones.panel.question_button, Qt.MouseButton.LeftButton)
    assert rig.projector.card.kind in (CardKind.PROMPT, CardKind.SILENT)
    assert rig.projector.card.join is not None
    row = rig.phones.panel.row_for(first)
    assert row is not None
    qtbot.mouseClick(row.reject, Qt.MouseButton.LeftButton)
    assert rig.room.decisions[-1] == (first, "rejected")
    assert rig.phones.panel.count.text() == "Inga svar väntar"
    assert "Vi pratar om tid" not in rig.projector.visible_text()


def test_the_clickers_keys_never_approve_but_tab_and_enter_do(qtbot: Any, rig: Rig) -> None:
    turn_on(qtbot, rig)
    step = rig.engine.current_key
    (uuid,) = rig.room.arrive(step, "Ett svar")
    row = rig.phones.panel.row_for(uuid)
    assert row is not None
    row.approve.setFocus(Qt.FocusReason.TabFocusReason)
    assert row.approve.hasFocus()
    for key in (Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_B):
        qtbot.keyClick(row.approve, key)
        assert rig.room.decisions == [], key
    assert rig.engine.current_key != step  # the clicker moved the session on, as it should
    # Tab from the console reaches the button; Enter on it is a deliberate yes.
    rig.console.setFocus()
    for _press in range(80):
        if row.approve.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget() or rig.console, Qt.Key.Key_Tab)
    assert row.approve.hasFocus()
    qtbot.keyClick(row.approve, Qt.Key.Key_Return)
    assert rig.room.decisions == [(uuid, "approved")]


def test_a_mouse_click_leaves_the_keys_with_the_clicker(qtbot: Any, rig: Rig) -> None:
    turn_on(qtbot, rig)
    step = rig.engine.current_key
    first, second = rig.room.arrive(step, "Ett", "Två")
    row = rig.phones.panel.row_for(first)
    assert row is not None
    qtbot.mouseClick(row.reject, Qt.MouseButton.LeftButton)
    assert not any(r.approve.hasFocus() for r in rig.phones.panel.rows)
    qtbot.keyClick(rig.console, Qt.Key.Key_PageDown)
    assert rig.engine.current_key != step
    assert rig.room.decisions == [(first, "rejected")]
