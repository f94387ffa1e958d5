"""What a logbook export knows: a person's self-study answers, grouped by module, as plain
values. The PDF and the Markdown are written from this alone and never touch the database."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from facilitator.core.storage.self_study_records import Answer


def was_edited(answer: Answer) -> bool:
    """Changed on a later day than it was written (a same-day edit is not worth a line)."""
    return answer.updated_at.astimezone().date() > answer.answered_at.astimezone().date()


@dataclass(frozen=True)
class LogbookModule:
    """One module's answers, in the order of its self-study path."""

    module_id: str
    version: str
    title: str
    answers: tuple[Answer, ...]


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
    def answers(self) -> tuple[Answer, ...]:
        return tuple(answer for module in self.modules for answer in module.answers)

    @property
    def first_written(self) -> datetime | None:
        return min((a.answered_at for a in self.answers), default=None)

    @property
    def last_written(self) -> datetime | None:
        return max((a.updated_at for a in self.answers), default=None)


def logbook_of(
    answers: Iterable[Answer], generated_at: datetime, *, owner: str = "", title: str = ""
) -> Logbook:
    """A logbook from the service's answers in its order (newest module first, steps in path
    order): each module where its first answer is, its answers in the order given. A module
    answered in two versions is two modules, since the questions may differ between them."""
    grouped: dict[tuple[str, str], list[Answer]] = {}
    for answer in answers:
        grouped.setdefault((answer.module_id, answer.module_version), []).append(answer)
    modules = tuple(
        LogbookModule(module_id, version, group[0].module_title, tuple(group))
        for (module_id, version), group in grouped.items()
    )
    return Logbook(generated_at=generated_at, modules=modules, owner=owner, title=title)
