"""A pair talk on the real console and projector: the room reads the phase under the prompt,
the switch is cued, and N (or the console's button) starts the next phase at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from facilitator.core.presentation.cards import CardKind, ProjectorCard
from facilitator.ui.console import phase_cue
from facilitator.ui.projector.projector_view import LAST_MINUTE, MUTED, ProjectorView
from facilitator.ui.widgets.key_help import KeyHelp
from tests.ui.session_fixtures import build_session

TALK = "exempel-modul/samtal-1"  # pairs, ten minutes: 3 + 3, then 4 together


def test_the_projector_shows_each_phase_and_n_skips_to_the_next(qtbot) -> None:
    _manifest, clock, engine, console, projector, rig, cues = build_session(qtbot)
    rig.start()
    rig.jump(TALK)
    strip = console.phase_strip

    assert "Nu: i par, den ena berättar · 3 min" in projector.visible_text()
    assert strip.isVisibleTo(console)
    assert strip.now_label.text() == "Nu: i par, den ena berättar · 3:00 kvar (del 1 av 3)"
    assert strip.next_label.text() == "Sedan: i par, byt: den andra berättar · 3 min"

    clock.advance(180)
    rig.refresh()
    assert "Nu: i par, byt: den andra berättar · 3 min" in projector.visible_text()
    assert cues == [1]  # the switch is cued with the sound, and the line lights up softly
    assert LAST_MINUTE in projector.meta.styleSheet()
    assert "Tiden är ute" not in projector.visible_text()

    clock.advance(30)
    qtbot.keyClick(console, Qt.Key.Key_N)
    assert "Nu: i hela gruppen · 7 min" in projector.visible_text()
    assert cues == [1, 1]
    assert engine.current_key == TALK  # N moves within the talk, never to the next step
    assert strip.next_label.text() == ""
    assert not strip.skip_button.isEnabled()


def test_the_console_button_skips_a_phase_too_and_other_steps_hide_it(qtbot) -> None:
    _manifest, _clock, engine, console, projector, rig, cues = build_session(qtbot)
    rig.start()
    assert not console.phase_strip.isVisibleTo(console)  # the welcome text has no phases
    rig.jump(TALK)

    qtbot.mouseClick(console.phase_strip.skip_button, Qt.MouseButton.LeftButton)

    assert "Nu: i par, byt: den andra berättar · 3 min" in projector.visible_text()
    assert cues == [1]
    status = engine.status()
    assert status.phase_position is not None and status.phase_position.index == 1


def test_the_key_help_lists_n(qtbot) -> None:
    overlay = KeyHelp()
    qtbot.addWidget(overlay)
    texts = [label.text() for label in overlay.findChildren(QLabel)]
    assert "N" in texts
    assert any(text.startswith("Nästa fas i samtalet") for text in texts)


def test_a_new_phase_keeps_the_page_the_room_reads_and_its_light_goes_out(qtbot) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(1024, 768)
    view.show()
    long_prompt = " ".join(["Vad gör ni när ni inte förstår varandra på jobbet?"] * 12)
    view.show_card(ProjectorCard(CardKind.PROMPT, body=long_prompt, meta="Nu: i par · 2 min"))
    assert view.page_count > 1 and view.next_page()

    view.show_card(ProjectorCard(CardKind.PROMPT, body=long_prompt, meta="Nu: i fyra · 4 min"))
    view.show_phase_cue(True)
    assert view.page == 1
    assert LAST_MINUTE in view.meta.styleSheet()

    view.show_phase_cue(False)
    assert MUTED in view.meta.styleSheet()
    # Another card starts from its first page, as before.
    view.show_card(ProjectorCard(CardKind.PROMPT, body="Något annat", meta="Nu: i par · 2 min"))
    assert view.page == 0


def test_the_phase_cue_rings_once_and_its_light_goes_out_by_itself(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(phase_cue, "PHASE_CUE_VISIBLE_MS", 20)
    view = ProjectorView()
    qtbot.addWidget(view)
    rings: list[int] = []
    cue = phase_cue.PhaseCue([view], lambda: rings.append(1))

    cue.ring()

    assert rings == [1] and LAST_MINUTE in view.meta.styleSheet()
    qtbot.waitUntil(lambda: MUTED in view.meta.styleSheet(), timeout=2000)
