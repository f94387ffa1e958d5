"""Issue 17: the history's dates follow the language and its module filter is alphabetical."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from facilitator.core import i18n
from facilitator.core.application.storage_gateway import SessionDetail
from facilitator.core.storage.records import (
    HistoryPage,
    HistoryQuery,
    SessionLifecycle,
    SessionRecord,
    SessionSummary,
)
from facilitator.ui.library.history_model import DATE_COLUMN
from facilitator.ui.library.history_page import SessionHistoryPage
from facilitator.ui.library.session_detail import detail_markdown

LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale"
# Naive: the local time the leader saw on the clock.
EVENING = datetime(2026, 12, 2, 19, 5).astimezone()
MODULES = [("z", "Zebror"), ("o", "Ödmjukhet"), ("e", "Éclair"), ("a", "Åsikter"), ("b", "Aaa")]


def history(qtbot) -> SessionHistoryPage:
    view = SessionHistoryPage(page_size=20)
    qtbot.addWidget(view)
    return view


def listed(view: SessionHistoryPage) -> list[str]:
    return [view.module.itemText(i) for i in range(1, view.module.count())]


def test_the_module_filter_lists_titles_in_swedish_order(qtbot) -> None:
    view = history(qtbot)
    view.set_modules(MODULES, "sv")
    assert listed(view) == ["Aaa", "Éclair", "Zebror", "Åsikter", "Ödmjukhet"]
    view.set_modules(MODULES, "en")
    assert listed(view) == ["Aaa", "Åsikter", "Éclair", "Ödmjukhet", "Zebror"]


@pytest.mark.parametrize(
    ("language", "shown"), [("sv", "2 dec. 2026 19:05"), ("en", "2 Dec 2026 19:05")]
)
def test_history_and_detail_dates_follow_the_language(qtbot, language: str, shown: str) -> None:
    assert i18n.activate(language, LOCALE)
    summary = SessionSummary(
        uuid="s1",
        title="Socialtjänsten",
        place="Kalmar",
        leader_name=None,
        status=SessionLifecycle.FINISHED,
        started_at=EVENING,
        ended_at=None,
        created_at=EVENING,
        modules=(),
        reflection_count=0,
        participant_count=12,
    )
    view = history(qtbot)
    view.set_page(HistoryPage(items=(summary,), total=1, query=HistoryQuery(limit=20)))
    model = view.table.model()
    assert model.index(0, DATE_COLUMN).data() == shown
    record = SessionRecord(
        uuid="s1",
        title="Socialtjänsten",
        plan_json="{}",
        modules=(),
        place="",
        leader_name=None,
        status=SessionLifecycle.FINISHED,
        current_step_key=None,
        engine_state_json=None,
        started_at=EVENING,
        ended_at=None,
        created_at=EVENING,
        updated_at=EVENING,
    )
    text = detail_markdown(SessionDetail(record, (), None))
    assert shown in text.splitlines()[2]
