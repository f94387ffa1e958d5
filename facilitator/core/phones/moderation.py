"""What happens to a free-text answer from a phone: it waits (*pending*) until the leader
approves it (it becomes a reflection, and the room may see it, anonymously) or rejects it
(kept for the session's record only, never shown). Evaluation answers are counted, not
moderated: they are stored as approved."""

from __future__ import annotations

from enum import StrEnum


class Moderation(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


MODERATION_STATES = tuple(state.value for state in Moderation)

_ALLOWED = {
    Moderation.PENDING: {Moderation.APPROVED, Moderation.REJECTED},
    # A rejection can be undone; an approval cannot, since it made a reflection (delete that).
    Moderation.REJECTED: {Moderation.APPROVED},
    Moderation.APPROVED: set(),
}


def may_move(current: Moderation, to: Moderation) -> bool:
    return to in _ALLOWED[current]
