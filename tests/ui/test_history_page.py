"""The history list: searching, filtering, paging, and deleting only after a clear question."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from facilitator.core.storage.records import (
    HistoryPage,
    HistoryQuery,
    ModuleRef,
    SessionLifecycle,
    SessionSummary,
)
from facilitator.ui.library.history_model import Period
from facilitator.ui.library.history_page import SessionHistoryPage as HistoryView
from facilitator.ui.widgets.confirm import confirm

MODULE = ModuleRef("grund-1-vad-ar-kultur", "1.0.0", "abc", "Grund 1 – Vad är kultur?")
START = datetime(2026, 3, 12, 12, 40, tzinfo=UTC)


def summary(number: int) -> SessionSummary:
    return SessionSummary(
        uuid=f"s{number}",
        title=f"Socialtjänsten, grupp {number}",
        place="Kalmar",
        leader_name=None,
        status=SessionLifecycle.FINISHED,
        started_at=START - timedelta(days=number),
        ended_at=None,
        created_at=START - timedelta(days=number + 1),
        modules=(MODULE,),
        reflection_count=3,
        participant_count=None if number == 1 else 12,
    )


def result(query: HistoryQuery, total: int) -> HistoryPage:
    numbers = range(query.offset, min(total, query.offset + query.limit))
    return HistoryPage(items=tuple(summary(n) for n in numbers), total=total, query=query)


@pytest.fixture
def page(qtbot) -> HistoryView:
    view = HistoryView(page_size=20)
    qtbot.addWidget(view)
    view.set_modules([(MODULE.module_id, MODULE.title)])
    view.resize(1280, 800)
    view.show()
    return view


def test_search_waits_for_a_pause_in_typing(qtbot, page) -> None:
    with qtbot.waitSignal(page.query_changed, timeout=2000) as signal:
        qtbot.keyClicks(page.search, "kalmar")
    assert signal.args[0] == HistoryQuery(text="kalmar", limit=20)
    assert page.count.text() == "Söker…"


def test_filters_make_the_query(qtbot, page) -> None:
    with qtbot.waitSignal(page.query_changed) as signal:
        page.status.setCurrentIndex(page.status.findData(SessionLifecycle.INTERRUPTED))
    assert signal.args[0].statuses == frozenset({SessionLifecycle.INTERRUPTED})
    with qtbot.waitSignal(page.query_changed) as signal:
        page.module.setCurrentIndex(1)
    assert signal.args[0].module_id == MODULE.module_id
    page.since.setDate(date(2026, 3, 1))
    page.until.setDate(date(2026, 3, 31))
    with qtbot.waitSignal(page.query_changed) as signal:
        page.period.setCurrentIndex(page.period.findData(Period.CHOSEN))
    query = signal.args[0]
    assert page.since.isVisible()
    assert query.since is not None and query.until is not None
    assert query.since.date() == date(2026, 3, 1)
    assert query.until - query.since >= timedelta(days=31)  # the 31st is included


def test_paging_with_show_more(qtbot, page) -> None:
    first = HistoryQuery(limit=20)
    page.set_page(result(first, 45))
    assert page.model.rowCount() == 20
    assert page.count.text() == "Visar 20 av 45"
    assert page.more.isVisible()
    with qtbot.waitSignal(page.query_changed) as signal:
        qtbot.mouseClick(page.more, Qt.MouseButton.LeftButton)
    second = signal.args[0]
    assert second == dataclasses.replace(first, offset=20)
    page.set_page(result(second, 45))
    page.set_page(result(dataclasses.replace(first, offset=40), 45))
    assert page.model.rowCount() == 45
    assert page.count.text() == "Visar 45 av 45"
    assert not page.more.isVisible()
    # Columns: date · title · place · modules · participants · status.
    texts = [page.model.index(1, column).data() for column in range(6)]
    assert texts[1:] == ["Socialtjänsten, grupp 1", "Kalmar", MODULE.title, "–", "Avslutad"]


def test_a_result_for_old_filters_is_dropped(qtbot, page) -> None:
    page.set_page(result(HistoryQuery(limit=20), 45))
    page.status.setCurrentIndex(page.status.findData(SessionLifecycle.INTERRUPTED))
    page.set_page(result(HistoryQuery(limit=20), 99))  # a slow answer to the old question
    assert page.count.text() == "Visar 20 av 45"
    page.set_page(result(page.query(), 0))
    assert page.model.rowCount() == 0
    assert page.count.text() == "Inga sessioner passar sökningen."


def test_open_and_export_the_selected_session(qtbot, page) -> None:
    page.set_page(result(HistoryQuery(limit=20), 3))
    assert not page.open_button.isEnabled()
    page.table.setFocus()
    page.table.selectRow(2)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == ["s2"]
    with qtbot.waitSignal(page.export_requested) as exported:
        page.export_button.click()
    assert exported.args == ["s2"]


def test_delete_goes_to_the_owner_who_asks(qtbot, page) -> None:
    # The question names the exported files still on disk, which only the owner can look up
    # (tests/ui/test_history_flow.py shows it).
    page.set_page(result(HistoryQuery(limit=20), 3))
    page.table.setFocus()
    page.table.selectRow(0)
    deleted: list[str] = []
    page.delete_requested.connect(deleted.append)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert deleted == ["s0"]
    page.remove_session("s0")
    assert page.model.rowCount() == 2
    assert page.count.text() == "Visar 2 av 2"


def test_rehearsals_are_hidden_until_asked_for(qtbot, page) -> None:
    assert not page.rehearsals.isChecked()
    assert page.query().include_rehearsals is False
    with qtbot.waitSignal(page.query_changed, timeout=2000) as signal:
        page.rehearsals.setChecked(True)
    assert signal.args[0].include_rehearsals is True
    rehearsal = dataclasses.replace(summary(0), rehearsal=True)
    page.set_page(HistoryPage(items=(rehearsal,), total=1, query=page.query()))
    assert page.model.index(0, 5).data() == "Repetition"


def test_the_confirmation_speaks_swedish_and_defaults_to_keeping(qtbot, monkeypatch) -> None:
    seen: list[list[str]] = []

    def press(box: QMessageBox, text: str | None) -> int:
        seen.append([b.text() for b in box.buttons()])
        assert box.defaultButton().text() == "Avbryt"
        if text is not None:
            next(b for b in box.buttons() if b.text() == text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", lambda box: press(box, "Ta bort för gott"))
    assert confirm(None, "Ta bort?", "x", "y", "Ta bort för gott")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: press(box, None))
    assert not confirm(None, "Ta bort?", "x", "y", "Ta bort för gott")
    assert all(set(buttons) == {"Ta bort för gott", "Avbryt"} for buttons in seen)


def test_empty_history_says_so(page) -> None:
    page.set_page(result(HistoryQuery(limit=20), 0))
    assert page.count.text() == "Inga sessioner ännu. Här hamnar de sessioner du kör."
    assert not page.more.isVisible()
    assert all(not b.isEnabled() for b in (page.open_button, page.delete_button))
    assert isinstance(page.more, QPushButton)
