"""The reflection entry as the leader uses it: by keyboard, with the clicker bound on the window."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from facilitator.core.application.reflection_ledger import LedgerEntry, SaveState, StepReflections
from facilitator.core.storage.records import ReflectionKind, ReflectionRecord
from facilitator.ui.widgets import reflection_panel
from facilitator.ui.widgets.reflection_panel import ReflectionPanel

CLICKER_KEYS = ("Space", "Right", "Left", "B", ".", "P", "R", "+", "N")


class Console(QWidget):
    """A stand-in for the console window: the panel plus clicker shortcuts on the window."""

    def __init__(self) -> None:
        super().__init__()
        self.panel = ReflectionPanel()
        QVBoxLayout(self).addWidget(self.panel)
        self.fired: list[str] = []
        for key in (*CLICKER_KEYS, "PgDown", "PgUp"):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda key=key: self.fired.append(key))


@pytest.fixture
def console(qtbot) -> Console:
    window = Console()
    qtbot.addWidget(window)
    window.resize(420, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.panel.focus_entry()
    qtbot.waitUntil(window.panel.entry.hasFocus)
    return window


# QTest types ASCII only (it asserts on "å"), hence the plain words typed below.
def record(uuid: str, kind: ReflectionKind, text: str) -> ReflectionRecord:
    return ReflectionRecord(
        uuid=uuid,
        session_uuid="s",
        step_key="m/prompt",
        prompt_text="Vad är självklart för oss här?",
        kind=kind,
        text=text,
        created_at=datetime(2026, 3, 12, 13, 40, tzinfo=UTC),
        edited_at=None,
    )


def test_enter_submits_with_the_chosen_kind_and_clears_the_field(qtbot, console) -> None:
    panel = console.panel
    qtbot.keyClick(panel.entry, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.entry, "Vi pratar om dem, inte med dem")
    with qtbot.waitSignal(panel.submitted) as signal:
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert signal.args == [ReflectionKind.QUOTE, "Vi pratar om dem, inte med dem"]
    assert panel.entry.text() == ""
    assert not panel.entry.hasFocus()  # saved: the keys steer the session again


def test_the_field_grows_with_a_long_quote(qtbot, console) -> None:
    entry = console.panel.entry
    empty = entry.height()
    entry.setPlainText("Man tar av sig skorna hemma, det har ingen sagt till mig. " * 3)
    assert entry.height() > empty
    entry.setPlainText("")
    assert entry.height() == empty


def test_empty_text_is_not_submitted(qtbot, console) -> None:
    with qtbot.assertNotEmitted(console.panel.submitted):
        qtbot.keyClicks(console.panel.entry, "   ")
        qtbot.keyClick(console.panel.entry, Qt.Key.Key_Return)


def test_ctrl_3_switches_to_come_back_to(qtbot, console) -> None:
    panel = console.panel
    qtbot.keyClick(panel.entry, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert panel.kind() == ReflectionKind.PARKING
    assert panel._kind_buttons[ReflectionKind.PARKING].isChecked()
    # Said in words, not only by the button's colour.
    assert "Återkomma till" in panel._kind_buttons[ReflectionKind.PARKING].text()
    assert "✓" in panel._kind_buttons[ReflectionKind.PARKING].text()
    assert "Ctrl+3" in panel._kind_buttons[ReflectionKind.PARKING].toolTip()


def test_typing_keeps_clicker_keys_but_page_down_still_reaches_the_window(qtbot, console) -> None:
    entry = console.panel.entry
    qtbot.keyClicks(entry, "a b. pr+n")
    qtbot.keyClick(entry, Qt.Key.Key_Left)
    qtbot.keyClick(entry, Qt.Key.Key_Right)
    assert entry.text() == "a b. pr+n"
    assert console.fired == []
    qtbot.keyClick(entry, Qt.Key.Key_PageDown)
    qtbot.keyClick(entry, Qt.Key.Key_PageUp)
    assert console.fired == ["PgDown", "PgUp"]
    assert entry.text() == "a b. pr+n"


def test_escape_hands_the_keys_back_to_the_clicker(qtbot, console) -> None:
    entry = console.panel.entry
    esc = QShortcut(QKeySequence("Esc"), console)  # the console's "leave full screen"
    esc.setContext(Qt.ShortcutContext.WindowShortcut)
    esc.activated.connect(lambda: console.fired.append("Esc"))
    qtbot.keyClicks(entry, "halvklar")
    qtbot.keyClick(entry, Qt.Key.Key_Escape)
    assert console.fired == []  # Esc left the field; it did not reach the window
    assert not entry.hasFocus()
    qtbot.keyClick(console, Qt.Key.Key_Space)
    assert console.fired == ["Space"]
    assert entry.text() == "halvklar"


def shown(*entries: tuple[ReflectionRecord, bool]) -> StepReflections:
    """What the session's ledger announces: these rows, saved or on their way."""
    rows = tuple(
        LedgerEntry(record, SaveState.SAVED if saved else SaveState.SAVING)
        for record, saved in entries
    )
    overall = SaveState.SAVING if any(not saved for _r, saved in entries) else SaveState.SAVED
    return StepReflections("m/prompt", rows, overall if rows else None)


