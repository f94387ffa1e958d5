"""What the self-study store hands out and takes in: plain frozen values, free of SQLAlchemy,
so the application layer and the UI may hold them (see records.py for the same rule).

A person's self-study answers are theirs alone: nothing here refers to a group session, and
nothing in the export path of a session reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

__all__ = ["Answer", "AnswerDraft", "Progress"]


@dataclass(frozen=True)
class AnswerDraft:
    """An answer as the person typed it, on its way to the disk. ``id`` is made before the
    first save, so a save replayed from the recovery journal cannot make a second answer."""

    id: str
    module_id: str
    module_version: str
    module_title: str
    step_id: str
    position: int
    """The step's place in the module's self-study path, for the logbook's order."""
    question: str
    text: str


@dataclass(frozen=True)
class Answer:
    """One answer in the logbook. ``answered_at`` is when it was first saved, ``updated_at``
    when it last changed (both aware, in UTC)."""

    id: str
    module_id: str
    module_version: str
    module_title: str
    step_id: str
    question: str
    text: str
    answered_at: datetime
    updated_at: datetime
    position: int = 0


@dataclass(frozen=True)
class Progress:
    """How far a person has come in one module alone."""

    module_id: str
    module_version: str
    current_step_id: str | None
    answered: tuple[str, ...]
    """The step ids with an answer, in path order."""
    started: datetime
    updated: datetime
