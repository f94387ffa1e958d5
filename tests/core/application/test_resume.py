"""Resume after a crash finds interrupted sessions, but never the one running right now."""

from __future__ import annotations

from facilitator.core.application.resume import SessionResumer, current_step_title
from facilitator.core.application.storage_gateway import InterruptedSession
from facilitator.core.storage.records import ReflectionKind
from tests.core.application.rig import example_plan, fake_clock, open_storage, sessions


def test_the_live_session_is_not_offered_for_resume() -> None:
    storage = open_storage()
    running = sessions(storage)
    plan, modules = example_plan()
    running.begin(plan, modules)
    resumer = SessionResumer(storage, running, fake_clock(), lambda m, v: None)
    found: list[InterruptedSession | None] = []
    resumer.found.connect(found.append)
    resumer.look()
    assert found == [None]


def test_an_interrupted_session_is_found_and_continues_where_it_was() -> None:
    storage = open_storage()
    clock = fake_clock()
    first = sessions(storage, clock)
    plan, modules = example_plan()
    service = first.begin(plan, modules)
    service.next()
    service.reflections.submit(ReflectionKind.NOTE, "Vi minns")
    key = service.engine.current_key
    # The process dies here: nothing more is written. A new start looks for it.
    second = sessions(storage, clock)
    resumer = SessionResumer(storage, second, clock, lambda m, v: modules.get(m))
    found: list[InterruptedSession | None] = []
    resumer.found.connect(found.append)
    resumer.look()
    assert found[0] is not None and found[0].record.uuid == service.session_uuid
    assert found[0].reflections == 1
    assert current_step_title(found[0].record) == plan.step(key).title
    resumed = resumer.resume(found[0])
    assert resumed is not None and resumed.engine.current_key == key
    assert [r.text for r in resumed.reflections.records()] == ["Vi minns"]


def test_a_resumed_rehearsal_is_still_a_rehearsal() -> None:
    storage = open_storage()
    clock = fake_clock()
    plan, modules = example_plan()
    service = sessions(storage, clock).begin(plan, modules, rehearsal=True)
    service.next()
    second = sessions(storage, clock)
    resumer = SessionResumer(storage, second, clock, lambda m, v: modules.get(m))
    found: list[InterruptedSession | None] = []
    resumer.found.connect(found.append)
    resumer.look()
    assert found[0] is not None and found[0].record.rehearsal
    resumed = resumer.resume(found[0])
    assert resumed is not None and resumed.rehearsal
