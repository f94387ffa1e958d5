"""The counts taken at the close of a session: attendance and evaluation answers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.sqlite import insert as upsert

from facilitator.core.storage.models import (
    GENDER_COLUMNS,
    TARGET_GROUP_COLUMNS,
    AttendanceRow,
    EvaluationAnswerRow,
)
from facilitator.core.storage.records import AttendanceCounts, EvaluationOption, EvaluationResult
from facilitator.core.storage.transactions import Transactions, session_id

_COUNT_COLUMNS = (*GENDER_COLUMNS, *TARGET_GROUP_COLUMNS)


class TallyStore:
    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def save_attendance(self, session_uuid: str, counts: AttendanceCounts) -> None:
        """Set the session's attendance (replacing any earlier tally)."""
        values = {name: int(getattr(counts, name)) for name in _COUNT_COLUMNS}
        now = self._tx.now()
        with self._tx.write() as connection:
            owner = session_id(connection, session_uuid)
            statement = upsert(AttendanceRow).values(session_id=owner, updated_at=now, **values)
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[AttendanceRow.session_id],
                    set_={**values, "updated_at": now},
                )
            )

    def attendance(self, session_uuid: str) -> AttendanceCounts | None:
        """None when no attendance has been taken (not the same as nobody came)."""
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            row = connection.execute(
                select(*(getattr(AttendanceRow, name) for name in _COUNT_COLUMNS)).where(
                    AttendanceRow.session_id == owner
                )
            ).first()
        if row is None:
            return None
        return AttendanceCounts(**{name: int(row._mapping[name]) for name in _COUNT_COLUMNS})

    def save_evaluation(self, session_uuid: str, results: Sequence[EvaluationResult]) -> None:
        """Replace the session's evaluation answers with ``results`` (in question order)."""
        rows = [
            {
                "question_position": position,
                "question_id": result.question_id,
                "question_text": result.question_text,
                "option_index": option.index,
                "option_text": option.text,
                "count": option.count,
                "knowledge_indicator": result.knowledge_indicator,
            }
            for position, result in enumerate(results)
            for option in result.options
        ]
        with self._tx.write() as connection:
            owner = session_id(connection, session_uuid)
            connection.execute(
                delete(EvaluationAnswerRow).where(EvaluationAnswerRow.session_id == owner)
            )
            if rows:
                connection.execute(
                    insert(EvaluationAnswerRow), [{"session_id": owner, **row} for row in rows]
                )

    def evaluation(self, session_uuid: str) -> tuple[EvaluationResult, ...]:
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            rows = connection.execute(
                select(EvaluationAnswerRow)
                .where(EvaluationAnswerRow.session_id == owner)
                .order_by(EvaluationAnswerRow.question_position, EvaluationAnswerRow.option_index)
            ).all()
        results: list[EvaluationResult] = []
        for row in rows:
            # Row.count is the tuple method, so the column is read by name.
            option = EvaluationOption(
                index=row.option_index, text=row.option_text, count=int(row._mapping["count"])
            )
            last = results[-1] if results else None
            if last is not None and last.question_id == row.question_id:
                results[-1] = EvaluationResult(
                    question_id=last.question_id,
                    question_text=last.question_text,
                    options=(*last.options, option),
                    knowledge_indicator=last.knowledge_indicator,
                )
            else:
                results.append(
                    EvaluationResult(
                        question_id=row.question_id,
                        question_text=row.question_text,
                        options=(option,),
                        knowledge_indicator=bool(row.knowledge_indicator),
                    )
                )
        return tuple(results)
