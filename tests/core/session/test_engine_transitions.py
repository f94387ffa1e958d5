from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.errors import (
    IllegalTransitionError,
    SessionError,
    UnknownStepError,
)
from facilitator.core.session.status import SessionState
from tests.core.session.builders import clock_at, plan_of, step, three_steps


def engine_in(state: SessionState) -> SessionEngine:
    engine = SessionEngine(three_steps(), clock_at())
    if state is not SessionState.NOT_STARTED:
        engine.start()
    if state is SessionState.PAUSED:
        engine.pause()
    if state is SessionState.ENDED:
        engine.end()
    return engine


def test_a_new_engine_has_not_started_and_shows_the_first_step_as_next() -> None:
    engine = SessionEngine(three_steps(), clock_at())

    status = engine.status()

    assert status.state is SessionState.NOT_STARTED
    assert status.current_step is None
    assert status.next_step is not None and status.next_step.key == "intro"
    assert engine.current_key is None


def test_the_full_life_of_a_session() -> None:
    engine = engine_in(SessionState.NOT_STARTED)

    engine.start()
    assert (engine.state, engine.current_key) == (SessionState.RUNNING, "intro")
    engine.pause()
    assert engine.status().state is SessionState.PAUSED
    engine.resume()
    assert engine.status().state is SessionState.RUNNING
    engine.next()
    engine.next()
    assert engine.current_key == "pairs"
    assert engine.status().next_step is None
    engine.back()
    assert engine.current_key == "film"
    engine.jump("intro")
    assert engine.current_key == "intro"
    engine.end()
    assert engine.status().state is SessionState.ENDED
    assert engine.current_key is None


def test_the_paused_session_can_end() -> None:
    engine = engine_in(SessionState.PAUSED)

    engine.end()

    assert engine.state is SessionState.ENDED


def test_moving_while_paused_stays_paused() -> None:
    engine = engine_in(SessionState.PAUSED)

    engine.next()
    engine.jump("pairs")
    engine.back()

    assert (engine.state, engine.current_key) == (SessionState.PAUSED, "film")


Action = Callable[[SessionEngine], object]

ILLEGAL: list[tuple[SessionState, str, Action]] = [
    (SessionState.NOT_STARTED, "next", lambda e: e.next()),
    (SessionState.NOT_STARTED, "back", lambda e: e.back()),
    (SessionState.NOT_STARTED, "jump", lambda e: e.jump("film")),
    (SessionState.NOT_STARTED, "pause", lambda e: e.pause()),
    (SessionState.NOT_STARTED, "resume", lambda e: e.resume()),
    (SessionState.NOT_STARTED, "extend", lambda e: e.extend(2)),
    (SessionState.NOT_STARTED, "skip_phase", lambda e: e.skip_phase()),
    (SessionState.NOT_STARTED, "end", lambda e: e.end()),
    (SessionState.RUNNING, "start", lambda e: e.start()),
    (SessionState.RUNNING, "resume", lambda e: e.resume()),
    (SessionState.PAUSED, "start", lambda e: e.start()),
    (SessionState.PAUSED, "pause", lambda e: e.pause()),
    (SessionState.ENDED, "start", lambda e: e.start()),
    (SessionState.ENDED, "next", lambda e: e.next()),
    (SessionState.ENDED, "back", lambda e: e.back()),
    (SessionState.ENDED, "jump", lambda e: e.jump("film")),
    (SessionState.ENDED, "pause", lambda e: e.pause()),
    (SessionState.ENDED, "resume", lambda e: e.resume()),
    (SessionState.ENDED, "extend", lambda e: e.extend(2)),
    (SessionState.ENDED, "skip_phase", lambda e: e.skip_phase()),
    (SessionState.ENDED, "end", lambda e: e.end()),
]


@pytest.mark.parametrize(
    ("state", "action"),
    [(state, action) for state, _name, action in ILLEGAL],
    ids=[f"{state.value}-{name}" for state, name, _action in ILLEGAL],
)
def test_illegal_transitions_raise_and_change_nothing(state: SessionState, action: Action) -> None:
    engine = engine_in(state)
    before = engine.to_state()

    with pytest.raises(IllegalTransitionError):
        action(engine)

    assert engine.state is state
    assert engine.to_state() == before


def test_next_on_the_last_step_and_back_on_the_first_are_illegal() -> None:
    engine = engine_in(SessionState.RUNNING)

    with pytest.raises(IllegalTransitionError, match="first step"):
        engine.back()
    engine.jump("pairs")
    with pytest.raises(IllegalTransitionError, match="last step"):
        engine.next()
    assert engine.current_key == "pairs"


def test_next_and_back_pass_over_skipped_steps() -> None:
    engine = SessionEngine(three_steps().set_skipped("film", True), clock_at())
    engine.start()

    engine.next()
    assert engine.current_key == "pairs"
    engine.back()
    assert engine.current_key == "intro"


def test_the_session_starts_on_the_first_active_step() -> None:
    engine = SessionEngine(three_steps().set_skipped("intro", True), clock_at())

    engine.start()

    assert engine.current_key == "film"


def test_jump_to_an_unknown_or_skipped_step_is_refused() -> None:
    engine = SessionEngine(three_steps().set_skipped("film", True), clock_at())
    engine.start()

    with pytest.raises(UnknownStepError):
        engine.jump("nope")
    with pytest.raises(UnknownStepError):
        engine.jump("film")
    assert engine.current_key == "intro"


def test_jump_to_the_current_step_does_nothing() -> None:
    engine = engine_in(SessionState.RUNNING)

    engine.jump("intro")

    assert engine.runs[0].visited_count == 1


def test_a_plan_with_nothing_to_run_cannot_start() -> None:
    engine = SessionEngine(plan_of(step("a", 5, skipped=True)), clock_at())

    with pytest.raises(IllegalTransitionError):
        engine.start()


def test_an_extension_must_be_positive() -> None:
    engine = engine_in(SessionState.RUNNING)

    with pytest.raises(SessionError):
        engine.extend(0)


def test_the_declared_errors_share_one_base() -> None:
    assert issubclass(IllegalTransitionError, SessionError)
    assert issubclass(UnknownStepError, SessionError)
