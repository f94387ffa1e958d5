"""A stand-in for ``PhoneRoom`` (facilitator/core/application/phone_room.py) with its
broadcasts and moderation, for the console's tests and screenshots: approving or rejecting
emits ``moderated`` as the real service does once the answer is stored (the service's own
tests cover the storing)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from facilitator.core.application.broadcast import Broadcast

START = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Answer:
    uuid: str
    step_key: str
    question_text: str
    text: str | None
    status: str
    received_at: datetime


class Room:
    room_code = "482913"
    question_text = "Frågan"

    def __init__(self) -> None:
        self.received: Broadcast[tuple[Answer, ...]] = Broadcast()
        self.moderated: Broadcast[Answer] = Broadcast()
        self.known: dict[str, Answer] = {}
        self.decisions: list[tuple[str, str]] = []

    def answers(self) -> tuple[Answer, ...]:
        return tuple(self.known.values())

    def arrive(self, step_key: str, *texts: str) -> list[str]:
        new = tuple(
            Answer(
                f"a{len(self.known) + n}",
                step_key,
                self.question_text,
                text,
                "pending",
                START + timedelta(seconds=len(self.known) + n),
            )
            for n, text in enumerate(texts)
        )
        self.known.update({a.uuid: a for a in new})
        self.received.emit(new)
        return [a.uuid for a in new]

    def approve(self, uuid: str) -> None:
        self._decide(uuid, "approved")

    def reject(self, uuid: str) -> None:
        self._decide(uuid, "rejected")

    def _decide(self, uuid: str, status: str) -> None:
        self.decisions.append((uuid, status))
        self.known[uuid] = replace(self.known[uuid], status=status)
        self.moderated.emit(self.known[uuid])
