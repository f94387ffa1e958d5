"""The logbook value: answers from the self-study service grouped by module, in its order."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from facilitator.core.export.logbook_model import logbook_of
from facilitator.core.export.logbook_wording import (
    answer_paragraphs,
    cover_facts,
    logbook_title,
    written_line,
)
from tests.core.export.logbook_sample import Answer, answers, moment, sample_logbook


def test_modules_keep_the_services_order_and_a_new_version_is_its_own_module() -> None:
    first, *rest = answers()
    newer = Answer(**{**vars(first), "id": "9", "module_version": "3.0", "step_id": "ny"})
    book = logbook_of([*answers(), newer], moment(9))
    assert [(m.module_id, m.version) for m in book.modules] == [
        ("m03-kultur", "2.0"),
        ("m01-mote", "2.1"),
        ("m05-ord", "2.0"),
        ("m03-kultur", "3.0"),
    ]
    assert [a.step_id for a in book.modules[0].answers] == ["egna", "arabiska"]
    assert book.modules[0].title == "Kultur och identitet"


def test_the_period_runs_from_the_first_answer_to_the_last_change() -> None:
    book = sample_logbook()
    assert book.first_written == moment(20, 11)
    assert book.last_written == moment(8)
    assert ("Svaren skrevs", "20 november 2026 – 8 december 2026") in cover_facts(book)
    one_day = logbook_of(answers()[1:2], moment(9), owner="  ")
    assert cover_facts(one_day) == [
        ("Svaren skrevs", "3 december 2026"),
        ("Exporterad", "9 december 2026"),
    ]


def test_a_change_is_told_only_on_a_later_day() -> None:
    answer = answers()[1]
    same_day = replace(answer, updated_at=answer.answered_at + timedelta(hours=3))
    later = replace(answer, updated_at=datetime(2027, 1, 5, 12, tzinfo=UTC))
    assert written_line(same_day) == "Skrivet 3 december 2026"
    assert written_line(later) == "Skrivet 3 december 2026, ändrat 5 januari 2027"


def test_paragraphs_are_split_at_blank_lines_and_lines_kept() -> None:
    typed = "\n  \nFörsta raden\r\nandra raden   \n\n\n\nNästa stycke\n \n"
    assert answer_paragraphs(typed) == ["Första raden\nandra raden", "Nästa stycke"]
    assert answer_paragraphs(" \n\n") == []


def test_the_title_is_min_loggbok_unless_told() -> None:
    assert logbook_title(sample_logbook()) == "Min loggbok"
    told = logbook_of(answers(), moment(9), title="Inför första träffen")
    assert logbook_title(told) == "Inför första träffen"
