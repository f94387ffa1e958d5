"""The close of a session: attendance, evaluation, the come-back-to list, and resuming."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from facilitator.core.content.manifest import EvaluationQuestion
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationOption,
    EvaluationResult,
    Gender,
    ReflectionKind,
    ReflectionRecord,
    TargetGroup,
)
from facilitator.ui.console.closeout_pages import AttendancePage, EvaluationPage, ParkingLotPage
from facilitator.ui.widgets.resume_dialog import InterruptedSummary, ResumeChoice, ResumeDialog

KNOWLEDGE = EvaluationQuestion(
    id="kunskap",
    text="Har du fått mer kunskap om vad kultur är?",
    options=["Ja, mycket", "Ja, lite", "Nej", "Vet inte"],
    indicator="knowledge",
    positive_options=[0, 1],
)
SAFE = EvaluationQuestion(
    id="tryggt", text="Kändes det tryggt att prata i gruppen?", options=["Ja", "Nej"]
)


def buttons(widget: QWidget) -> dict[str, QPushButton]:
    return {button.text(): button for button in widget.findChildren(QPushButton)}


# --- attendance ----------------------------------------------------------------------------


def test_attendance_total_follows_the_counts(qtbot) -> None:
    page = AttendancePage()
    qtbot.addWidget(page)
    assert page.total.text() == "Totalt: 0 deltagare"
    for _ in range(3):
        qtbot.mouseClick(page.gender[Gender.WOMEN].plus, Qt.MouseButton.LeftButton)
    page.gender[Gender.MEN].set_value(2)
    page.gender[Gender.NOT_STATED].set_value(1)
    # Target groups overlap, so they do not add to the total.
    page.target_groups[TargetGroup.MANAGERS].set_value(4)
    assert page.total.text() == "Totalt: 6 deltagare"
    qtbot.mouseClick(page.gender[Gender.WOMEN].minus, Qt.MouseButton.LeftButton)
    assert page.total.text() == "Totalt: 5 deltagare"


def test_attendance_saves_counts_and_can_be_skipped(qtbot) -> None:
    page = AttendancePage()
    qtbot.addWidget(page)
    page.set_counts(AttendanceCounts(women=9, men=5, other=1, integration_staff=6, volunteers=2))
    assert page.total.text() == "Totalt: 15 deltagare"
    with qtbot.waitSignal(page.saved) as saved:
        buttons(page)["Spara"].click()
    assert saved.args == [
        AttendanceCounts(women=9, men=5, other=1, integration_staff=6, volunteers=2)
    ]
    page.set_counts(None)
    assert page.counts() == AttendanceCounts()
    assert page.total.text() == "Totalt: 0 deltagare"
    with qtbot.waitSignal(page.skipped):
        buttons(page)["Hoppa över"].click()


def test_attendance_says_no_names_are_needed(qtbot) -> None:
    page = AttendancePage()
    qtbot.addWidget(page)
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "inga namn" in texts


# --- evaluation ----------------------------------------------------------------------------


def evaluation(qtbot, target: int = 60) -> EvaluationPage:
    page = EvaluationPage(target)
    qtbot.addWidget(page)
    page.set_questions([("grund-1", KNOWLEDGE), ("grund-1", SAFE)])
    return page


def count(page: EvaluationPage, question: int, counts: list[int]) -> None:
    for spin, value in zip(page._blocks[question].spins, counts, strict=True):
        spin.set_value(value)


@pytest.mark.parametrize(
    ("counts", "words"),
    [
        ([30, 29, 40, 1], ["Under målet", "59 %", "59 av 100", "Målet är 60 %"]),
        ([30, 30, 39, 1], ["Målet nås", "60 %", "60 av 100"]),
        # 179 of 300 is 59.67 %: shown as 59 %, and below a 60 % target, never "60 % … under".
        ([100, 79, 121, 0], ["Under målet", "59 %"]),
    ],
)
def test_knowledge_indicator_against_the_target(qtbot, counts, words) -> None:
    page = evaluation(qtbot)
    count(page, 0, counts)
    (text,) = page.indicator_texts()
    for word in words:
        assert word in text


def test_indicator_before_any_answers_and_with_another_target(qtbot) -> None:
    page = evaluation(qtbot)
    assert "Inga svar ännu" in page.indicator_texts()[0]
    count(page, 0, [6, 4, 3, 2])  # 10 of 15 = 66 %
    assert page.indicator_texts()[0].startswith("Målet nås")
    page.set_target(70)
    assert page.indicator_texts()[0].startswith("Under målet")
    assert "Målet är 70 %" in page.indicator_texts()[0]


def test_evaluation_saves_results_with_texts_and_counts(qtbot) -> None:
    page = evaluation(qtbot)
    count(page, 0, [6, 4, 3, 2])
    count(page, 1, [12, 1])
    with qtbot.waitSignal(page.saved) as saved:
        buttons(page)["Spara"].click()
    knowledge, safe = saved.args[0]
    assert knowledge == EvaluationResult(
        question_id="kunskap",
        question_text=KNOWLEDGE.text,
        options=(
            EvaluationOption(0, "Ja, mycket", 6),
            EvaluationOption(1, "Ja, lite", 4),
            EvaluationOption(2, "Nej", 3),
            EvaluationOption(3, "Vet inte", 2),
        ),
        knowledge_indicator=True,
    )
    assert safe.question_id == "tryggt"
    assert not safe.knowledge_indicator
    assert safe.answers == 13
    page.set_questions([("grund-1", KNOWLEDGE)])
    page.set_results([knowledge])
    assert [spin.value() for spin in page._blocks[0].spins] == [6, 4, 3, 2]


def test_the_same_question_id_in_two_modules_is_kept_apart(qtbot) -> None:
    page = EvaluationPage()
    qtbot.addWidget(page)
    page.set_questions([("grund-1", KNOWLEDGE), ("grund-2", KNOWLEDGE), ("grund-2", SAFE)])
    ids = [result.question_id for result in page.results()]
    assert ids == ["grund-1/kunskap", "grund-2/kunskap", "tryggt"]
    page.set_participant_count(16)
    assert page._blocks[0].answers.text() == "0 svar av 16 deltagare"


# --- the come-back-to list -----------------------------------------------------------------


def reflection(uuid: str, kind: ReflectionKind, text: str) -> ReflectionRecord:
    return ReflectionRecord(
        uuid=uuid,
        session_uuid="s",
        step_key="m/p",
        prompt_text="Vad är självklart för oss här?",
        kind=kind,
        text=text,
        created_at=datetime(2026, 3, 12, 13, 40, tzinfo=UTC),
        edited_at=None,
    )


def test_parking_lot_shows_come_back_to_and_agreements_only(qtbot) -> None:
    page = ParkingLotPage()
    qtbot.addWidget(page)
    page.show()
    page.set_closing_text("Tack för i dag!")
    page.set_reflections(
        [
            reflection("1", ReflectionKind.NOTE, "Fika nämndes ofta."),
            reflection("2", ReflectionKind.PARKING, "Hur berättar vi om oskrivna regler?"),
            reflection("3", ReflectionKind.ACTION, "Välkomstrutinen på nästa APT."),
            reflection("4", ReflectionKind.QUOTE, "Det har ingen sagt till mig."),
        ]
    )
    assert "Tack för i dag!" in page.closing.text()
    assert [page.parking.item(i).text() for i in range(page.parking.count())] == [
        "Hur berättar vi om oskrivna regler?"
    ]
    assert page.agreements.item(0).text() == "Välkomstrutinen på nästa APT."
    assert page.agreements.count() == 1
    page.set_reflections([])
    assert page.parking.isHidden()
    assert page._no_parking.isVisible()
    assert page._no_parking.text() == "Inget att återkomma till."


def test_parking_lot_buttons(qtbot) -> None:
    page = ParkingLotPage()
    qtbot.addWidget(page)
    by_text = buttons(page)
    with qtbot.waitSignal(page.export_requested):
        by_text["Exportera sammanfattning"].click()
    with qtbot.waitSignal(page.done):
        by_text["Klar"].click()


# --- resuming ------------------------------------------------------------------------------

INTERRUPTED = InterruptedSummary(
    title="Socialtjänsten, vuxen",
    place="Kalmar, Kulturhuset",
    started_at=datetime(2026, 3, 12, 12, 40, tzinfo=UTC),
    step_title="Det självklara hos oss",
    reflection_count=17,
)


@pytest.mark.parametrize(
    ("button", "choice"),
    [
        ("Fortsätt sessionen", ResumeChoice.RESUME),
        ("Avsluta den som avbruten", ResumeChoice.CLOSE_AS_INTERRUPTED),
        ("Bestäm senare", ResumeChoice.LATER),
    ],
)
def test_resume_dialog_choices(qtbot, button: str, choice: ResumeChoice) -> None:
    dialog = ResumeDialog(INTERRUPTED)
    qtbot.addWidget(dialog)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for fact in ("Socialtjänsten, vuxen", "Kalmar, Kulturhuset", "Det självklara", "17 reflekt"):
        assert fact in shown
    buttons(dialog)[button].click()
    assert dialog.choice() is choice


def test_resume_dialog_escape_means_later(qtbot) -> None:
    dialog = ResumeDialog(INTERRUPTED)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice() is ResumeChoice.LATER
    assert not dialog.isVisible()


def test_closing_words_show_their_markdown_as_text_not_marks(qtbot) -> None:
    page = ParkingLotPage()
    qtbot.addWidget(page)
    page.set_closing_text("## Tack för i dag!\n\nKultur är **inlärd**.")
    shown = QTextDocument()
    shown.setHtml(page.closing.text())
    assert shown.toPlainText().split() == ["Tack", "för", "i", "dag!", "Kultur", "är", "inlärd."]
