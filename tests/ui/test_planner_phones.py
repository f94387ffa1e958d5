"""The planner's "Deltagarna svarar på mobilen" (issue 20): off by default, reached with the
keyboard, remembered for the next plan, and the same setting as the console's toggle."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_planner_length import plan_in_planner


def test_phones_are_off_then_remembered_once_turned_on(qtbot, application) -> None:
    planner = plan_in_planner(application, qtbot)
    check = planner.phones_check
    assert check.text() == "Deltagarna svarar på mobilen" and not check.isChecked()
    assert check.toolTip()
    assert check.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert application.services.settings.current.phones_on
    check.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert not application.services.settings.current.phones_on
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert application.services.settings.current.phones_on
    planner = plan_in_planner(application, qtbot, 45)  # the next plan: still on
    assert planner.phones_check.isChecked()
