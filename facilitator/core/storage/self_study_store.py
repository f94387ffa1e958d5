"""A person's own answers and progress when they take a module alone (the logbook).

Kept apart from the group sessions on purpose: these tables refer to no session, and nothing in
the export path (summaries, CSV/JSON archives, period reports) reads this store — keep it that
way. Deleting an answer or a module's answers is real deletion, through the same ``Erasure``
as a reflection: the rows, the bytes they lay in, the ``-wal`` and every backup copy.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from facilitator.core.storage.erasure import Erasure
from facilitator.core.storage.models import SelfStudyAnswerRow, SelfStudyProgressRow
from facilitator.core.storage.records import ErasureOutcome
from facilitator.core.storage.self_study_records import Answer, AnswerDraft, Progress
from facilitator.core.storage.transactions import Transactions

_A = SelfStudyAnswerRow
_P = SelfStudyProgressRow


class SelfStudyStore:
    def __init__(self, transactions: Transactions, erasure: Erasure) -> None:
        self._tx = transactions
        self._erasure = erasure

    # --- writes ----------------------------------------------------------------------------

    def save(self, draft: AnswerDraft) -> Answer | None:
        """Set the answer to a step (one per step of a module; a later save replaces the text
        and keeps when it was first written). Blank text erases the answer: an emptied box
        leaves nothing behind. The module's progress starts here if it had none."""
        if not draft.text.strip():
            self._erase(_A.module_id == draft.module_id, _A.step_id == draft.step_id)
            return None
        now = self._tx.now()
        with self._tx.write() as connection:
            statement = insert(_A).values(
                uuid=draft.id,
                module_id=draft.module_id,
                module_version=draft.module_version,
                module_title=draft.module_title,
                position=draft.position,
                step_id=draft.step_id,
                question=draft.question,
                text=draft.text,
                answered_at=now,
                updated_at=now,
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[_A.module_id, _A.step_id],
                    set_={
                        "module_version": draft.module_version,
                        "module_title": draft.module_title,
                        "position": draft.position,
                        "question": draft.question,
                        "text": draft.text,
                        "updated_at": now,
                    },
                )
            )
            connection.execute(
                insert(_P)
                .values(
                    module_id=draft.module_id,
                    module_version=draft.module_version,
                    current_step_id=draft.step_id,
                    started_at=now,
                    updated_at=now,
                )
                .on_conflict_do_nothing(index_elements=[_P.module_id])
            )
            row = connection.execute(
                _ANSWERS.where(_A.module_id == draft.module_id, _A.step_id == draft.step_id)
            ).one()
        return _answer(row)

    def move_to(self, module_id: str, version: str, step_id: str) -> None:
        """Where the person is now in the module (started the first time it is called)."""
        now = self._tx.now()
        with self._tx.write() as connection:
            statement = insert(_P).values(
                module_id=module_id,
                module_version=version,
                current_step_id=step_id,
                started_at=now,
                updated_at=now,
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[_P.module_id],
                    set_={"module_version": version, "current_step_id": step_id, "updated_at": now},
                )
            )

    # --- real deletion -----------------------------------------------------------------------

    def erase(self, answer_id: str) -> ErasureOutcome:
        return self._erase(_A.uuid == answer_id)

    def erase_module(self, module_id: str) -> ErasureOutcome:
        """Every answer to the module and where the person was in it."""
        with self._tx.write() as connection:
            texts = _texts(connection, _A.module_id == module_id)
            answers = connection.execute(delete(_A).where(_A.module_id == module_id)).rowcount
            steps = connection.execute(delete(_P).where(_P.module_id == module_id)).rowcount
        return self._erasure.outcome(answers + steps > 0, texts)

    def delete_older_than(self, days: int | None) -> int:
        """Retention, as for sessions: answers last changed more than ``days`` days ago go
        for real, and the progress of a module left with no answers and not touched in that
        time. ``None`` means retention is off. Returns how many answers went."""
        if days is None:
            return 0
        if days < 0:
            raise ValueError("days must not be negative")
        cutoff = self._tx.now() - timedelta(days=days)
        with self._tx.write() as connection:
            texts = _texts(connection, _A.updated_at < cutoff)
            deleted = connection.execute(delete(_A).where(_A.updated_at < cutoff)).rowcount
            still_answered = select(_A.module_id)
            idle = connection.execute(
                delete(_P).where(_P.updated_at < cutoff, _P.module_id.not_in(still_answered))
            ).rowcount
        self._erasure.outcome(deleted + idle > 0, texts)
        return int(deleted)

    # --- reads -----------------------------------------------------------------------------

    def answers(self, module_id: str | None = None) -> tuple[Answer, ...]:
        """One module's answers in path order, or every answer (ordered by module, then path)."""
        query = _ANSWERS.order_by(_A.module_id, _A.position, _A.id)
        if module_id is not None:
            query = query.where(_A.module_id == module_id)
        with self._tx.read() as connection:
            rows = connection.execute(query).all()
        return tuple(_answer(row) for row in rows)

    def progress_all(self) -> dict[str, Progress]:
        """Every module the person has begun alone, by module id."""
        with self._tx.read() as connection:
            places = connection.execute(select(_P).order_by(_P.module_id)).all()
            answered = connection.execute(
                select(_A.module_id, _A.step_id).order_by(_A.module_id, _A.position, _A.id)
            ).all()
        steps: dict[str, list[str]] = {}
        for module_id, step_id in answered:
            steps.setdefault(module_id, []).append(step_id)
        return {
            row.module_id: Progress(
                module_id=row.module_id,
                module_version=row.module_version,
                current_step_id=row.current_step_id,
                answered=tuple(steps.get(row.module_id, ())),
                started=row.started_at,
                updated=row.updated_at,
            )
            for row in places
        }

    # --- inside ----------------------------------------------------------------------------

    def _erase(self, *which: ColumnElement[bool]) -> ErasureOutcome:
        with self._tx.write() as connection:
            texts = _texts(connection, *which)
            deleted = connection.execute(delete(_A).where(*which)).rowcount
        return self._erasure.outcome(deleted > 0, texts)


_ANSWERS = select(
    _A.uuid,
    _A.module_id,
    _A.module_version,
    _A.module_title,
    _A.step_id,
    _A.question,
    _A.text,
    _A.answered_at,
    _A.updated_at,
    _A.position,
)


def _answer(row: Any) -> Answer:
    return Answer(
        id=row.uuid,
        module_id=row.module_id,
        module_version=row.module_version,
        module_title=row.module_title,
        step_id=row.step_id,
        question=row.question,
        text=row.text,
        answered_at=row.answered_at,
        updated_at=row.updated_at,
        position=row.position,
    )


def _texts(connection: Connection, *which: ColumnElement[bool]) -> list[str]:
    """What the person wrote in the answers about to be deleted, for the check that none of
    it is left in the file."""
    return list(connection.execute(select(_A.text).where(*which)).scalars())
