"""Typing a number into a count field replaces what is there, however the field got focus.

Issue 14: the attendance page focused its first count with the 0 unselected, so typing 7
recorded 70 and the summary PDF said "Kvinnor 70".
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSpinBox, QWidget

from facilitator.core.content.manifest import EvaluationQuestion
from facilitator.core.planning import ModuleChoice, plan_for
from facilitator.core.settings import Settings
from facilitator.core.storage.records import Gender, TargetGroup
from facilitator.ui.console.closeout_pages import AttendancePage, EvaluationPage
from facilitator.ui.library.planner_page import PlannerPage
from facilitator.ui.settings_dialog import SettingsDialog
from facilitator.ui.widgets.number_field import NumberField
from tests.ui.session_fixtures import example_manifest

QUESTION = EvaluationQuestion(id="tryggt", text="Kändes det tryggt?", options=["Ja", "Nej"])


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    return widget


def type_into(qtbot, spin: QSpinBox, text: str) -> None:
    # Focus-in selects on the next event-loop turn; let it run as a person's typing would.
    qtbot.waitUntil(spin.hasFocus)
    QTest.qWait(1)
    QTest.keyClicks(spin, text)


def click(qtbot, spin: QSpinBox) -> None:
    QTest.mouseClick(spin.lineEdit(), Qt.MouseButton.LeftButton)
    type_into(qtbot, spin, "")


def test_attendance_first_field_takes_what_is_typed(qtbot) -> None:
    page = shown(qtbot, AttendancePage())
    page.focus_first()
    type_into(qtbot, page.gender[Gender.WOMEN].spin, "7")
    assert page.gender[Gender.WOMEN].value() == 7


def test_attendance_tab_and_click_replace_the_count(qtbot) -> None:
    page = shown(qtbot, AttendancePage())
    page.gender[Gender.MEN].set_value(5)
    page.focus_first()
    type_into(qtbot, page.gender[Gender.WOMEN].spin, "7")
    QTest.keyClick(page.gender[Gender.WOMEN].spin, Qt.Key.Key_Tab)
    type_into(qtbot, page.gender[Gender.MEN].spin, "3")
    assert page.gender[Gender.MEN].value() == 3
    managers = page.target_groups[TargetGroup.MANAGERS]
    managers.set_value(2)
    click(qtbot, managers.spin)
    QTest.keyClicks(managers.spin, "4")
    assert managers.value() == 4
    assert page.counts().women == 7


def test_attendance_click_on_a_focused_field_after_the_plus_button(qtbot) -> None:
    page = shown(qtbot, AttendancePage())
    women = page.gender[Gender.WOMEN]
    page.focus_first()
    qtbot.mouseClick(women.plus, Qt.MouseButton.LeftButton)  # the button takes no focus
    assert women.value() == 1
    page.gender[Gender.MEN].spin.setFocus()
    click(qtbot, women.spin)
    QTest.keyClicks(women.spin, "12")
    assert women.value() == 12


def test_evaluation_first_field_and_click_replace_the_count(qtbot) -> None:
    page = shown(qtbot, EvaluationPage(60))
    page.set_questions([("grund-1", QUESTION)])
    yes, no = page._blocks[0].spins
    page.focus_first()
    type_into(qtbot, yes.spin, "7")
    assert yes.value() == 7
    no.set_value(9)
    click(qtbot, no.spin)
    QTest.keyClicks(no.spin, "2")
    assert no.value() == 2


def test_planner_minutes_field_replaces_its_minutes(qtbot) -> None:
    manifest = example_manifest()
    planner = shown(qtbot, PlannerPage())
    planner.set_plan(plan_for([ModuleChoice(manifest, manifest.variant(45))]))
    minutes = planner.table.cellWidget(0, 3)
    assert isinstance(minutes, NumberField)
    before = minutes.value()
    assert before > 0
    click(qtbot, minutes)
    QTest.keyClicks(minutes, "9")
    assert minutes.value() == 9


@pytest.mark.parametrize("field", ["target", "retention"])
def test_settings_number_fields_replace_their_value(qtbot, field: str) -> None:
    dialog = shown(qtbot, SettingsDialog(Settings(retention_days=30)))
    spin = getattr(dialog, field)
    assert isinstance(spin, NumberField)
    spin.setFocus(Qt.FocusReason.OtherFocusReason)
    type_into(qtbot, spin, "45")
    assert spin.value() == 45
