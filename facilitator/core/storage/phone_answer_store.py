"""The answers from the group's phones: stored the moment they arrive (pending moderation, or
counted for an evaluation), moderated by the leader, counted for the close-out.

The device is only a salted hash here and nothing read out of this store carries it, except
the count of devices. Deleting the session deletes its answers (ON DELETE CASCADE)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert as upsert

from facilitator.core.phones.moderation import Moderation, may_move
from facilitator.core.phones.question import QuestionKind
from facilitator.core.storage.models import PhoneAnswerRow, SessionRow
from facilitator.core.storage.phone_records import (
    PhoneAnswer,
    PhoneAnswerDraft,
    PhoneEvaluationCounts,
)
from facilitator.core.storage.transactions import Transactions, session_id

_COLUMNS = (
    PhoneAnswerRow.uuid,
    SessionRow.uuid.label("session_uuid"),
    PhoneAnswerRow.step_key,
    PhoneAnswerRow.question_key,
    PhoneAnswerRow.kind,
    PhoneAnswerRow.question_text,
    PhoneAnswerRow.text,
    PhoneAnswerRow.option_index,
    PhoneAnswerRow.option_text,
    PhoneAnswerRow.received_at,
    PhoneAnswerRow.status,
    PhoneAnswerRow.reflection_uuid,
)


class PhoneAnswerNotFound(LookupError):
    """No such answer (never stored, or deleted with its session)."""


class PhoneAnswerStore:
    def __init__(self, transactions: Transactions) -> None:
        self._tx = transactions

    def save(self, drafts: Sequence[PhoneAnswerDraft]) -> int:
        """Store one post's answers; how many rows are new (see ``save_posts``)."""
        return self.save_posts([drafts])[0]

    def save_posts(self, posts: Sequence[Sequence[PhoneAnswerDraft]]) -> tuple[int, ...]:
        """Store many posts in one transaction (one commit for many phones answering at
        once); durable when it returns. A post already stored (same session, device, form
        nonce and question) is skipped, so a replayed post changes nothing. Returns how many
        rows are new, post by post."""
        if not any(posts):
            return tuple(0 for _post in posts)
        counts: list[int] = []
        with self._tx.write() as connection:
            owners: dict[str, int] = {}
            for drafts in posts:
                stored = 0
                for draft in drafts:
                    owner = owners.get(draft.session_uuid)
                    if owner is None:
                        owner = owners[draft.session_uuid] = session_id(
                            connection, draft.session_uuid
                        )
                    stored += connection.execute(_insert(draft, owner)).rowcount
                counts.append(stored)
        return tuple(counts)

    def for_session(
        self, session_uuid: str, status: Moderation | None = None
    ) -> tuple[PhoneAnswer, ...]:
        """In the order they arrived; only those in ``status`` when it is given."""
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            query = (
                select(*_COLUMNS)
                .join(SessionRow, SessionRow.id == PhoneAnswerRow.session_id)
                .where(PhoneAnswerRow.session_id == owner)
                .order_by(PhoneAnswerRow.received_at, PhoneAnswerRow.id)
            )
            if status is not None:
                query = query.where(PhoneAnswerRow.status == status.value)
            rows = connection.execute(query).all()
        return tuple(_answer(row) for row in rows)

    def get(self, answer_uuid: str) -> PhoneAnswer:
        with self._tx.read() as connection:
            row = connection.execute(
                select(*_COLUMNS)
                .join(SessionRow, SessionRow.id == PhoneAnswerRow.session_id)
                .where(PhoneAnswerRow.uuid == answer_uuid)
            ).first()
        if row is None:
            raise PhoneAnswerNotFound(answer_uuid)
        return _answer(row)

    def moderate(
        self, answer_uuid: str, to: Moderation, reflection_uuid: str | None = None
    ) -> PhoneAnswer:
        """Move an answer to ``to`` (approved with the reflection made from it). Repeating a
        move already made changes nothing; a move the rules forbid raises ``ValueError``."""
        with self._tx.write() as connection:
            current = connection.execute(
                select(PhoneAnswerRow.status).where(PhoneAnswerRow.uuid == answer_uuid)
            ).scalar_one_or_none()
            if current is None:
                raise PhoneAnswerNotFound(answer_uuid)
            if Moderation(current) != to:
                if not may_move(Moderation(current), to):
                    raise ValueError(f"a {current} answer cannot become {to.value}")
                connection.execute(
                    update(PhoneAnswerRow)
                    .where(PhoneAnswerRow.uuid == answer_uuid)
                    .values(status=to.value, reflection_uuid=reflection_uuid)
                )
        return self.get(answer_uuid)

    def evaluation_counts(self, session_uuid: str) -> PhoneEvaluationCounts:
        """Each device's latest choice per question counts once: a phone that answers the
        same question again changes its answer, it does not add a second one."""
        with self._tx.read() as connection:
            owner = session_id(connection, session_uuid)
            mine = (PhoneAnswerRow.session_id == owner) & (
                PhoneAnswerRow.kind == QuestionKind.EVALUATION.value
            )
            latest = (
                select(func.max(PhoneAnswerRow.id))
                .where(mine)
                .group_by(PhoneAnswerRow.device_hash, PhoneAnswerRow.question_key)
            )
            rows = connection.execute(
                select(
                    PhoneAnswerRow.question_key,
                    PhoneAnswerRow.option_index,
                    func.count().label("chosen"),
                )
                .where(PhoneAnswerRow.id.in_(latest))
                .group_by(PhoneAnswerRow.question_key, PhoneAnswerRow.option_index)
            ).all()
            devices = connection.execute(
                select(func.count(func.distinct(PhoneAnswerRow.device_hash))).where(mine)
            ).scalar_one()
        counts: dict[str, dict[int, int]] = {}
        for row in rows:
            counts.setdefault(row.question_key, {})[int(row.option_index)] = int(row.chosen)
        return PhoneEvaluationCounts(counts, int(devices))


def _answer(row: Any) -> PhoneAnswer:
    return PhoneAnswer(
        uuid=row.uuid,
        session_uuid=row.session_uuid,
        step_key=row.step_key,
        question_key=row.question_key,
        kind=QuestionKind(row.kind),
        question_text=row.question_text,
        text=row.text,
        option_index=row.option_index,
        option_text=row.option_text,
        received_at=row.received_at,
        status=Moderation(row.status),
        reflection_uuid=row.reflection_uuid,
    )


def _insert(draft: PhoneAnswerDraft, owner: int) -> Any:
    return (
        upsert(PhoneAnswerRow)
        .values(
            uuid=draft.uuid,
            session_id=owner,
            step_key=draft.step_key,
            question_key=draft.question_key,
            kind=draft.kind.value,
            question_text=draft.question_text,
            text=draft.text,
            option_index=draft.option_index,
            option_text=draft.option_text,
            device_hash=draft.device_hash,
            nonce=draft.nonce,
            received_at=draft.received_at,
            status=draft.status.value,
        )
        .on_conflict_do_nothing()
    )
