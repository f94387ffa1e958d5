"""The rows of the history list and the periods its date filter offers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt

from facilitator.core.dates import format_date_time
from facilitator.core.i18n import N_, _, active_language
from facilitator.core.storage.records import SessionSummary

COLUMNS = (N_("Datum"), N_("Titel"), N_("Plats"), N_("Moduler"), N_("Deltagare"), N_("Status"))
DATE_COLUMN, TITLE_COLUMN, PLACE_COLUMN, MODULES_COLUMN, PEOPLE_COLUMN, STATUS_COLUMN = range(6)
UUID_ROLE = Qt.ItemDataRole.UserRole
NOT_COUNTED = "–"

_Index = QModelIndex | QPersistentModelIndex


def session_date(summary: SessionSummary) -> datetime:
    """When it ran, in local time; a session never started is dated by when it was planned."""
    return (summary.started_at or summary.created_at).astimezone()


def module_names(summary: SessionSummary) -> str:
    return ", ".join(m.title or m.module_id for m in summary.modules)


class SessionTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SessionSummary] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == UUID_ROLE:
            return summary.uuid
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PEOPLE_COLUMN and summary.participant_count is None:
                return _("Deltagarna räknades inte")
            if column in (TITLE_COLUMN, MODULES_COLUMN):
                return self._text(summary, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PEOPLE_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(summary: SessionSummary, column: int) -> str:
        if column == DATE_COLUMN:
            return format_date_time(session_date(summary), active_language())
        if column == TITLE_COLUMN:
            return summary.title
        if column == PLACE_COLUMN:
            return summary.place
        if column == MODULES_COLUMN:
            return module_names(summary)
        if column == PEOPLE_COLUMN:
            count = summary.participant_count
            return NOT_COUNTED if count is None else str(count)
        if summary.rehearsal:
            return _("Repetition")
        return summary.status.label

    def row(self, number: int) -> SessionSummary:
        return self._rows[number]

    def replace(self, rows: Sequence[SessionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append(self, rows: Sequence[SessionSummary]) -> None:
        known = {s.uuid for s in self._rows}
        # A session saved between two pages shifts the rest by one: skip the repeat.
        fresh = [s for s in rows if s.uuid not in known]
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self.endInsertRows()

    def remove(self, uuid: str) -> bool:
        for row, summary in enumerate(self._rows):
            if summary.uuid == uuid:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
                return True
        return False


class Period(Enum):
    ALL = N_("Alla datum")
    LAST_30_DAYS = N_("Senaste 30 dagarna")
    THIS_YEAR = N_("I år")
    LAST_YEAR = N_("Förra året")
    CHOSEN = N_("Välj datum…")

    @property
    def label(self) -> str:
        return _(self.value)

    def days(self, today: date) -> tuple[date, date] | None:
        """First and last day (both included), or None for no bound; CHOSEN has its own."""
        if self is Period.LAST_30_DAYS:
            return today - timedelta(days=29), today
        if self is Period.THIS_YEAR:
            return date(today.year, 1, 1), today
        if self is Period.LAST_YEAR:
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        return None


def bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """From the start of ``first`` to the end of ``last`` in local time: ``since`` inclusive
    and ``until`` exclusive, as HistoryQuery wants them. A range typed back to front counts
    from its first day. (Written out rather than taken from the export code, which would
    bring the whole storage layer into a view.)"""
    last = max(first, last)
    since = datetime.combine(first, time.min).astimezone()
    until = datetime.combine(last + timedelta(days=1), time.min).astimezone()
    return since, until


def query_bounds(
    period: Period, first: QDate, last: QDate, today: date
) -> tuple[datetime | None, datetime | None]:
    """``since`` and ``until`` for the chosen period; the date fields count only for CHOSEN."""
    if period is Period.CHOSEN:
        days: tuple[date, date] | None = (_day(first), _day(last))
    else:
        days = period.days(today)
    return bounds(*days) if days else (None, None)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
