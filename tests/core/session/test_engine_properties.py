"""Whatever a leader (or a clicker with a stuck key) does, the engine stays consistent."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.core.clock import FakeClock
from facilitator.core.content.kinds import StepKind
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.errors import SessionError
from facilitator.core.session.landing import propose_landing
from facilitator.core.session.plan import SessionPlan
from tests.core.session.builders import clock_at, plan_of, step

KEYS = ["a", "b", "c", "d", "e", "ghost"]


def the_plan() -> SessionPlan:
    return plan_of(
        step("a", 5),
        step("b", 3, StepKind.FILM),
        step("c", 10, optional=True),
        step("d", 1, skipped=True),
        step("e", 8),
    )


class World:
    def __init__(self) -> None:
        self.plan = the_plan()
        self.clock = clock_at()
        self.engine = SessionEngine(self.plan, self.clock)

    def restart(self, dead_seconds: float) -> None:
        state = json.loads(json.dumps(self.engine.to_state()))
        self.clock = FakeClock(self.engine.status().now + timedelta(seconds=dead_seconds))
        self.engine = SessionEngine.restore(self.plan, self.clock, state)

    def land(self) -> None:
        proposal = propose_landing(self.engine.status(), self.engine.plan)
        if proposal is not None:
            self.engine.apply(proposal)


Operation = tuple[str, Callable[[World], object]]

operations: st.SearchStrategy[Operation] = st.one_of(
    st.just(("start", lambda w: w.engine.start())),
    st.just(("next", lambda w: w.engine.next())),
    st.just(("back", lambda w: w.engine.back())),
    st.just(("pause", lambda w: w.engine.pause())),
    st.just(("resume", lambda w: w.engine.resume())),
    st.just(("end", lambda w: w.engine.end())),
    st.just(("poll", lambda w: w.engine.poll())),
    st.just(("land", lambda w: w.land())),
    st.sampled_from(KEYS).map(lambda k: (f"jump {k}", lambda w: w.engine.jump(k))),
    st.integers(-1, 5).map(lambda m: (f"extend {m}", lambda w: w.engine.extend(m))),
    st.floats(0, 900).map(lambda s: (f"advance {s}", lambda w: w.clock.advance(s))),
    st.floats(-7200, 7200).map(lambda s: (f"wall {s}", lambda w: w.clock.jump_wall(s))),
    st.floats(-600, 3600).map(lambda s: (f"restart {s}", lambda w: w.restart(s))),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(operations, max_size=40))
def test_random_operations_keep_the_engine_consistent(ops: list[Operation]) -> None:
    world = World()
    for _name, operation in ops:
        with contextlib.suppress(SessionError):
            operation(world)
        status = world.engine.status()
        runs = world.engine.runs
        assert all(run.actual_seconds >= 0 for run in runs)
        assert status.step_elapsed_seconds >= 0
        assert 0 <= status.paused_seconds <= status.session_elapsed_seconds + 1e-6
        assert sum(run.actual_seconds for run in runs) <= status.session_elapsed_seconds + 1e-6
        assert all(run.planned_seconds >= 0 for run in runs)


@settings(max_examples=100, deadline=None)
@given(st.lists(operations, max_size=30))
def test_events_are_never_reported_twice(ops: list[Operation]) -> None:
    world = World()
    for _name, operation in ops:
        with contextlib.suppress(SessionError):
            operation(world)
        world.engine.poll()
        assert world.engine.poll() == []
