"""A talk with phases on the engine: each boundary reported once at its second, skipping a phase,
extensions, and a crash in between."""

from __future__ import annotations

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.content.kinds import DiscussionFormat, StepKind
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.errors import IllegalTransitionError
from facilitator.core.session.events import EngineEvent, PhaseChanged
from facilitator.core.session.phases import PhaseKind
from tests.core.session.builders import clock_at, plan_of, step

ONE_TWO_FOUR_ALL = DiscussionFormat.ONE_TWO_FOUR_ALL


def talk(minutes: int, fmt: DiscussionFormat = ONE_TWO_FOUR_ALL) -> tuple[FakeClock, SessionEngine]:
    clock = clock_at()
    plan = plan_of(
        step("talk", minutes, format=fmt),
        step("after", 5, StepKind.TEXT),
    )
    engine = SessionEngine(plan, clock)
    engine.start()
    return clock, engine


def phase_events(clock: FakeClock, engine: SessionEngine, seconds: int) -> list[tuple[int, int]]:
    """(second, phase index) for each phase change in the next `seconds`, polled every second."""
    seen: list[tuple[int, int]] = []
    for second in range(1, seconds + 1):
        clock.advance(1)
        seen += [(second, e.index) for e in engine.poll() if isinstance(e, PhaseChanged)]
    return seen


def kind_now(engine: SessionEngine) -> PhaseKind:
    position = engine.status().phase_position
    assert position is not None
    return position.current.kind


def test_each_boundary_is_reported_once_at_its_second() -> None:
    clock, engine = talk(12)
    assert kind_now(engine) is PhaseKind.ALONE

    assert phase_events(clock, engine, 800) == [(60, 1), (180, 2), (420, 3)]


def test_the_phases_scale_to_the_planned_minutes() -> None:
    clock, engine = talk(10)

    assert phase_events(clock, engine, 600) == [(60, 1), (180, 2), (360, 3)]


def test_a_pair_talk_cues_the_switch_halfway_through_the_pairs() -> None:
    clock, engine = talk(12, DiscussionFormat.PAIRS)

    assert phase_events(clock, engine, 240) == [(240, 1)]
    assert kind_now(engine) is PhaseKind.SECOND_TURN


def test_skipping_starts_the_next_phase_now_with_its_full_length() -> None:
    clock, engine = talk(12)
    clock.advance(20)

    engine.skip_phase()

    assert engine.poll() == [PhaseChanged("talk", 1)]
    assert kind_now(engine) is PhaseKind.PAIRS
    # Pairs keep their two minutes from second 20, fours their four; the whole group gets the
    # forty seconds saved and the step still ends on time.
    assert phase_events(clock, engine, 800) == [(120, 2), (360, 3)]
    position = engine.status().phase_position
    assert position is not None
    assert (position.current.start, position.current.end) == (380, 720)


def test_there_is_nothing_to_skip_in_the_last_phase_or_in_a_talk_without_phases() -> None:
    clock, engine = talk(12)
    clock.advance(500)
    engine.poll()
    with pytest.raises(IllegalTransitionError):
        engine.skip_phase()

    _clock, plain = talk(10, DiscussionFormat.WHOLE_GROUP)
    assert plain.status().phase_position is None
    with pytest.raises(IllegalTransitionError):
        plain.skip_phase()


def test_an_extension_lengthens_the_talk_without_moving_the_room_back() -> None:
    # Six minutes: alone 1, pairs 1, fours 2, all 2. Seven would be 1, 2, 2, 2: laid out
    # afresh, second 150 would be back in pairs.
    clock, engine = talk(6)
    assert phase_events(clock, engine, 150) == [(60, 1), (120, 2)]

    engine.extend(1)

    assert kind_now(engine) is PhaseKind.FOURS
    assert phase_events(clock, engine, 400) == [(90, 3)]  # fours end at 240, as they would have
    assert engine.status().step_planned_seconds == 7 * 60


def test_an_extension_goes_to_the_whole_group_once_the_fixed_phases_are_full() -> None:
    clock, engine = talk(12)
    clock.advance(200)
    engine.extend(1)

    position = engine.status().phase_position
    assert position is not None
    assert [(p.kind, p.minutes) for p in position.phases][2:] == [
        (PhaseKind.FOURS, 4),
        (PhaseKind.ALL, 6),
    ]


def test_no_phase_changes_while_paused_and_a_left_talk_keeps_its_place() -> None:
    clock, engine = talk(12)
    clock.advance(50)
    engine.pause()
    assert phase_events(clock, engine, 300) == []
    engine.resume()
    assert phase_events(clock, engine, 10) == [(10, 1)]

    engine.skip_phase()  # into fours at second 60
    engine.next()
    clock.advance(120)
    engine.back()
    assert kind_now(engine) is PhaseKind.FOURS
    assert [e for e in engine.poll() if isinstance(e, PhaseChanged)] == [PhaseChanged("talk", 2)]
    assert phase_events(clock, engine, 300) == [(240, 3)]


def test_a_skip_survives_a_crash() -> None:
    clock, engine = talk(12)
    clock.advance(20)
    engine.skip_phase()
    state = engine.to_state()

    clock.advance(600)  # the laptop is off: that counts as a pause
    restored = SessionEngine.restore(engine.initial_plan, clock, state)

    events: list[EngineEvent] = restored.poll()
    assert events == [PhaseChanged("talk", 1)]  # the cue not yet given, given now
    assert kind_now(restored) is PhaseKind.PAIRS
    assert phase_events(clock, restored, 800) == [(120, 2), (360, 3)]


def test_a_state_saved_before_talks_had_phases_still_loads() -> None:
    clock, engine = talk(12)
    clock.advance(200)
    engine.poll()
    state = engine.to_state()
    for record in state["steps"].values():
        del record["phase_ends"]

    restored = SessionEngine.restore(engine.initial_plan, clock, state)

    assert kind_now(restored) is PhaseKind.FOURS
    # The boundaries passed are found again from the time, and reported once.
    assert [e for e in restored.poll() if isinstance(e, PhaseChanged)] == [
        PhaseChanged("talk", 1),
        PhaseChanged("talk", 2),
    ]
    assert restored.poll() == []


def test_damaged_phase_ends_are_refused() -> None:
    clock, engine = talk(12)
    clock.advance(200)
    engine.poll()
    state = engine.to_state()
    state["steps"]["talk"]["phase_ends"] = [180.0, 60.0]

    with pytest.raises(ValueError, match="phase ends"):
        SessionEngine.restore(engine.initial_plan, clock, state)
