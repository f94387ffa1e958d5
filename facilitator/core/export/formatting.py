"""Numbers, durations and dates the way a Swedish reader expects them in print."""

from __future__ import annotations

from datetime import date, datetime

from facilitator.core.i18n import N_, _

NBSP = "\u00a0"

_MONTHS = (
    N_("januari"),
    N_("februari"),
    N_("mars"),
    N_("april"),
    N_("maj"),
    N_("juni"),
    N_("juli"),
    N_("augusti"),
    N_("september"),
    N_("oktober"),
    N_("november"),
    N_("december"),
)


def long_date(moment: date) -> str:
    """14 mars 2025"""
    return f"{moment.day} {_(_MONTHS[moment.month - 1])} {moment.year}"


def clock(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def iso_date(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def minutes(seconds: int | None) -> str:
    """Whole minutes, rounded; "–" for a step that has no time."""
    if seconds is None:
        return "–"
    return f"{round(seconds / 60)}{NBSP}min"


def duration(total_minutes: int) -> str:
    """2 h 05 min; whole minutes, so that durations printed in a column add up exactly."""
    whole, rest = divmod(total_minutes, 60)
    if not whole:
        return f"{rest}{NBSP}min"
    return f"{whole}{NBSP}h {rest:02d}{NBSP}min"


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    return f"{round(share * 100)}{NBSP}%"


def decimal(value: float, places: int = 1) -> str:
    return f"{value:.{places}f}".replace(".", ",")
