"""The close-out with phones (issue 20): the evaluation page says how many answered on their
phones, and their answers count with the hands in each question's total and the indicator;
the count fields stay the hands' own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from facilitator.ui.console.closeout_pages import EvaluationPage
from tests.ui.test_closeout_widgets import KNOWLEDGE, SAFE, count


@dataclass(frozen=True)
class PhoneCounts:
    """As ``PhoneEvaluationCounts`` (facilitator/core/storage/phone_records.py)."""

    counts: Mapping[str, Mapping[int, int]]
    devices: int

    def count(self, question_key: str, option_index: int) -> int:
        return self.counts.get(question_key, {}).get(option_index, 0)


def test_the_phones_answers_show_beside_the_hands(qtbot) -> None:
    page = EvaluationPage(60)
    qtbot.addWidget(page)
    page.show()
    page.set_questions([("grund-1", KNOWLEDGE), ("grund-1", SAFE)])
    assert not page.phone_line.isVisible()
    count(page, 0, [2, 1, 3, 0])
    page.set_phone_counts(PhoneCounts({"kunskap": {0: 2, 1: 1}, "tryggt": {0: 3}}, devices=3))
    assert page.phone_line.isVisible() and page.phone_line.text() == "3 svarade på mobilen"
    # 3 + 3 by hand and phone: 6 of 9 say more knowledge, 66 %.
    assert page.indicator_texts()[0].startswith("Målet nås: 66 %")
    assert page._blocks[0].answers.text() == "9 svar (varav 3 på mobilen)"
    assert page._blocks[1].answers.text() == "3 svar (varav 3 på mobilen)"
    knowledge, safe = page.results()
    assert [option.count for option in knowledge.options] == [2, 1, 3, 0]
    assert safe.answers == 0
    page.set_phone_counts(PhoneCounts({}, devices=0))
    assert not page.phone_line.isVisible()