def test_a_row_shows_saved_only_when_told(qtbot, console) -> None:
    panel = console.panel
    quote = record("r1", ReflectionKind.QUOTE, "Det har ingen sagt till mig.")
    panel.show_reflections(shown((quote, False)))
    assert panel.list.heads() == ["Citat  …"]
    panel.show_reflections(shown((quote, True)))
    assert panel.list.heads() == ["Citat"]
    action = record("r2", ReflectionKind.ACTION, "Vi tar upp det på nästa APT.")
    panel.show_reflections(shown((quote, True), (action, False)))
    assert panel.list.heads() == ["Citat", "Överenskommelse  …"]


def test_save_state_in_words(console) -> None:
    panel = console.panel
    for state, words in (
        (SaveState.SAVING, "Sparar…"),
        (SaveState.SAVED, "Sparat"),
        (SaveState.WAITING, "Inte sparat ännu – försöker igen"),
        (SaveState.UNSAVED, "Inte sparat – databasen går inte att nå"),
    ):
        panel.set_save_state(state)
        assert panel.save_state.text() == words


def test_f2_edits_text_and_kind(qtbot, console) -> None:
    panel = console.panel
    panel.show_reflections(shown((record("r1", ReflectionKind.NOTE, "Fika"), True)))
    qtbot.keyClicks(panel.entry, "ett utkast")
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    assert panel.entry.hasFocus()
    assert panel.entry.text() == "Fika"
    qtbot.keyClicks(panel.entry, " i personalrummet")
    qtbot.keyClick(panel.entry, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(panel.edited) as signal:
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
    assert signal.args == ["r1", "Fika i personalrummet", ReflectionKind.ACTION]
    # The draft typed before editing comes back, with its kind.
    assert panel.entry.text() == "ett utkast"
    assert panel.kind() == ReflectionKind.NOTE


def test_escape_cancels_an_edit(qtbot, console) -> None:
    panel = console.panel
    panel.show_reflections(shown((record("r1", ReflectionKind.NOTE, "Fika"), True)))
    panel.list.setCurrentRow(0)
    panel.start_edit()
    with qtbot.assertNotEmitted(panel.edited):
        qtbot.keyClicks(panel.entry, "!!")
        qtbot.keyClick(panel.entry, Qt.Key.Key_Escape)
    assert panel.entry.text() == ""
    assert panel.list.heads() == ["Anteckning"]


@pytest.mark.parametrize("sure", [False, True])
def test_delete_asks_first(qtbot, console, monkeypatch, sure: bool) -> None:
    asked: list[str] = []

    def confirm(_parent, _title, text, _informative, action) -> bool:
        asked.append(f"{text} {action}")
        return sure

    monkeypatch.setattr(reflection_panel.confirming, "confirm", confirm)
    panel = console.panel
    panel.show_reflections(shown((record("r1", ReflectionKind.NOTE, "Fika"), True)))
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    deleted: list[str] = []
    panel.deleted.connect(deleted.append)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert asked == ["”Fika” Ta bort"]
    assert deleted == (["r1"] if sure else [])
    assert panel.list.count() == 1  # the ledger removes the row, once it has taken the delete
