from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from facilitator.core.dates import format_date, format_date_time, format_time


@pytest.mark.parametrize(
    ("language", "medium", "long"),
    [("sv", "2 dec. 2026", "2 december 2026"), ("en", "2 Dec 2026", "2 December 2026")],
)
def test_dates_follow_the_language(language: str, medium: str, long: str) -> None:
    assert format_date(date(2026, 12, 2), language) == medium
    assert format_date(date(2026, 12, 2), language, "long") == long


def test_times_have_24_hours_in_both_languages() -> None:
    evening = datetime(2026, 12, 2, 19, 5)
    assert format_time(evening) == "19:05"
    assert format_date_time(evening, "en") == "2 Dec 2026 19:05"
    assert format_date_time(evening, "sv") == "2 dec. 2026 19:05"


def test_an_aware_moment_is_shown_in_local_time() -> None:
    moment = datetime(2026, 12, 2, 23, 30, tzinfo=UTC)
    local = moment.astimezone()
    assert format_time(moment) == local.strftime("%H:%M")
    assert format_date(moment, "sv").startswith(f"{local.day} ")


def test_a_moment_in_another_zone_is_not_shown_in_that_zone() -> None:
    far = timezone(timedelta(hours=13))
    moment = datetime(2026, 12, 2, 1, 0, tzinfo=far)
    assert format_time(moment) == moment.astimezone().strftime("%H:%M")
