"""The history list: newest first, searchable, filterable, in pages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import (
    AttendanceCounts,
    HistoryQuery,
    ModuleRef,
    SessionLifecycle,
)
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import MODULE, STOCKHOLM, draft, new_session

KALMAR = ModuleRef("kalmar-historia", "1.0", "sha256:k", "Kalmar läns migrationshistoria")
DAY = 24 * 3600


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Repository]:
    """Four sessions a day apart (14–17 March 2025), the last one never started. Built once
    for the module: the tests only read."""
    clock = FakeClock(datetime(2025, 3, 14, 9, 30, tzinfo=STOCKHOLM))
    folder = tmp_path_factory.mktemp("history")
    rows = [
        ("Älmhult introduktion", "Älmhult", (MODULE,), SessionLifecycle.FINISHED),
        ("ÅTERTRÄFF 50%", "Öland", (MODULE, KALMAR), SessionLifecycle.FINISHED),
        ("Personalmöte", "Kalmar", (KALMAR,), SessionLifecycle.INTERRUPTED),
        ("Planerat pass", "Nybro", (MODULE,), SessionLifecycle.PLANNED),
    ]
    with open_database(folder / "history.sqlite3", folder / "backups", clock.now) as database:
        repo = Repository.of(database)
        for title, place, modules, status in rows:
            session = new_session(repo, title, place=place, modules=modules)
            if status is not SessionLifecycle.PLANNED:
                repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
                repo.sessions.set_status(session.uuid, status)
            clock.advance(DAY)
        yield repo


def _titles(repo: Repository, **query: object) -> list[str]:
    page = repo.history.page(HistoryQuery(**query))  # type: ignore[arg-type]
    return [item.title for item in page.items]


def test_newest_first_with_counts(history: Repository) -> None:
    page = history.history.page(HistoryQuery())
    assert [s.title for s in page.items] == [
        "Planerat pass",
        "Personalmöte",
        "ÅTERTRÄFF 50%",
        "Älmhult introduktion",
    ]
    assert page.total == 4
    assert page.items[0].started_at is None and page.items[0].status is SessionLifecycle.PLANNED
    assert page.items[2].modules == (MODULE, KALMAR)


def test_summary_counts_reflections_and_participants(repo: Repository) -> None:
    session = new_session(repo)
    for number in range(3):
        repo.reflections.save(draft(session, f"r{number}"))
    first = repo.history.page(HistoryQuery()).items[0]
    assert (first.reflection_count, first.participant_count) == (3, None)
    repo.tallies.save_attendance(session.uuid, AttendanceCounts(women=4, men=2, managers=1))
    assert repo.history.page(HistoryQuery()).items[0].participant_count == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("älmhult", ["Älmhult introduktion"]),  # title, any case, Swedish letters
        ("återträff", ["ÅTERTRÄFF 50%"]),
        ("öland", ["ÅTERTRÄFF 50%"]),  # place
        ("migrationshistoria", ["Personalmöte", "ÅTERTRÄFF 50%"]),  # module title
        ("kalmar-historia", ["Personalmöte", "ÅTERTRÄFF 50%"]),  # module id
        ("kalmar personal", ["Personalmöte"]),  # every word must match
        ("50%", ["ÅTERTRÄFF 50%"]),  # % is a character, not a wildcard
        ("5_", []),
        ("finns inte", []),
    ],
)
def test_search(history: Repository, text: str, expected: list[str]) -> None:
    assert _titles(history, text=text) == expected


def test_filter_by_status(history: Repository) -> None:
    statuses = frozenset({SessionLifecycle.FINISHED, SessionLifecycle.INTERRUPTED})
    assert _titles(history, statuses=statuses) == [
        "Personalmöte",
        "ÅTERTRÄFF 50%",
        "Älmhult introduktion",
    ]


def test_filter_by_date_range(history: Repository) -> None:
    since = datetime(2025, 3, 15, 0, 0, tzinfo=STOCKHOLM)
    until = datetime(2025, 3, 17, 0, 0, tzinfo=STOCKHOLM)
    assert _titles(history, since=since, until=until) == ["Personalmöte", "ÅTERTRÄFF 50%"]


def test_filter_by_module(history: Repository) -> None:
    assert _titles(history, module_id="mota-nyanlanda") == [
        "Planerat pass",
        "ÅTERTRÄFF 50%",
        "Älmhult introduktion",
    ]


def test_filters_combine_with_search(history: Repository) -> None:
    titles = _titles(
        history,
        text="kalmar",
        statuses=frozenset({SessionLifecycle.FINISHED}),
        module_id="mota-nyanlanda",
    )
    assert titles == ["ÅTERTRÄFF 50%"]


def test_pages(history: Repository) -> None:
    first = history.history.page(HistoryQuery(limit=3))
    second = history.history.page(HistoryQuery(limit=3, offset=3))
    assert (len(first.items), len(second.items)) == (3, 1)
    assert first.total == second.total == 4
    assert second.items[0].title == "Älmhult introduktion"
    past_the_end = history.history.page(HistoryQuery(limit=3, offset=6))
    assert (past_the_end.items, past_the_end.total) == ((), 4)


def test_a_bad_page_size_is_refused(repo: Repository) -> None:
    with pytest.raises(ValueError):
        repo.history.page(HistoryQuery(limit=0))
