"""A whole session driven by the clicker keys alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from facilitator.core.presentation.cards import CardKind
from facilitator.core.session.status import SessionState
from tests.ui.session_fixtures import build_session


def leader_note_fragments(manifest) -> list[str]:
    """Distinctive pieces of every leader note (first 30 characters of each)."""
    return [step.leader_notes.strip()[:30] for step in manifest.steps]


def assert_no_leader_notes(projector, manifest) -> None:
    shown = projector.visible_text()
    for fragment in leader_note_fragments(manifest):
        assert fragment not in shown


def test_whole_session_by_keys(qtbot) -> None:
    manifest, clock, engine, console, projector, controller, cues = build_session(qtbot)
    qtbot.keyClick(console, Qt.Key.Key_F5)
    assert engine.state == SessionState.RUNNING
    assert projector.card.kind == CardKind.TEXT
    assert "Välkomna" in projector.visible_text()
    seen = [engine.current_key]
    keys = [Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space]
    for index in range(len(engine.plan.active_steps) - 1):
        clock.advance(90)
        qtbot.keyClick(console, keys[index % 3])
        seen.append(engine.current_key)
        assert_no_leader_notes(projector, manifest)
        # The console shows this step's notes.
        step = manifest.step(engine.current_key.split("/")[1])
        assert step.leader_notes.strip()[:20] in console.leader_notes.toPlainText()
    assert seen == [s.key for s in engine.plan.active_steps]
    qtbot.keyClick(console, Qt.Key.Key_PageUp)
    assert engine.current_key == seen[-2]
    qtbot.keyClick(console, Qt.Key.Key_Left)
    assert engine.current_key == seen[-3]
    controller.end()
    assert engine.state == SessionState.ENDED


def test_black_screen_and_rules_toggle(qtbot) -> None:
    _m, _clock, engine, console, projector, controller, _cues = build_session(qtbot)
    controller.start()
    qtbot.keyClick(console, Qt.Key.Key_B)
    assert projector.card.kind == CardKind.BLACK
    assert projector.visible_text() == ""
    qtbot.keyClick(console, Qt.Key.Key_Period)
    assert projector.card.kind == CardKind.TEXT
    qtbot.keyClick(console, Qt.Key.Key_R)
    assert projector.card.kind == CardKind.RULES
    assert "Lyssna för att förstå" in projector.visible_text()
    qtbot.keyClick(console, Qt.Key.Key_PageDown)
    assert projector.card.kind != CardKind.RULES  # moving on clears the overlay


def test_pause_shows_neutral_card_and_resumes(qtbot) -> None:
    manifest, clock, engine, console, projector, controller, _ = build_session(qtbot)
    controller.start()
    qtbot.keyClick(console, Qt.Key.Key_P)
    assert engine.state == SessionState.PAUSED
    assert projector.card.kind == CardKind.PAUSE
    assert manifest.title.sv in projector.visible_text()
    assert console.paused_banner.isVisibleTo(console)
    assert "PAUSAD" in console.paused_banner.text()
    qtbot.keyClick(console, Qt.Key.Key_F5)
    assert engine.state == SessionState.RUNNING


def test_prompt_shows_format_line_countdown_and_overtime(qtbot) -> None:
    manifest, clock, engine, console, projector, controller, cues = build_session(qtbot)
    controller.start()
    controller.jump("exempel-modul/samtal-1")
    assert projector.card.kind == CardKind.PROMPT
    text = projector.visible_text()
    assert manifest.step("samtal-1").question in text
    # A pair talk shows its phase in the format line's place (test_talk_phases.py has more).
    assert "Nu: i par, den ena berättar · 3 min" in text
    assert "10:00" in projector.countdown.text()
    clock.advance(9 * 60 + 30)
    controller.refresh()
    assert "sista minuten" in projector.countdown.text()
    assert console.phase_label.text() == "Sista minuten"
    clock.advance(150)
    controller.refresh()
    assert projector.countdown.text().startswith("+2 min")
    assert console.phase_label.text() == "Över tiden"
    assert cues == [1, 1]  # one for the pairs' phases passed in one tick, one for time-up
    assert "Tiden är ute" in projector.visible_text()
    before = engine.status().step_planned_seconds
    qtbot.keyClick(console, Qt.Key.Key_Plus)
    assert engine.status().step_planned_seconds == before + 60
    assert console.session_clock.text().startswith("Beräknat slut ")


def test_next_step_is_always_visible(qtbot) -> None:
    _m, _clock, engine, console, _p, controller, _ = build_session(qtbot)
    controller.start()
    assert console.next_label.text().startswith("Nästa: Film: Exempel · 4 min")
