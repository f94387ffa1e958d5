"""What a logbook export knows: a person's self-study answers, grouped by module, as plain
values. The PDF and the Markdown are written from this alone and never touch the database.

``LogbookAnswer`` has the fields of the self-study service's ``Answer``
(``core.application.self_study``), so an answer converts one to one; the export does not
import the service, which keeps it out of the application layer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class AnswerLike(Protocol):
    """Anything with an ``Answer``'s fields (read only, so a frozen dataclass fits)."""

    @property
    def id(self) -> object: ...
    @property
    def module_id(self) -> str: ...
    @property
    def module_version(self) -> str: ...
    @property
    def module_title(self) -> str: ...
    @property
    def step_id(self) -> str: ...
    @property
    def question(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def answered_at(self) -> datetime: ...
    @property
    def updated_at(self) -> datetime: ...


@dataclass(frozen=True)
class LogbookAnswer:
    """One answer as written: the question it answers, the text as typed, when."""

    id: str
    module_id: str
    module_version: str
    module_title: str
    step_id: str
    question: str
    text: str
    answered_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, answer: AnswerLike) -> LogbookAnswer:
        return cls(
            id=str(answer.id),
            module_id=answer.module_id,
            module_version=answer.module_version,
            module_title=answer.module_title,
            step_id=answer.step_id,
            question=answer.question,
            text=answer.text,
            answered_at=answer.answered_at,
            updated_at=answer.updated_at,
        )

    @property
    def edited(self) -> bool:
        """Changed on a later day than it was written (a same-day edit is not worth a line)."""
        return self.updated_at.astimezone().date() > self.answered_at.astimezone().date()


@dataclass(frozen=True)
class LogbookModule:
    """One module's answers, in the order of its self-study path."""

    module_id: str
    version: str
    title: str
    answers: tuple[LogbookAnswer, ...]


@dataclass(frozen=True)
class Logbook:
    generated_at: datetime
    """When the export was made (aware)."""
    modules: tuple[LogbookModule, ...]
    owner: str = ""
    """Whose logbook it is, as the person wants it printed; empty for none."""
    title: str = ""
    """The document's title; empty for the default ("Min loggbok")."""

    @property
    def answers(self) -> tuple[LogbookAnswer, ...]:
        return tuple(answer for module in self.modules for answer in module.answers)

    @property
    def first_written(self) -> datetime | None:
        return min((a.answered_at for a in self.answers), default=None)

    @property
    def last_written(self) -> datetime | None:
        return max((a.updated_at for a in self.answers), default=None)


def logbook_of(
    answers: Iterable[AnswerLike], generated_at: datetime, *, owner: str = "", title: str = ""
) -> Logbook:
    """A logbook from the service's answers in its order (newest module first, steps in path
    order): each module where its first answer is, its answers in the order given. A module
    answered in two versions is two modules, since the questions may differ between them."""
    grouped: dict[tuple[str, str], list[LogbookAnswer]] = {}
    for answer in answers:
        entry = LogbookAnswer.of(answer)
        grouped.setdefault((entry.module_id, entry.module_version), []).append(entry)
    modules = tuple(
        LogbookModule(module_id, version, group[0].module_title, tuple(group))
        for (module_id, version), group in grouped.items()
    )
    return Logbook(generated_at=generated_at, modules=modules, owner=owner, title=title)
