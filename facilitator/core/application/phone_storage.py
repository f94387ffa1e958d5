"""The phone-answer operations of the storage gateway (issue 20). A part of ``StorageGateway``
(it inherits these), kept in its own file.

Unlike a reflection the leader types, a phone's answer is not written to the recovery journal
first: the phone is told "Skickat" only once the row is committed, and told to try again
otherwise, so nothing the phone was told is kept can be lost, and nothing it was told failed
is held anywhere. The posts are taken when the write's turn comes: everything that arrived
while the last commit ran goes in the next, one commit for many phones (a group commit).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from facilitator.core.application.executor import Failed
from facilitator.core.application.storage_line import StorageLine
from facilitator.core.phones.moderation import Moderation
from facilitator.core.storage.phone_records import (
    PhoneAnswer,
    PhoneAnswerDraft,
    PhoneEvaluationCounts,
)

if TYPE_CHECKING:
    # Imported where the work runs, once the database is open (decision 0004).
    pass


class PhoneOperations(StorageLine):
    def save_phone_answers(
        self,
        drafts: Sequence[PhoneAnswerDraft],
        done: Callable[[int], None],
        failed: Failed | None = None,
    ) -> None:
        """Store one post's answers in one transaction. ``done`` (with how many rows are
        new: 0 for a replayed post) once committed; ``failed`` if it cannot be."""
        chosen = tuple(drafts)
        self._run(lambda repo: repo.phone_answers.save(chosen), done, failed)

    def save_phone_posts(
        self,
        take: Callable[[], Sequence[Sequence[PhoneAnswerDraft]]],
        done: Callable[[tuple[int, ...]], None],
        failed: Failed | None = None,
    ) -> None:
        """Store, in one transaction, the posts ``take`` hands over when this write's turn
        comes (on the writer's thread; again, the same ones, if the write is retried).
        ``done`` with each post's count of new rows once committed."""
        self._run(lambda repo: repo.phone_answers.save_posts(take()), done, failed)

    def phone_answers_for(
        self,
        session_uuid: str,
        done: Callable[[tuple[PhoneAnswer, ...]], None],
        failed: Failed | None = None,
        status: Moderation | None = None,
    ) -> None:
        self._read(lambda repo: repo.phone_answers.for_session(session_uuid, status), done, failed)

    def moderate_phone_answer(
        self,
        answer_uuid: str,
        to: Moderation,
        done: Callable[[PhoneAnswer], None],
        failed: Failed | None = None,
        reflection_uuid: str | None = None,
    ) -> None:
        self._run(
            lambda repo: repo.phone_answers.moderate(answer_uuid, to, reflection_uuid),
            done,
            failed,
        )

    def phone_evaluation_counts(
        self,
        session_uuid: str,
        done: Callable[[PhoneEvaluationCounts], None],
        failed: Failed | None = None,
    ) -> None:
        """What the close-out adds to the hand counts, and "N svarade på mobilen"."""
        self._read(lambda repo: repo.phone_answers.evaluation_counts(session_uuid), done, failed)
