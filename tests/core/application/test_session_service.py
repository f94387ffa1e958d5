"""The running session as the service owns it: what Next means where, what the console says,
and that the run sheet and the notes follow the session."""

from __future__ import annotations

from facilitator.core.application.presentation import SessionView
from facilitator.core.storage.records import SessionLifecycle
from tests.core.application.rig import example_plan, fake_clock, open_storage, sessions


def _session(plan_change=None):  # type: ignore[no-untyped-def]
    storage = open_storage()
    plan, modules = example_plan()
    if plan_change is not None:
        plan = plan_change(plan)
    clock = fake_clock()
    service = sessions(storage, clock).begin(plan, modules)
    views: list[SessionView] = []
    service.view_changed.connect(views.append)
    return service, views, storage, clock


def _view(service) -> SessionView:  # type: ignore[no-untyped-def]
    assert service.view is not None
    return service.view


def test_next_on_the_last_step_ends_the_session_as_the_footer_promises() -> None:
    service, views, storage, _clock = _session()
    steps = service.engine.plan.active_steps
    for _ in steps[1:]:
        service.next()
    assert service.engine.current_key == steps[-1].key
    assert _view(service).console.next_step == "Nästa: avslutning av sessionen"
    ended: list[None] = []
    service.ended.connect(ended.append)
    service.next()
    assert ended == [None] and not service.is_running
    details = []
    storage.session_detail(service.session_uuid, details.append)
    assert details[0].record.status == SessionLifecycle.FINISHED


def test_next_at_a_films_pause_question_asks_the_film_to_play_on() -> None:
    service, views, _storage, _clock = _session()
    service.jump("exempel-modul/film")
    resumed: list[None] = []
    service.film_resume.connect(resumed.append)
    service.film_question("Känner ni igen er?")
    assert _view(service).card.body == "Känner ni igen er?"
    service.next()
    assert resumed == [None] and service.engine.current_key == "exempel-modul/film"
    service.film_playing()
    service.film_finished()  # the end: now Next goes on
    service.next()
    assert service.engine.current_key != "exempel-modul/film"


def test_one_more_minute_shows_in_the_run_sheet() -> None:
    service, views, _storage, _clock = _session()
    first = _view(service).console.plan[0].text
    service.extend(1)
    after = _view(service).console.plan[0].text
    minutes = int(first.rsplit("·", 1)[1].split()[0])
    assert after.endswith(f"· {minutes + 1} min")


def test_a_break_shows_no_notes_of_the_step_before() -> None:
    service, views, _storage, _clock = _session(
        lambda plan: plan.insert_break(plan.active_steps[0].key, 10)
    )
    assert _view(service).console.notes_markdown  # the welcome has notes
    service.next()
    assert service.engine.current_key.startswith("break-")
    assert _view(service).console.notes_markdown == ""


def test_the_pause_is_said_in_the_view() -> None:
    service, views, _storage, _clock = _session()
    service.toggle_pause()
    assert _view(service).console.paused
    service.toggle_pause()
    assert not _view(service).console.paused
