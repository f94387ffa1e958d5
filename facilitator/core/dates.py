"""Dates and times as people read them, in the interface's language: "2 dec. 2026" and
"2 Dec 2026", "2 december 2026" and "2 December 2026"; times in 24 hours in both ("14:05").

CLDR's formats through Babel (docs/decisions/0015-collation.md). Files meant for programs
(CSV, JSON, file names) keep ISO 8601 and do not come here. Times are shown in local time:
an aware datetime is converted to the computer's zone first.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

# English as written in Britain and Europe: day before month, 24-hour clock.
_LOCALES = {"sv": "sv_SE", "en": "en_GB"}

Length = Literal["medium", "long"]


def _locale(language: str) -> str:
    return _LOCALES.get(language, _LOCALES["sv"])


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo is not None else moment


def format_date(moment: date, language: str, length: Length = "medium") -> str:
    """ "2 dec. 2026" (medium) or "2 december 2026" (long); a datetime's local date."""
    # Babel's import costs tens of milliseconds: paid on the first date shown, not at start.
    from babel.dates import format_date as babel_date  # noqa: PLC0415

    day = _local(moment).date() if isinstance(moment, datetime) else moment
    return babel_date(day, length, locale=_locale(language))


def format_time(moment: datetime) -> str:
    """ "14:05", local time, in every language."""
    return _local(moment).strftime("%H:%M")


def format_date_time(moment: datetime, language: str, length: Length = "medium") -> str:
    """ "2 dec. 2026 14:05" """
    return f"{format_date(moment, language, length)} {format_time(moment)}"
