"""The leader's private note in the console, as the leader uses it: typed with the clicker's
keys bound on the window, saved after a pause in typing, never on the projector, shown again
when the step comes back, and in the session's detail for the leader alone."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.storage_gateway import SessionDetail
from facilitator.ui.console import private_note_controller
from facilitator.ui.console.private_note_controller import PrivateNoteController
from facilitator.ui.library.session_detail import detail_markdown
from tests.ui.session_fixtures import build_session


def on_disk(rig) -> dict[str, str]:
    database = rig.recording._storage.database_file
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return dict(connection.execute("SELECT step_key, text FROM private_notes"))


def note_session(qtbot, monkeypatch):
    monkeypatch.setattr(private_note_controller, "PAUSE_MS", 50)
    manifest, clock, engine, console, projector, rig, cues = build_session(qtbot)
    rig.start()
    notes = PrivateNoteController(console.private_note, rig.service.notes)
    return console, projector, rig, notes


def test_single_letter_keys_type_in_the_note_and_the_clicker_still_steers(
    qtbot, monkeypatch
) -> None:
    console, projector, rig, _notes = note_session(qtbot, monkeypatch)
    first = rig.engine.current_key
    box = console.private_note
    box.edit.setFocus()
    qtbot.waitUntil(box.edit.hasFocus)
    # B, P, R, S, "." and Space are the clicker's keys on the window: here they are text.
    qtbot.keyClicks(box.edit, "Be Per ta S. Rundan pa svenska")
    assert box.text() == "Be Per ta S. Rundan pa svenska"
    assert rig.engine.current_key == first
    assert rig.engine.state.value == "running"  # P did not pause
    assert projector.card.kind.value != "black"  # B did not black out the room
    assert "Per" not in projector.visible_text()  # never on the projector
    qtbot.waitUntil(lambda: box.save_state.text() == "Sparat", timeout=3000)
    assert on_disk(rig) == {first: "Be Per ta S. Rundan pa svenska"}
    qtbot.keyClick(box.edit, Qt.Key.Key_PageDown)  # the clicker's Next, cursor still in
    assert rig.engine.current_key != first
    assert box.text() == ""  # the next step has its own note
    qtbot.keyClick(console, Qt.Key.Key_PageUp)
    assert rig.engine.current_key == first
    assert box.text() == "Be Per ta S. Rundan pa svenska"


def test_enter_and_esc_hand_the_keys_back_and_save_at_once(qtbot, monkeypatch) -> None:
    console, _projector, rig, _notes = note_session(qtbot, monkeypatch)
    monkeypatch.setattr(private_note_controller, "PAUSE_MS", 60_000)
    notes = PrivateNoteController(console.private_note, rig.service.notes)
    first = rig.engine.current_key
    box = console.private_note
    box.edit.setFocus()
    qtbot.waitUntil(box.edit.hasFocus)
    qtbot.keyClicks(box.edit, "Kort")
    qtbot.keyClick(box.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box.edit, "rad tva")
    assert box.text() == "Kort\nrad tva"
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert not box.edit.hasFocus()
    assert rig.service.notes.state_of(first) == SaveState.SAVED
    assert on_disk(rig) == {first: "Kort\nrad tva"}
    qtbot.keyClick(console, Qt.Key.Key_Right)  # steering again
    assert rig.engine.current_key != first
    notes.close()


def test_the_session_detail_shows_the_notes_under_the_steps_title(qtbot, monkeypatch) -> None:
    console, _projector, rig, _notes = note_session(qtbot, monkeypatch)
    first = rig.engine.current_key
    console.private_note.edit.setPlainText("Lokalen var kall")
    rig.end()
    details: list[SessionDetail] = []
    rig.recording._storage.session_detail(rig.session_uuid, details.append)
    text = detail_markdown(details[0])
    assert "Dina egna anteckningar" in text
    assert "> Lokalen var kall" in text
    assert rig.engine.plan.step(first).title in text


def test_the_detail_keeps_the_notes_own_line_breaks() -> None:
    from datetime import UTC, datetime

    from facilitator.core.storage.records import PrivateNote
    from facilitator.ui.library.session_detail import private_notes_markdown

    plan = '{"steps": [{"key": "m/a", "title": "Samtal i par"}]}'
    note = PrivateNote(
        "m/a", "Tyst i början.\nTa upp Saras fråga.", datetime(2026, 3, 1, tzinfo=UTC)
    )
    text = "\n".join(private_notes_markdown((note,), plan))
    assert "**Samtal i par**" in text
    assert "> Tyst i början.\\\n> Ta upp Saras fråga." in text
    assert private_notes_markdown((), plan) == []
