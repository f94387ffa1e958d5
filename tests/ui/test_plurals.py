"""Issue 17: counts with a noun take the noun's number in English ("from 1 participants")."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core import i18n
from facilitator.core.content.manifest import EvaluationQuestion
from facilitator.core.storage.records import Gender
from facilitator.ui.console.closeout_pages import AttendancePage, EvaluationPage

LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale"
SAFE = EvaluationQuestion(id="tryggt", text="Kändes det tryggt?", options=["Ja", "Nej"])


@pytest.fixture
def english() -> None:
    assert i18n.activate("en", LOCALE)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(
    ("participants", "shown"),
    [(1, "1 answer from 1 participant"), (2, "1 answer from 2 participants")],
)
def test_answers_from_participants(qtbot, participants: int, shown: str) -> None:
    page = EvaluationPage(60)
    qtbot.addWidget(page)
    page.set_questions([("grund-1", SAFE)])
    page.set_participant_count(participants)
    page._blocks[0].spins[0].set_value(1)
    assert page._blocks[0].answers.text() == shown


@pytest.mark.usefixtures("english")
def test_attendance_total(qtbot) -> None:
    page = AttendancePage()
    qtbot.addWidget(page)
    page.gender[Gender.WOMEN].set_value(1)
    assert page.total.text() == "Total: 1 participant"
    page.gender[Gender.MEN].set_value(2)
    assert page.total.text() == "Total: 3 participants"


@pytest.mark.parametrize(("language", "shown"), [("sv", "60 %"), ("en", "60%")])
def test_the_settings_percent_follows_the_language(qtbot, language: str, shown: str) -> None:
    from facilitator.core.settings import Settings
    from facilitator.ui.settings_dialog import SettingsDialog

    assert i18n.activate(language, LOCALE)
    dialog = SettingsDialog(Settings(knowledge_target_percent=60))
    qtbot.addWidget(dialog)
    assert dialog.target.text() == shown
