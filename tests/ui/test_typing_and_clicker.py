"""The keys either type or steer, and the console says which: the reflection entry takes
letters and Space as text, gives the clicker's PageDown/PageUp/F5 back, and Enter, Esc or a
click outside hand every key back to the clicker. A focused button keeps Space and Enter."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from facilitator.core.presentation.cards import CardKind
from facilitator.ui.console import session_controller
from facilitator.ui.console.reflection_controller import ReflectionController
from facilitator.ui.widgets.reflection_panel import ReflectionPanel
from tests.ui.session_fixtures import build_session


def _panel(console: Any) -> ReflectionPanel:
    panel = console.findChild(ReflectionPanel)
    assert panel is not None
    return panel


@pytest.fixture
def session(qtbot: Any) -> Any:
    manifest, clock, engine, console, projector, rig, _cues = build_session(qtbot)
    panel = ReflectionPanel()
    console.reflection_layout.addWidget(panel)
    ReflectionController(panel, rig.service.reflections)
    rig.start()
    return engine, console, projector, rig, panel


def test_letters_are_text_while_typing_and_steer_after_esc(qtbot: Any, session: Any) -> None:
    engine, console, projector, _rig, panel = session
    assert "Klickerläge" in console.key_mode.text()
    panel.focus_entry()
    qtbot.waitUntil(panel.entry.hasFocus)
    assert "Skrivläge" in console.key_mode.text()
    first = engine.current_key
    qtbot.keyClicks(panel.entry, "bra. sjkl p+r")
    assert panel.entry.text() == "bra. sjkl p+r"
    assert engine.current_key == first and projector.card.kind != CardKind.BLACK
    qtbot.keyClick(panel.entry, Qt.Key.Key_Escape)  # leaves, keeping the draft
    assert not panel.entry.hasFocus()
    assert "Klickerläge" in console.key_mode.text()
    assert panel.entry.text() == "bra. sjkl p+r"
    assert projector.isFullScreen() is False  # Esc did not go to "leave full screen" instead
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert projector.card.kind == CardKind.BLACK
    qtbot.keyClick(console, Qt.Key.Key_B)
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert engine.current_key != first


def test_enter_saves_and_hands_the_keys_back(qtbot: Any, session: Any) -> None:
    engine, console, _projector, rig, panel = session
    panel.focus_entry()
    qtbot.waitUntil(panel.entry.hasFocus)
    qtbot.keyClicks(panel.entry, "vi lyssnade")
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert [r.text for r in rig.service.reflections.records()] == ["vi lyssnade"]
    assert not panel.entry.hasFocus() and "Klickerläge" in console.key_mode.text()
    first = engine.current_key
    qtbot.keyClick(console, Qt.Key.Key_Right)
    assert engine.current_key != first


def test_the_clicker_still_moves_on_while_typing(qtbot: Any, session: Any) -> None:
    engine, _console, _projector, _rig, panel = session
    panel.focus_entry()
    qtbot.waitUntil(panel.entry.hasFocus)
    first = engine.current_key
    qtbot.keyClick(panel.entry, Qt.Key.Key_PageDown)
    assert engine.current_key != first
    qtbot.keyClick(panel.entry, Qt.Key.Key_PageUp)
    assert engine.current_key == first
    qtbot.keyClick(panel.entry, Qt.Key.Key_P)
    assert panel.entry.text() == "p"  # a letter, not "pause"


def test_a_click_outside_the_entry_leaves_typing_mode(qtbot: Any, session: Any) -> None:
    engine, console, projector, _rig, panel = session
    panel.focus_entry()
    qtbot.waitUntil(panel.entry.hasFocus)
    qtbot.mouseClick(console.black_button, Qt.MouseButton.LeftButton)
    assert projector.card.kind == CardKind.BLACK  # the click did its job
    assert not panel.entry.hasFocus() and "Klickerläge" in console.key_mode.text()
    qtbot.keyClick(console, Qt.Key.Key_Period)
    assert projector.card.kind != CardKind.BLACK


def test_a_focused_button_keeps_space_and_enter(
    qtbot: Any, session: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine, console, projector, _rig, _panel = session
    first = engine.current_key
    console.black_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(console.black_button, Qt.Key.Key_Space)
    assert projector.card.kind == CardKind.BLACK and engine.current_key == first
    asked: list[str] = []

    def refuse(*args: Any) -> bool:
        asked.append(args[2])
        return False

    monkeypatch.setattr(session_controller, "confirm", refuse)
    console.end_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(console.end_button, Qt.Key.Key_Return)
    assert asked and "steg kvar" in asked[0]
    assert engine.current_key == first and engine.state.value == "running"
