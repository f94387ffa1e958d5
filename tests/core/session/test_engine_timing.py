from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from facilitator.core.content.kinds import StepKind
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.events import StepTimeUp
from facilitator.core.session.status import SessionState, StepPhase, StepRun
from tests.core.session.builders import (
    AFTERNOON,
    STOCKHOLM_WINTER,
    clock_at,
    plan_of,
    step,
    three_steps,
)


def runs_by_key(engine: SessionEngine) -> dict[str, StepRun]:
    return {run.key: run for run in engine.runs}


def test_a_fresh_step_counts_down_from_its_planned_time() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()

    clock.advance(90)
    status = engine.status()

    assert status.step_planned_seconds == 300
    assert status.step_elapsed_seconds == 90
    assert status.step_remaining_seconds == 210
    assert status.phase is StepPhase.NORMAL
    assert status.session_elapsed_seconds == 90


def test_next_back_and_jump_keep_each_steps_actual_time() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(200)
    engine.next()
    clock.advance(600)
    engine.jump("pairs")
    clock.advance(120)
    engine.back()
    clock.advance(30)
    engine.jump("intro")
    clock.advance(10)

    runs = runs_by_key(engine)

    assert runs["intro"].actual_seconds == 210
    assert runs["film"].actual_seconds == 630
    assert runs["pairs"].actual_seconds == 120
    assert [runs[k].visited_count for k in ("intro", "film", "pairs")] == [2, 2, 1]
    assert engine.status().step_remaining_seconds == 300 - 210


def test_a_revisited_step_continues_its_countdown() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(100)
    engine.next()
    clock.advance(5)
    engine.back()

    assert engine.status().step_remaining_seconds == 200


def test_wall_times_of_a_step_are_recorded_when_entered_and_left() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(300)
    engine.next()

    runs = runs_by_key(engine)

    assert runs["intro"].started_at == AFTERNOON
    assert runs["intro"].ended_at == AFTERNOON + timedelta(minutes=5)
    assert runs["film"].started_at == AFTERNOON + timedelta(minutes=5)
    assert runs["film"].ended_at is None
    assert runs["pairs"].started_at is None


def test_paused_time_does_not_count_toward_the_step() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(60)
    engine.pause()
    clock.advance(600)

    paused = engine.status()
    assert paused.step_elapsed_seconds == 60
    assert paused.paused_seconds == 600
    assert paused.session_elapsed_seconds == 660

    engine.resume()
    clock.advance(30)
    status = engine.status()
    assert status.step_elapsed_seconds == 90
    assert status.paused_seconds == 600
    # The group lost ten minutes to the pause: the session is now that much behind.
    assert status.minutes_behind == 10


def test_a_step_entered_while_paused_starts_counting_on_resume() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    engine.pause()
    engine.next()
    clock.advance(120)
    engine.resume()
    clock.advance(45)

    assert runs_by_key(engine)["film"].actual_seconds == 45
    assert runs_by_key(engine)["intro"].actual_seconds == 0


def test_extend_gives_the_current_step_more_time_and_is_recorded() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(280)

    engine.extend(2)

    status = engine.status()
    assert status.step_planned_seconds == 420
    assert status.step_remaining_seconds == 140
    assert status.phase is StepPhase.NORMAL
    intro = runs_by_key(engine)["intro"]
    assert (intro.planned_seconds, intro.extended_seconds) == (420, 120)
    assert status.minutes_behind == 2


def test_overtime_shows_as_negative_remaining_and_is_never_capped() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()

    clock.advance(299)
    assert engine.status().phase is StepPhase.LAST_MINUTE
    clock.advance(1)
    assert engine.status().phase is StepPhase.OVERTIME
    clock.advance(150)
    status = engine.status()

    assert status.step_remaining_seconds == -150
    assert status.overtime_seconds == 150
    # Projected end: the current step could end now, then the two later steps as planned.
    assert status.projected_end == status.now + timedelta(minutes=20)
    assert status.planned_end == AFTERNOON + timedelta(minutes=25)
    assert status.behind_seconds == 150


