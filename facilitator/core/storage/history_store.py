"""The history list: search, filters and pages over every session on this laptop.

A page is read in two steps: first the ids of the page's sessions (filtering and sorting touch
only the sessions table), then the details of just those sessions. Counting reflections inside
the sorted query would count them for every session on the laptop, not only the 50 shown.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.engine import Connection

from facilitator.core.storage.models import (
    AttendanceRow,
    ReflectionRow,
    SessionModuleRow,
    SessionRow,
)
from facilitator.core.storage.records import (
    HistoryPage,
    HistoryQuery,
    ModuleRef,
    SessionLifecycle,
    SessionSummary,
)
from facilitator.core.storage.session_store import module_ref
from facilitator.core.storage.timestamps import UtcTimestamp
from facilitator.core.storage.transactions import Transactions

MAX_PAGE = 500

# A session that never started is dated by when it was planned.
session_date = func.coalesce(SessionRow.started_at, SessionRow.created_at, type_=UtcTimestamp())


class HistoryStore:
    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def page(self, query: HistoryQuery) -> HistoryPage:
        """Sessions matching ``query``, newest first, with the total number matching."""
        if not 1 <= query.limit <= MAX_PAGE or query.offset < 0:
            raise ValueError("limit must be 1..500 and offset not negative")
        conditions = _conditions(query)
        with self._tx.read() as connection:
            # The window count is taken before LIMIT: the total number of matches, at no
            # extra pass over the table.
            found = connection.execute(
                select(SessionRow.id, func.count().over().label("total"))
                .where(*conditions)
                .order_by(session_date.desc(), SessionRow.id.desc())
                .limit(query.limit)
                .offset(query.offset)
            ).all()
            if found:
                total = int(found[0].total)
            else:  # past the last page: the window had no row to report on
                total = int(
                    connection.execute(
                        select(func.count()).select_from(SessionRow).where(*conditions)
                    ).scalar_one()
                )
            ids = [int(row.id) for row in found]
            details = _details(connection, ids)
            modules = _modules_of(connection, ids)
        items = tuple(_summary(details[key], modules.get(key, ())) for key in ids)
        return HistoryPage(items=items, total=total, query=query)


def _conditions(query: HistoryQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    # Every word must match somewhere: "kalmar migration" finds Kalmar sessions on migration.
    for word in query.text.split():
        conditions.append(
            or_(
                _contains(SessionRow.title, word),
                _contains(SessionRow.place, word),
                exists().where(
                    SessionModuleRow.session_id == SessionRow.id,
                    or_(
                        _contains(SessionModuleRow.title, word),
                        _contains(SessionModuleRow.module_id, word),
                    ),
                ),
            )
        )
    if not query.include_rehearsals:
        conditions.append(SessionRow.rehearsal.is_(False))
    if query.statuses:
        conditions.append(SessionRow.status.in_(sorted(s.value for s in query.statuses)))
    if query.since is not None:
        conditions.append(session_date >= query.since)
    if query.until is not None:
        conditions.append(session_date < query.until)
    if query.module_id is not None:
        conditions.append(
            exists().where(
                SessionModuleRow.session_id == SessionRow.id,
                SessionModuleRow.module_id == query.module_id,
            )
        )
    return conditions


def _contains(column: Any, word: str) -> ColumnElement[bool]:
    """Case-insensitive substring match. SQLite's LIKE ignores case for ASCII letters only;
    a word with Å, Ä, Ö (or any non-ASCII letter) goes through the Python ``fold`` function,
    which is slower, so ASCII words keep the fast built-in path."""
    pattern = f"%{_escape_like(word.casefold())}%"
    target = column if word.isascii() else func.fold(column)
    result: ColumnElement[bool] = target.like(pattern, escape="\\")
    return result


def _details(connection: Connection, ids: list[int]) -> dict[int, Any]:
    if not ids:
        return {}
    reflection_count = (
        select(func.count())
        .where(ReflectionRow.session_id == SessionRow.id)
        .correlate(SessionRow)
        .scalar_subquery()
    )
    participants = (
        AttendanceRow.women + AttendanceRow.men + AttendanceRow.other + AttendanceRow.not_stated
    )
    rows = connection.execute(
        select(
            SessionRow.id,
            SessionRow.uuid,
            SessionRow.title,
            SessionRow.place,
            SessionRow.leader_name,
            SessionRow.rehearsal,
            SessionRow.status,
            SessionRow.started_at,
            SessionRow.ended_at,
            SessionRow.created_at,
            reflection_count.label("reflection_count"),
            participants.label("participant_count"),
        )
        .outerjoin(AttendanceRow, AttendanceRow.session_id == SessionRow.id)
        .where(SessionRow.id.in_(ids))
    ).all()
    return {int(row.id): row for row in rows}


def _modules_of(connection: Connection, ids: list[int]) -> dict[int, tuple[ModuleRef, ...]]:
    found: dict[int, list[ModuleRef]] = defaultdict(list)
    if ids:
        rows = connection.execute(
            select(SessionModuleRow)
            .where(SessionModuleRow.session_id.in_(ids))
            .order_by(SessionModuleRow.session_id, SessionModuleRow.position)
        ).all()
        for row in rows:
            found[row.session_id].append(module_ref(row))
    return {key: tuple(value) for key, value in found.items()}


def _summary(row: Any, modules: tuple[ModuleRef, ...]) -> SessionSummary:
    return SessionSummary(
        uuid=row.uuid,
        title=row.title,
        place=row.place,
        leader_name=row.leader_name,
        status=SessionLifecycle(row.status),
        started_at=row.started_at,
        ended_at=row.ended_at,
        created_at=row.created_at,
        modules=modules,
        reflection_count=int(row.reflection_count),
        participant_count=None if row.participant_count is None else int(row.participant_count),
        rehearsal=bool(row.rehearsal),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
