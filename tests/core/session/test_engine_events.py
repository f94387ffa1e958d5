from __future__ import annotations

from facilitator.core.clock import FakeClock
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.events import EngineEvent, LastMinute, StepTimeUp
from tests.core.session.builders import clock_at, plan_of, step, three_steps


def run_in_ticks(clock: FakeClock, engine: SessionEngine, seconds: int) -> list[EngineEvent]:
    events: list[EngineEvent] = []
    for _tick in range(seconds):
        clock.advance(1)
        events += engine.poll()
    return events


def started(clock: FakeClock) -> SessionEngine:
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    return engine


def test_last_minute_and_time_up_fire_once_each_at_the_right_moment() -> None:
    clock = clock_at()
    engine = started(clock)

    assert run_in_ticks(clock, engine, 239) == []
    assert run_in_ticks(clock, engine, 1) == [LastMinute("intro")]
    assert run_in_ticks(clock, engine, 59) == []
    assert run_in_ticks(clock, engine, 1) == [StepTimeUp("intro")]
    assert run_in_ticks(clock, engine, 600) == []


def test_a_poll_after_a_long_gap_reports_only_that_time_ran_out() -> None:
    clock = clock_at()
    engine = started(clock)

    clock.advance(400)

    assert engine.poll() == [StepTimeUp("intro")]
    assert engine.poll() == []


def test_time_running_out_just_before_moving_on_is_still_reported_once() -> None:
    clock = clock_at()
    engine = started(clock)
    clock.advance(301)

    engine.next()

    assert engine.poll() == [StepTimeUp("intro")]
    assert run_in_ticks(clock, engine, 10) == []


def test_no_events_while_paused() -> None:
    clock = clock_at()
    engine = started(clock)
    clock.advance(200)
    engine.pause()

    assert run_in_ticks(clock, engine, 600) == []
    engine.resume()
    assert run_in_ticks(clock, engine, 100) == [LastMinute("intro"), StepTimeUp("intro")]


def test_an_extension_in_overtime_fires_again_when_the_new_time_runs_out() -> None:
    clock = clock_at()
    engine = started(clock)
    assert StepTimeUp("intro") in run_in_ticks(clock, engine, 330)

    engine.extend(2)  # 30 s over → 90 s left

    assert engine.poll() == []
    assert run_in_ticks(clock, engine, 30) == [LastMinute("intro")]
    assert run_in_ticks(clock, engine, 60) == [StepTimeUp("intro")]


def test_an_extension_that_does_not_cover_the_overtime_fires_nothing() -> None:
    clock = clock_at()
    engine = started(clock)
    run_in_ticks(clock, engine, 500)

    engine.extend(1)

    assert run_in_ticks(clock, engine, 60) == []


def test_revisiting_a_step_that_ran_out_does_not_cue_again() -> None:
    clock = clock_at()
    engine = started(clock)
    run_in_ticks(clock, engine, 310)
    engine.next()
    engine.back()

    assert run_in_ticks(clock, engine, 60) == []


def test_a_step_of_a_minute_or_less_gets_no_last_minute_warning() -> None:
    clock = clock_at()
    engine = SessionEngine(plan_of(step("quick", 1), step("rest", 5)), clock)
    engine.start()

    assert run_in_ticks(clock, engine, 61) == [StepTimeUp("quick")]


def test_each_step_gets_its_own_events() -> None:
    clock = clock_at()
    engine = started(clock)
    events = run_in_ticks(clock, engine, 300)
    engine.next()
    events += run_in_ticks(clock, engine, 600)

    assert events == [
        LastMinute("intro"),
        StepTimeUp("intro"),
        LastMinute("film"),
        StepTimeUp("film"),
    ]


def test_ending_in_the_last_minute_reports_the_crossing_and_nothing_after() -> None:
    clock = clock_at()
    engine = started(clock)
    clock.advance(250)
    engine.end()
    clock.advance(600)

    assert engine.poll() == [LastMinute("intro")]
    assert engine.poll() == []