def test_ahead_of_plan_is_negative_behind() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(60)
    engine.next()

    assert engine.status().minutes_behind == -4


def test_a_hard_stop_sets_the_planned_end() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start(planned_end=AFTERNOON + timedelta(minutes=20))

    status = engine.status()

    assert status.planned_end == AFTERNOON + timedelta(minutes=20)
    assert status.minutes_behind == 5


def test_the_ended_session_keeps_its_totals() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(300)
    engine.next()
    clock.advance(400)
    engine.end()
    clock.advance(3600)

    status = engine.status()

    assert status.state is SessionState.ENDED
    assert status.session_elapsed_seconds == 700
    assert status.now == AFTERNOON + timedelta(seconds=700)
    assert status.projected_end == status.now
    assert runs_by_key(engine)["film"].actual_seconds == 400
    assert runs_by_key(engine)["film"].ended_at == status.now
    # Ended 13:11:40 against a planned 13:25: well ahead.
    assert status.minutes_behind == -13


def test_the_wall_clock_jumping_back_an_hour_changes_no_duration() -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start()
    clock.advance(120)
    before = engine.status()

    clock.jump_wall(-3600)
    after = engine.status()

    assert after.step_remaining_seconds == before.step_remaining_seconds == 180
    assert after.session_elapsed_seconds == before.session_elapsed_seconds
    assert after.behind_seconds == before.behind_seconds
    # Clock times follow the laptop's clock together, so they stay 25 - 2 = 23 minutes apart.
    assert after.planned_end == before.planned_end - timedelta(hours=1)
    assert after.projected_end - after.now == timedelta(minutes=23)
    clock.advance(60)
    assert engine.status().step_remaining_seconds == 120


def test_pause_and_resume_across_midnight() -> None:
    late = datetime(2024, 12, 31, 23, 50, tzinfo=STOCKHOLM_WINTER)
    clock = clock_at(late)
    engine = SessionEngine(plan_of(step("talk", 30), step("close", 10)), clock)
    engine.start()
    clock.advance(5 * 60)
    engine.pause()
    clock.advance(15 * 60)  # 00:10 on New Year's Day
    engine.resume()
    clock.advance(5 * 60)

    status = engine.status()

    assert status.now.date() == late.date() + timedelta(days=1)
    assert status.step_elapsed_seconds == 10 * 60
    assert status.step_remaining_seconds == 20 * 60
    assert status.session_elapsed_seconds == 25 * 60
    assert status.projected_end == late + timedelta(minutes=25 + 20 + 10)


def test_a_four_hour_session_of_thirty_steps_in_one_second_ticks() -> None:
    kinds = [StepKind.TEXT, StepKind.PROMPT, StepKind.ACTIVITY, StepKind.REFLECTION]
    steps = [step(f"s{i:02}", 8, kinds[i % 4]) for i in range(30)]
    plan = plan_of(*steps)
    assert plan.total_minutes == 240
    clock = clock_at()
    engine = SessionEngine(plan, clock)
    engine.start()
    time_ups: list[str] = []

    for index in range(30):
        # One-second ticks through each step plus ten seconds of overtime.
        for _tick in range(8 * 60 + 10):
            clock.advance(1)
            time_ups += [e.key for e in engine.poll() if isinstance(e, StepTimeUp)]
        if index < 29:
            engine.next()
    engine.end()

    status = engine.status()
    assert time_ups == [s.key for s in steps]
    assert all(run.actual_seconds == 490 for run in engine.runs)
    assert status.session_elapsed_seconds == 30 * 490
    assert status.behind_seconds == pytest.approx(300)


@pytest.mark.parametrize(
    ("behind_seconds", "minutes"), [(150, 3), (210, 4), (-150, -3), (29, 0), (-29, 0)]
)
def test_minutes_behind_rounds_halves_away_from_zero(behind_seconds: int, minutes: int) -> None:
    clock = clock_at()
    engine = SessionEngine(three_steps(), clock)
    engine.start(planned_end=AFTERNOON + timedelta(seconds=25 * 60 - behind_seconds))

    assert engine.status().minutes_behind == minutes
