"""How a talk's phases are laid out on its minutes, and how skipping one moves the rest."""

from __future__ import annotations

from itertools import pairwise

import pytest

from facilitator.core.content.kinds import DiscussionFormat
from facilitator.core.session.phases import (
    PhaseKind,
    as_run,
    current_phase,
    phases_for,
)

PHASED = (DiscussionFormat.ONE_TWO_FOUR_ALL, DiscussionFormat.PAIRS, DiscussionFormat.GO_AROUND)


def minutes_of(fmt: DiscussionFormat, minutes: int) -> list[tuple[PhaseKind, int]]:
    return [(phase.kind, phase.minutes) for phase in phases_for(fmt, minutes * 60)]


def test_one_two_four_all_runs_as_the_leader_notes_say() -> None:
    one_two_four = DiscussionFormat.ONE_TWO_FOUR_ALL
    alone, pairs, fours, everyone = PhaseKind.ALONE, PhaseKind.PAIRS, PhaseKind.FOURS, PhaseKind.ALL
    assert minutes_of(one_two_four, 12) == [(alone, 1), (pairs, 2), (fours, 4), (everyone, 5)]
    # Longer: only the whole group gets more; shorter: as the modules' 45-minute variants say.
    assert minutes_of(one_two_four, 14) == [(alone, 1), (pairs, 2), (fours, 4), (everyone, 7)]
    assert minutes_of(one_two_four, 10) == [(alone, 1), (pairs, 2), (fours, 3), (everyone, 4)]
    assert minutes_of(one_two_four, 8) == [(alone, 1), (pairs, 2), (fours, 3), (everyone, 2)]


def test_both_speakers_in_a_pair_get_the_same_time() -> None:
    pairs = DiscussionFormat.PAIRS
    assert minutes_of(pairs, 12) == [
        (PhaseKind.FIRST_TURN, 4),
        (PhaseKind.SECOND_TURN, 4),
        (PhaseKind.ALL, 4),
    ]
    assert minutes_of(pairs, 10) == [
        (PhaseKind.FIRST_TURN, 3),
        (PhaseKind.SECOND_TURN, 3),
        (PhaseKind.ALL, 4),
    ]
    for minutes in range(3, 121):
        first, second, gather = minutes_of(pairs, minutes)
        assert first[1] == second[1] >= 1
        assert gather[1] * 3 >= minutes  # a third at least to gather what the pairs said


def test_a_go_around_leaves_a_third_for_the_talk_after_it() -> None:
    assert minutes_of(DiscussionFormat.GO_AROUND, 8) == [(PhaseKind.ROUND, 6), (PhaseKind.ALL, 2)]


@pytest.mark.parametrize("fmt", PHASED)
def test_phases_fill_the_step_back_to_back(fmt: DiscussionFormat) -> None:
    for minutes in range(1, 121):
        phases = phases_for(fmt, minutes * 60)
        if not phases:
            continue
        assert phases[0].start == 0
        assert phases[-1].end == minutes * 60
        assert all(a.end == b.start for a, b in pairwise(phases))
        assert all(phase.seconds >= 60 for phase in phases)


@pytest.mark.parametrize("fmt", PHASED)
def test_a_longer_step_never_moves_a_boundary_earlier(fmt: DiscussionFormat) -> None:
    """So an extension (+1 min) never puts the room back into a phase it has left."""
    for minutes in range(1, 120):
        shorter, longer = phases_for(fmt, minutes * 60), phases_for(fmt, (minutes + 1) * 60)
        if shorter:
            assert all(a.end <= b.end for a, b in zip(shorter[:-1], longer[:-1], strict=True))


def test_too_short_a_step_and_formats_without_phases_run_as_one_countdown() -> None:
    assert phases_for(DiscussionFormat.ONE_TWO_FOUR_ALL, 3 * 60) == ()
    assert phases_for(DiscussionFormat.PAIRS, 2 * 60) == ()
    assert phases_for(DiscussionFormat.GO_AROUND, 2 * 60) == ()
    for fmt in (DiscussionFormat.WHOLE_GROUP, DiscussionFormat.SILENT, None):
        assert phases_for(fmt, 12 * 60) == ()


def test_a_skipped_phase_moves_the_later_ones_forward_and_the_last_takes_the_time() -> None:
    layout = phases_for(DiscussionFormat.ONE_TWO_FOUR_ALL, 12 * 60)

    run = as_run(layout, [20.0])

    assert [(p.start, p.end) for p in run] == [(0, 20), (20, 140), (140, 380), (380, 720)]
    assert current_phase(run, 19.9) == 0
    assert current_phase(run, 20) == 1
    assert current_phase(run, 5000) == 3
    assert as_run((), [10.0]) == ()


def test_at_its_minimum_length_every_format_keeps_all_its_phases() -> None:
    # The validator's minimums (kinds.py) are where the phases run as the notes say, no less.
    one_two_four = DiscussionFormat.ONE_TWO_FOUR_ALL
    assert one_two_four.minimum_minutes == 12
    assert [m for _kind, m in minutes_of(one_two_four, 12)] == [1, 2, 4, 5]
    assert DiscussionFormat.PAIRS.minimum_minutes == 6
    assert minutes_of(DiscussionFormat.PAIRS, 6) == [
        (PhaseKind.FIRST_TURN, 2),
        (PhaseKind.SECOND_TURN, 2),
        (PhaseKind.ALL, 2),
    ]
    assert DiscussionFormat.GO_AROUND.minimum_minutes == 0
