"""What the phone-answer store hands out and takes in: plain frozen values, free of SQLAlchemy
(see records.py for the same rule). A device appears only as a salted hash, and that hash
never leaves the storage and application layers: no export, no screen shows it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from facilitator.core.phones.moderation import Moderation
from facilitator.core.phones.question import QuestionKind

__all__ = ["PhoneAnswer", "PhoneAnswerDraft", "PhoneEvaluationCounts"]


@dataclass(frozen=True)
class PhoneAnswerDraft:
    """An answer as a phone sent it. ``uuid`` is made before the save; ``nonce`` is the form's,
    so the same post arriving twice (a double tap, a resend after a dropped reply) is stored
    once: (session, device, nonce, question key) is unique."""

    uuid: str
    session_uuid: str
    step_key: str
    question_key: str
    """"" for a free-text answer; the evaluation item's key for a chosen option."""
    kind: QuestionKind
    question_text: str
    text: str | None
    option_index: int | None
    option_text: str | None
    device_hash: str
    nonce: str
    received_at: datetime
    status: Moderation = Moderation.PENDING


@dataclass(frozen=True)
class PhoneAnswer:
    """One stored answer, as the moderation list shows it: no device, no nonce."""

    uuid: str
    session_uuid: str
    step_key: str
    question_key: str
    kind: QuestionKind
    question_text: str
    text: str | None
    option_index: int | None
    option_text: str | None
    received_at: datetime
    status: Moderation
    reflection_uuid: str | None


@dataclass(frozen=True)
class PhoneEvaluationCounts:
    """The phones' evaluation answers of a session: per question key, per option index, how
    many chose it; and how many devices answered at least one item ("N svarade på mobilen")."""

    counts: Mapping[str, Mapping[int, int]]
    devices: int

    def count(self, question_key: str, option_index: int) -> int:
        return self.counts.get(question_key, {}).get(option_index, 0)
