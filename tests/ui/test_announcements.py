"""What a screen reader hears without the leader's focus moving (issue 17, status messages):
a new step, the last minute, time up and a failed save are announced once each, and the
countdown is named "Tid kvar" and given whole minutes, so it does not speak every second."""

from __future__ import annotations

from PySide6.QtGui import QAccessible

from tests.ui.session_fixtures import build_session


def test_step_change_last_minute_and_time_up_are_announced_once(qtbot) -> None:
    QAccessible.setActive(True)  # as when a screen reader runs: events reach the bridge
    try:
        _m, clock, engine, console, _p, rig, _cues = build_session(qtbot)
        rig.start()
        said = console.announcer.said
        assert said[-1].startswith("Nytt steg: ")
        clock.advance(engine.status().step_remaining_seconds - 50)  # into the last minute
        for _ in range(5):
            rig.service.tick()
            clock.advance(1)
        assert said.count("Sista minuten av steget") == 1
        clock.advance(60)
        for _ in range(5):
            rig.service.tick()
            clock.advance(1)
        assert said.count("Tiden för steget är slut") == 1
        assert console.countdown.accessibleName() == "Tid kvar"
        rig.next()
        assert said[-1].startswith("Nytt steg: ")
        assert console.countdown.accessibleDescription().endswith("min")
    finally:
        QAccessible.setActive(False)


def test_a_notice_such_as_a_failed_save_is_announced(qtbot) -> None:
    _m, _clock, _engine, console, _p, rig, _cues = build_session(qtbot)
    rig.start()
    console.notices.post("storage", "Det gick inte att spara just nu.")
    assert console.notices.announcer.said[-1] == "Det gick inte att spara just nu."


def test_the_countdown_description_changes_once_a_minute(qtbot) -> None:
    _m, clock, _engine, console, _p, rig, _cues = build_session(qtbot)
    rig.start()
    seen: set[str] = set()
    for _ in range(30):
        clock.advance(1)
        rig.service.tick()
        seen.add(console.countdown.accessibleDescription())
    assert len(seen) <= 2  # thirty seconds cross at most one minute boundary
