"""The numbers of a report over many sessions, computed once from the sessions themselves so
every total is, by construction, the sum of the session lines printed under it."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from facilitator.core.collation import sort_key
from facilitator.core.export.model import DEFAULT_TARGET, SessionExport
from facilitator.core.i18n import active_language
from facilitator.core.storage.records import Gender, TargetGroup


def session_minutes(session: SessionExport) -> int:
    return round(session.actual_seconds / 60)


@dataclass
class Tally:
    """Sums over a set of sessions."""

    sessions: int = 0
    participants: int = 0
    minutes: int = 0
    """Each session's time rounded to whole minutes first, so the printed total is exactly
    the sum of the printed session lines."""
    without_attendance: int = 0
    by_gender: dict[Gender, int] = field(default_factory=lambda: dict.fromkeys(Gender, 0))
    by_target_group: dict[TargetGroup, int] = field(
        default_factory=lambda: dict.fromkeys(TargetGroup, 0)
    )
    positive: int = 0
    answers: int = 0
    unknown_indicator: int = 0
    """Indicator questions whose positive options are unknown here (left out of the share)."""

    @property
    def share(self) -> float | None:
        return self.positive / self.answers if self.answers else None

    def add_session(self, session: SessionExport) -> None:
        self.sessions += 1
        self.minutes += session_minutes(session)
        counts = session.attendance
        if counts is None:
            self.without_attendance += 1
            return
        self.participants += counts.total
        for gender, n in counts.by_gender().items():
            self.by_gender[gender] += n
        for group, n in counts.by_target_group().items():
            self.by_target_group[group] += n


@dataclass(frozen=True)
class ModuleLine:
    module_id: str
    title: str
    tally: Tally


@dataclass(frozen=True)
class PeriodReport:
    first: date
    last: date
    module_ids: tuple[str, ...]
    """The selection asked for; empty means every module."""
    target: float
    sessions: tuple[SessionExport, ...]
    totals: Tally
    modules: tuple[ModuleLine, ...]


def build_report(
    sessions: Sequence[SessionExport],
    first: date,
    last: date,
    *,
    module_ids: Collection[str] = (),
    target: float = DEFAULT_TARGET,
    language: str | None = None,
) -> PeriodReport:
    """Totals over ``sessions`` and one line per module run. A session with several modules
    counts under each of them, so module lines may add up to more than the total."""
    wanted = set(module_ids)
    totals = Tally()
    lines: dict[str, ModuleLine] = {}
    for session in sessions:
        totals.add_session(session)
        for module in session.modules:
            if wanted and module.module_id not in wanted:
                continue
            line = lines.get(module.module_id)
            if line is None:
                title = module.title or module.module_id
                line = lines[module.module_id] = ModuleLine(module.module_id, title, Tally())
            line.tally.add_session(session)
        # The totals take every indicator of every session counted, so they stay the sum
        # of the session lines; a module line only its own module's questions.
        for indicator in session.indicators:
            target_tallies = [totals]
            if indicator.module_id in lines:
                target_tallies.append(lines[indicator.module_id].tally)
            for tally in target_tallies:
                if indicator.positive is None:
                    tally.unknown_indicator += 1
                else:
                    tally.positive += indicator.positive
                    tally.answers += indicator.answers
    # Alphabetical in the report's language (the interface's unless told).
    order = language or active_language()
    ordered = sorted(lines.values(), key=lambda line: sort_key(line.title, order))
    return PeriodReport(
        first,
        last,
        tuple(sorted(wanted)),
        target,
        tuple(sessions),
        totals,
        tuple(ordered),
    )
