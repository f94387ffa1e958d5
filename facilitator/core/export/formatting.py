"""Numbers, durations and dates the way a reader expects them in print."""

from __future__ import annotations

from datetime import date, datetime

from facilitator.core.dates import format_date
from facilitator.core.i18n import active_language

NBSP = "\u00a0"


def long_date(moment: date) -> str:
    """14 mars 2025 / 14 March 2025, in the document's (the interface's) language."""
    return format_date(moment, active_language(), "long")


def short_date(moment: date) -> str:
    """14 mars 2025 / 14 Mar 2025, where a column is narrow."""
    return format_date(moment, active_language())


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
