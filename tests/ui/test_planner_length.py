"""The planner on the bundled Grund 1 in the real app: the plan's length against the length
chosen, and fitting it back with the landing rules."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from facilitator.core.content.kinds import StepKind
from tests.app_in_process import MODULE


def plan_in_planner(app, qtbot, minutes: int = 75):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: app.is_assembled, timeout=20_000)
    with qtbot.waitSignal(app.parts.library.plan_ready, timeout=10_000):
        app.parts.library.make_plan([MODULE], minutes)
    return app.parts.planner


def test_a_plan_that_grew_says_so_and_can_be_fitted(qtbot, application, monkeypatch) -> None:
    planner = plan_in_planner(application, qtbot)
    planner.show()
    assert planner.end_label.text().endswith("· 75 min totalt")
    assert not planner.fit_button.isVisible()
    films = {s.key: s.planned_minutes for s in planner.plan.steps if s.kind is StepKind.FILM}
    planner.table.selectRow(2)
    planner.break_button.click()
    planner.break_button.click()
    assert planner.plan.total_minutes == 95
    assert planner.end_label.text().endswith("· 95 min av valda 75 min · 20 min för lång")
    assert planner.fit_button.isVisible() and planner.fit_button.text() == "Korta till 75 min"
    asked: list[QMessageBox] = []

    def accept(box: QMessageBox) -> int:
        asked.append(box)
        box.defaultButton().click()  # "Korta planen"
        return 0

    monkeypatch.setattr(QMessageBox, "exec", accept)
    planner.fit_button.click()
    (question,) = asked
    assert question.text() == "Så här ryms planen i 75 min:"
    assert "• Korta ”" in question.informativeText()
    assert planner.plan.total_minutes == 75
    assert planner.end_label.text().endswith("· 75 min totalt")
    assert not planner.fit_button.isVisible()
    breaks = [s for s in planner.plan.steps if s.kind is StepKind.BREAK]
    assert [s.planned_minutes for s in breaks] == [10, 10]  # the breaks just added stay
    assert {k: planner.plan.step(k).planned_minutes for k in films} == films
    shown = [planner.table.cellWidget(row, 3).value() for row in range(planner.table.rowCount())]
    assert shown == [step.planned_minutes for step in planner.plan.steps]


def test_a_shorter_plan_shows_both_lengths_without_an_offer(qtbot, application) -> None:
    planner = plan_in_planner(application, qtbot)
    planner.show()
    first = planner.plan.steps[0]
    planner.table.cellWidget(0, 3).setValue(first.planned_minutes - 5)
    assert planner.end_label.text().endswith("· 70 min av valda 75 min")
    assert not planner.fit_button.isVisible()
