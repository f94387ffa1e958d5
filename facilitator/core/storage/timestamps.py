"""Points in time as fixed-width UTC text.

SQLite has no timestamp type. Storing ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` in UTC makes text order
equal time order, so range filters and ORDER BY work on the column (and its index) directly,
and a laptop that changes time zone (or daylight saving) cannot reorder the history.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

WIDTH = 27


def to_text(moment: datetime) -> str:
    # isoformat, not strftime: it always writes four-digit years and runs in C (this is on
    # the path of every durable save).
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("timestamps must be timezone-aware")
    naive = moment.astimezone(UTC).replace(tzinfo=None)
    return naive.isoformat(timespec="microseconds") + "Z"


def from_text(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class UtcTimestamp(TypeDecorator[datetime]):
    """An aware datetime in, an aware UTC datetime out."""

    impl = String(WIDTH)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else to_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else from_text(str(value))
