"""The question open to the phones now: a prompt, a reflection round, or the evaluation's
items with their options. Made by whoever drives the session (the console) from the step on
screen; the phone page shows it and the service stores answers against its keys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class QuestionKind(StrEnum):
    PROMPT = "prompt"
    REFLECTION = "reflection"
    EVALUATION = "evaluation"


@dataclass(frozen=True)
class EvaluationItem:
    key: str
    """The id the hand counts are stored under (the close-out's ``question_keys``: the
    question's id, or "module_id/question_id" when a session reuses an id), so the phones'
    counts land next to the hand counts of the same question."""
    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class PhoneQuestion:
    """``step_key`` says where in the session it is asked; ``text`` is the prompt (for an
    evaluation, its heading). All of it is plain text: the page escapes it."""

    kind: QuestionKind
    step_key: str
    text: str
    items: tuple[EvaluationItem, ...] = ()

    def __post_init__(self) -> None:
        if self.kind is QuestionKind.EVALUATION and not self.items:
            raise ValueError("an evaluation needs at least one item")
        if self.kind is not QuestionKind.EVALUATION and self.items:
            raise ValueError("only an evaluation has items")

    @property
    def free_text(self) -> bool:
        return self.kind is not QuestionKind.EVALUATION

    @property
    def version(self) -> str:
        """Changes whenever the open question does: a form posted for an earlier question is
        refused instead of being stored under the new one."""
        return f"{self.kind.value}:{self.step_key}"

    def item(self, key: str) -> EvaluationItem | None:
        return next((item for item in self.items if item.key == key), None)


def prompt(step_key: str, text: str) -> PhoneQuestion:
    return PhoneQuestion(QuestionKind.PROMPT, step_key, text)


def reflection_round(step_key: str, text: str) -> PhoneQuestion:
    return PhoneQuestion(QuestionKind.REFLECTION, step_key, text)


def evaluation(step_key: str, heading: str, items: Sequence[EvaluationItem]) -> PhoneQuestion:
    return PhoneQuestion(QuestionKind.EVALUATION, step_key, heading, tuple(items))
