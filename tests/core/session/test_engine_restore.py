from __future__ import annotations

import json
from datetime import timedelta

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.events import StepTimeUp
from facilitator.core.session.json_fields import FormatError, JsonDict
from facilitator.core.session.landing import propose_landing
from facilitator.core.session.status import SessionState
from tests.core.session.builders import AFTERNOON, clock_at, plan_of, step, three_steps


def through_json(state: JsonDict) -> JsonDict:
    loaded: JsonDict = json.loads(json.dumps(state))
    return loaded


def crash_and_restart(engine: SessionEngine, dead_seconds: float) -> tuple[FakeClock, JsonDict]:
    """The saved state and a new process's clock: a fresh monotonic origin, later wall time."""
    state = through_json(engine.to_state())
    later = engine.status().now + timedelta(seconds=dead_seconds)
    return FakeClock(later), state


def test_restore_mid_step_continues_with_the_times_as_they_were() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(300)
    engine.next()
    clock.advance(130)
    engine.extend(1)
    clock.advance(20)

    new_clock, state = crash_and_restart(engine, dead_seconds=240)
    restored = SessionEngine.restore(three_steps(), new_clock, state)

    before, after = engine.status(), restored.status()
    assert restored.state is SessionState.RUNNING
    assert restored.current_key == "film"
    assert after.step_elapsed_seconds == before.step_elapsed_seconds == 150
    assert after.step_remaining_seconds == before.step_remaining_seconds
    assert restored.runs == engine.runs
    # The four dead minutes count as a pause: the step keeps its time, the session is later.
    assert after.paused_seconds == 240
    assert after.session_elapsed_seconds == before.session_elapsed_seconds + 240
    assert after.planned_end == before.planned_end == AFTERNOON + timedelta(minutes=25)
    assert after.behind_seconds == before.behind_seconds + 240

    new_clock.advance(30)
    assert restored.status().step_elapsed_seconds == 180


def test_a_paused_session_comes_back_paused() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(100)
    engine.pause()
    clock.advance(50)

    new_clock, state = crash_and_restart(engine, dead_seconds=60)
    restored = SessionEngine.restore(three_steps(), new_clock, state)
    new_clock.advance(30)

    status = restored.status()
    assert status.state is SessionState.PAUSED
    assert status.step_elapsed_seconds == 100
    assert status.paused_seconds == 50 + 60 + 30


def test_a_wall_clock_that_went_backwards_while_dead_adds_no_negative_time() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(100)

    new_clock, state = crash_and_restart(engine, dead_seconds=-3600)
    restored = SessionEngine.restore(three_steps(), new_clock, state)

    assert restored.status().session_elapsed_seconds == 100
    assert restored.status().paused_seconds == 0


def test_a_crossing_not_yet_polled_is_reported_after_restore() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(301)  # ran out, but the UI had not polled before the crash

    new_clock, state = crash_and_restart(engine, dead_seconds=10)
    restored = SessionEngine.restore(three_steps(), new_clock, state)

    assert restored.poll() == [StepTimeUp("intro")]
    assert restored.poll() == []


def test_applied_landings_are_replayed_on_the_original_plan() -> None:
    plan = plan_of(step("a", 10), step("b", 20), step("c", 20), step("d", 10, optional=True))
    clock = clock_at()
    engine = SessionEngine(plan, clock)
    engine.start()
    clock.advance(20 * 60)
    proposal = propose_landing(engine.status(), engine.plan)
    assert proposal is not None
    engine.apply(proposal)

    new_clock, state = crash_and_restart(engine, dead_seconds=5)
    restored = SessionEngine.restore(plan, new_clock, state)

    assert restored.plan == engine.plan != plan
    assert restored.landings == engine.landings


def test_an_ended_session_restores_as_ended_with_its_totals() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(700)
    engine.end()

    new_clock, state = crash_and_restart(engine, dead_seconds=86400)
    restored = SessionEngine.restore(three_steps(), new_clock, state)

    assert restored.status() == engine.status()


def test_a_state_for_another_plan_or_a_damaged_state_is_refused() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    state = through_json(engine.to_state())

    with pytest.raises(FormatError, match="not in the plan"):
        SessionEngine.restore(plan_of(step("other", 5)), clock, state)
    with pytest.raises(FormatError, match="schema_version"):
        SessionEngine.restore(three_steps(), clock, {**state, "schema_version": 2})
    with pytest.raises(FormatError, match="state"):
        SessionEngine.restore(three_steps(), clock, {**state, "state": "dancing"})
    with pytest.raises(FormatError, match="session_elapsed"):
        SessionEngine.restore(three_steps(), clock, {**state, "session_elapsed": None})
