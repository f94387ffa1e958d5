"""Timed phases inside a talk: 1-2-4-All's minute alone, pairs, fours and the whole group; a
pair talk's two turns and the gathering after; a go-around and the talk after it.

Not to be confused with ``StepPhase`` (status.py), which says how urgent a step's countdown is.

Pure: a step's layout comes from its format and planned seconds (extensions included), and the
phases already over are facts the engine records, so an extension or a skip never moves a
boundary the room has already passed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from facilitator.core.content.kinds import DiscussionFormat
from facilitator.core.i18n import N_, _


class PhaseKind(StrEnum):
    ALONE = "alone"
    PAIRS = "pairs"
    FOURS = "fours"
    ALL = "all"
    FIRST_TURN = "first_turn"
    SECOND_TURN = "second_turn"
    ROUND = "round"

    @property
    def label(self) -> str:
        """What the room does now, read after "Nu:"."""
        return _(_LABELS[self])


_LABELS = {
    PhaseKind.ALONE: N_("tyst, var för sig"),
    PhaseKind.PAIRS: N_("i par"),
    PhaseKind.FOURS: N_("i fyra"),
    PhaseKind.ALL: N_("i hela gruppen"),
    PhaseKind.FIRST_TURN: N_("i par, den ena berättar"),
    PhaseKind.SECOND_TURN: N_("i par, byt: den andra berättar"),
    PhaseKind.ROUND: N_("varvet runt"),
}


@dataclass(frozen=True)
class Phase:
    kind: PhaseKind
    start: float
    """Seconds of the step's running time when the phase begins."""
    end: float
    """When it ends; the last phase ends with the step's planned time."""

    @property
    def seconds(self) -> float:
        return self.end - self.start

    @property
    def minutes(self) -> int:
        """Whole minutes as the room reads them; halves round up (round() would make 6½ six
        and 7½ eight)."""
        return math.floor(self.seconds / 60 + 0.5)


@dataclass(frozen=True)
class PhasePosition:
    """Where a step with phases stands: its phases as they run now, and the one that is on."""

    phases: tuple[Phase, ...]
    index: int
    elapsed: float

    @property
    def current(self) -> Phase:
        return self.phases[self.index]

    @property
    def following(self) -> Phase | None:
        return self.phases[self.index + 1] if self.index + 1 < len(self.phases) else None

    @property
    def remaining(self) -> float:
        """Seconds left of the current phase (negative in the last phase's overtime)."""
        return self.current.end - self.elapsed


# 1-2-4-All as the leader notes run it: a minute alone, two in pairs, four in fours and the
# rest in the whole group. Longer steps give only the whole group more (a minute alone is a
# minute alone); shorter ones follow the notes (1-2-3-4 in ten minutes, 1-2-3-2 in eight).
# Every boundary is at the same minute or later as the step grows, so an extension never moves
# the room back into a phase it has left.
_ONE_TWO_FOUR_ALL_SHORT = {
    4: (1, 1, 1, 1),
    5: (1, 1, 2, 1),
    6: (1, 1, 2, 2),
    7: (1, 2, 2, 2),
    8: (1, 2, 3, 2),
    9: (1, 2, 3, 3),
    10: (1, 2, 3, 4),
    11: (1, 2, 4, 4),
}


def _one_two_four_all(minutes: int) -> list[tuple[PhaseKind, int]]:
    lengths = _ONE_TWO_FOUR_ALL_SHORT.get(minutes, (1, 2, 4, minutes - 7))
    kinds = (PhaseKind.ALONE, PhaseKind.PAIRS, PhaseKind.FOURS, PhaseKind.ALL)
    return list(zip(kinds, lengths, strict=True))


def _pairs(minutes: int) -> list[tuple[PhaseKind, int]]:
    # Both speakers get the same whole minutes, about a third of the step each; gathering the
    # pairs' thoughts in the whole group gets the rest, at least a third (as the notes run it:
    # four minutes each of twelve, three each of ten).
    gather = -(-minutes // 3)
    turn = (minutes - gather) // 2
    return [
        (PhaseKind.FIRST_TURN, turn),
        (PhaseKind.SECOND_TURN, turn),
        (PhaseKind.ALL, minutes - 2 * turn),
    ]


def _go_around(minutes: int) -> list[tuple[PhaseKind, int]]:
    # About two thirds for the round, so a third is left to pick up what it brought.
    talk = minutes // 3
    return [(PhaseKind.ROUND, minutes - talk), (PhaseKind.ALL, talk)]


_LAYOUTS = {
    DiscussionFormat.ONE_TWO_FOUR_ALL: _one_two_four_all,
    DiscussionFormat.PAIRS: _pairs,
    DiscussionFormat.GO_AROUND: _go_around,
}


def phases_for(fmt: DiscussionFormat | None, planned_seconds: float) -> tuple[Phase, ...]:
    """The phases of a step in `fmt` planned for `planned_seconds`, back to back from 0.

    Empty for formats without phases, and for a step too short to give every phase a whole
    minute: a phase of seconds is no use to a room, so such a step runs as one countdown.
    """
    layout = _LAYOUTS.get(fmt) if fmt is not None else None
    minutes = int(planned_seconds // 60)
    if layout is None or minutes <= 0:
        return ()
    lengths = layout(minutes)
    if any(length < 1 for _kind, length in lengths):
        return ()
    phases: list[Phase] = []
    start = 0.0
    for kind, length in lengths:
        phases.append(Phase(kind, start, start + length * 60))
        start += length * 60
    # Any seconds beyond whole minutes go to the last phase, so the phases fill the step.
    return (*phases[:-1], replace(phases[-1], end=float(planned_seconds)))


def as_run(layout: Sequence[Phase], ended: Sequence[float]) -> tuple[Phase, ...]:
    """The layout with the phases that are over ending where they ended.

    A phase ended early (skipped) moves the later ones forward, each keeping its length, and
    the last one, which ends with the step, takes the time saved.
    """
    if not layout:
        return ()
    step_end = layout[-1].end
    phases: list[Phase] = []
    start = 0.0
    for index, phase in enumerate(layout):
        if index < len(ended):
            end = max(start, ended[index])
        elif index == len(layout) - 1:
            end = max(start, step_end)
        else:
            end = start + phase.seconds
        phases.append(Phase(phase.kind, start, end))
        start = end
    return tuple(phases)


def current_phase(phases: Sequence[Phase], elapsed: float) -> int:
    """The index of the phase running `elapsed` seconds into the step (the last one after)."""
    for index, phase in enumerate(phases[:-1]):
        if elapsed < phase.end:
            return index
    return max(0, len(phases) - 1)
