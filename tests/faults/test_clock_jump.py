"""The computer's clock is set back an hour in the middle of a step (a time-server correction,
someone fixing the time): countdowns, the room's view and the minutes behind plan do not move;
only the projected end, a time of day, follows the new clock. Nothing saved is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from facilitator.core.session.engine import SessionEngine
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import ReflectionDraft, ReflectionKind
from facilitator.core.storage.repository import Repository
from tests.ui.session_fixtures import build_session


def _seen(console: Any, projector: Any) -> tuple[str, str, str]:
    return console.countdown.text(), projector.countdown.text(), console.phase_label.text()


def test_the_wall_clock_jumping_back_leaves_the_countdown_alone(qtbot: Any) -> None:
    _manifest, clock, engine, console, projector, controller, cues = build_session(qtbot)
    changes: list[str] = []
    controller.step_entered.connect(lambda entered: changes.append(entered.key))
    controller.start()
    clock.advance(90)
    controller.refresh()
    key = engine.current_key
    status = engine.status()
    before = _seen(console, projector)
    clock_line = console.session_clock.text()
    assert clock_line == "Beräknat slut 13:57 · enligt plan"

    clock.jump_wall(-3600)
    controller.refresh()
    after = engine.status()
    assert after.step_remaining_seconds == status.step_remaining_seconds
    assert after.step_elapsed_seconds == status.step_elapsed_seconds
    assert after.minutes_behind == status.minutes_behind
    assert _seen(console, projector) == before
    # Only the time of day follows the clock the computer now shows.
    assert console.session_clock.text() == "Beräknat slut 12:57 · enligt plan"
    assert engine.current_key == key and changes == [key]
    assert cues == []  # no time-up cue from the jump

    # And forward again past the step's end: still no cue, no step change.
    clock.jump_wall(3 * 3600)
    controller.refresh()
    assert _seen(console, projector) == before and cues == []

    # Time then runs on from where it was, second for second.
    clock.advance(30)
    controller.refresh()
    assert engine.status().step_remaining_seconds == status.step_remaining_seconds - 30
    # The state saved for a crash resumes with the same remaining time.
    restored = SessionEngine.restore(engine.initial_plan, clock, engine.to_state())
    assert restored.status().step_remaining_seconds == engine.status().step_remaining_seconds
    controller.end()


def test_reflections_written_across_the_jump_are_all_kept(tmp_path: Path, qtbot: Any) -> None:
    _manifest, clock, engine, _console, _projector, controller, _cues = build_session(qtbot)
    controller.start()
    with open_database(tmp_path / "facilitator.sqlite3", tmp_path / "backups", clock.now) as db:
        repo = Repository.of(db)
        session = repo.sessions.create(title="Klockan", plan_json="{}", modules=[])
        texts = ["Före hoppet.", "Efter hoppet bakåt.", "En minut senare."]
        for number, text in enumerate(texts):
            repo.reflections.save(
                ReflectionDraft(
                    f"r{number}", session.uuid, engine.current_key or "", ReflectionKind.NOTE, text
                )
            )
            if number == 0:
                clock.jump_wall(-3600)
            clock.advance(60)
        kept = repo.reflections.for_session(session.uuid)
    assert sorted(r.text for r in kept) == sorted(texts)
    controller.end()
