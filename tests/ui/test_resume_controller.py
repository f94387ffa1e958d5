"""Resume after a crash finds interrupted sessions, but never the one running right now."""

from __future__ import annotations

from facilitator.core.clock import SystemClock
from facilitator.core.paths import resolve_paths
from facilitator.core.storage.records import SessionLifecycle
from facilitator.ui.console.resume import ResumeController
from facilitator.ui.session_store import SessionStore
from facilitator.ui.tasks import BackgroundTasks


def open_store(qtbot) -> SessionStore:
    paths = resolve_paths()
    paths.ensure()
    store = SessionStore(paths, BackgroundTasks())
    with qtbot.waitSignal(store.opened, timeout=20_000):
        store.open()
    return store


def test_the_live_session_is_not_offered_for_resume(qtbot) -> None:
    store = open_store(qtbot)
    live = store.repository().sessions.create(title="Pågår nu", plan_json="{}", modules=())
    store.repository().sessions.set_status(live.uuid, SessionLifecycle.RUNNING)
    resume = ResumeController(store, SystemClock(), lambda m, v: None, lambda: live.uuid)
    with qtbot.waitSignal(resume.nothing_found, timeout=10_000):
        resume.look()
    store.close()


def test_an_interrupted_session_is_found(qtbot) -> None:
    store = open_store(qtbot)
    old = store.repository().sessions.create(title="Igår", plan_json="{}", modules=())
    store.repository().sessions.set_status(old.uuid, SessionLifecycle.RUNNING)
    resume = ResumeController(store, SystemClock(), lambda m, v: None)
    with qtbot.waitSignal(resume.found, timeout=10_000) as found:
        resume.look()
    assert found.args[0].record.uuid == old.uuid
    store.close()
