"""A pair talk's phases through the session service: what the room and the leader read, the
one cue per boundary, the leader's skip, and the skip still there after a crash."""

from __future__ import annotations

from facilitator.core.application.resume import SessionResumer
from facilitator.core.application.storage_gateway import InterruptedSession
from facilitator.core.session.events import PhaseChanged
from tests.core.application.rig import example_plan, fake_clock, open_storage, sessions

TALK = "exempel-modul/samtal-1"  # a pair talk of ten minutes: 3 + 3 each, then 4 together


def test_a_pair_talk_runs_in_phases_that_the_leader_can_skip() -> None:
    storage = open_storage()
    clock = fake_clock()
    plan, modules = example_plan()
    service = sessions(storage, clock).begin(plan, modules)
    changes: list[PhaseChanged] = []
    service.phase_changed.connect(changes.append)
    service.jump(TALK)

    view = service.view
    assert view is not None
    assert view.card.meta == "Nu: i par, den ena berättar · 3 min"
    assert view.console.phase_now == "Nu: i par, den ena berättar · 3:00 kvar (del 1 av 3)"
    assert view.console.phase_next == "Sedan: i par, byt: den andra berättar · 3 min"

    clock.advance(179)
    service.tick()
    assert changes == []
    clock.advance(1)
    service.tick()
    service.tick()
    assert changes == [PhaseChanged(TALK, 1)]
    assert service.view is not None
    assert service.view.card.meta == "Nu: i par, byt: den andra berättar · 3 min"

    clock.advance(20)
    service.skip_phase()  # the pairs are done: gather now, with the time saved

    assert changes == [PhaseChanged(TALK, 1), PhaseChanged(TALK, 2)]
    assert service.view is not None
    assert service.view.card.meta == "Nu: i hela gruppen · 7 min"
    assert service.view.console.phase_next == ""
    service.skip_phase()  # nothing after the last phase: ignored, as Back on the first step
    assert len(changes) == 2

    # The process dies here; the skip was saved with the step.
    resumer = SessionResumer(storage, sessions(storage, clock), clock, lambda m, v: modules.get(m))
    found: list[InterruptedSession | None] = []
    resumer.found.connect(found.append)
    resumer.look()
    assert found[0] is not None
    resumed = resumer.resume(found[0])
    assert resumed is not None and resumed.view is not None
    assert resumed.view.card.meta == "Nu: i hela gruppen · 7 min"


def test_a_step_without_phases_shows_its_format_line() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    service.jump("exempel-modul/isberget")  # an activity in small groups

    assert service.view is not None
    assert service.view.card.meta == "Samtal i smågrupper · 15 min"
    assert service.view.console.phase_now == ""
