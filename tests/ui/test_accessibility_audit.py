"""The accessibility audit (issue 17, EN 301 549 chapter 11): the real app, in this process,
walked page by page and dialog by dialog as a reviewer walks it. On every one, each control
has a name without glyphs and a sensible role, takes the focus, lets Tab and Shift+Tab leave
it, is reached by Tab, and shows a focus ring that stands out 3:1
(tests/ui/accessibility_checks.py). Findings are collected for the whole walk and shown
together, page by page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from facilitator.app import Application
from facilitator.core.content.kinds import StepKind
from facilitator.ui.library.card import ModuleCard, ModuleCardData
from facilitator.ui.widgets.resume_dialog import InterruptedSummary, ResumeDialog
from tests.app_in_process import MODULE, start_session
from tests.ui.accessibility_checks import all_findings

Findings = dict[str, list[str]]
STEP_KINDS = (StepKind.PROMPT, StepKind.FILM, StepKind.BREAK, StepKind.EVALUATION)
ALONE = ("module page", "self-study, film", "self-study, question", "logbook")
DIALOGS = ("Inställningar", "Kortkommandon", "Om Facilitator", "Kontroll före sessionen")


def audited(qtbot: Any, findings: Findings, name: str, root: QWidget) -> None:
    window = root.window()

    def active() -> bool:
        # Asked again while waiting: a dialog closing a moment ago can take activation back.
        window.activateWindow()
        return window.isActiveWindow()

    qtbot.waitUntil(active)
    findings[name] = all_findings(root)


@pytest.fixture
def findings(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Findings]:
    """Every dialog the app opens is shown, audited and closed instead of waiting for a
    person. An error inside is a finding (the app's own handler would only show a box)."""
    found: Findings = {}

    def audit(dialog: QDialog) -> int:
        name = dialog.windowTitle() or type(dialog).__name__
        dialog.show()
        try:
            qtbot.waitExposed(dialog)
            audited(qtbot, found, name, dialog)
        except Exception as error:  # reported with the findings
            found[name] = [f"the audit failed: {error!r}"]
        dialog.reject()
        return 0

    monkeypatch.setattr(QDialog, "exec", audit)
    monkeypatch.setattr(QMessageBox, "exec", audit)
    yield found


def report(findings: Findings) -> str:
    return "\n".join(
        f"{page}:\n" + "\n".join(f"    {finding}" for finding in problems)
        for page, problems in findings.items()
        if problems
    )


def alone(qtbot: Any, app: Application, findings: Findings) -> None:
    """A module's page, the self-study path (a film step, a question) and the logbook."""
    pages = app.parts.module_pages
    assert pages is not None
    pages.open(MODULE)
    audited(qtbot, findings, "module page", app.window.current_page())
    qtbot.waitUntil(lambda: app.parts.self_study.loaded, timeout=10_000)
    app.window.open_self_study(MODULE)
    study = app.parts.study_page
    qtbot.waitUntil(lambda: app.window.current_page() is study)
    assert study.path is not None
    steps = list(study.path.steps)
    study.go(next(n for n, step in enumerate(steps, 1) if step.kind is StepKind.FILM))
    audited(qtbot, findings, "self-study, film", study)
    study.go(next(n for n, step in enumerate(steps, 1) if step.question))
    study.step_view.answer.editor.setPlainText("Ett svar")
    audited(qtbot, findings, "self-study, question", study)
    study.leave()
    qtbot.waitUntil(lambda: bool(app.parts.self_study.logbook()), timeout=5_000)
    app.window.logbook_requested.emit()
    qtbot.waitUntil(lambda: app.window.current_page() is app.parts.logbook_page)
    audited(qtbot, findings, "logbook", app.parts.logbook_page)
    app.window.show_page(app.library)


def test_every_page_and_dialog(qtbot: Any, application: Application, findings: Findings) -> None:
    app = application
    app.window.resize(1280, 800)
    qtbot.waitUntil(lambda: len(app.library.cards()) > 1, timeout=20_000)
    app.library.select(app.library.cards()[1].data.key)
    audited(qtbot, findings, "library", app.library)
    alone(qtbot, app, findings)
    running = start_session(app, qtbot, rehearse=False, minutes=120)
    # The guard hands activation back to the console; the audit moves it on purpose.
    running.controller.focus_guard.enabled = False
    app.window.show_page(app.parts.planner)
    audited(qtbot, findings, "planner", app.parts.planner)
    app.window.show_page(running.console)
    service = running.service
    steps = service.engine.plan.active_steps
    for kind in STEP_KINDS:
        service.jump(next(s for s in steps if s.kind == kind).key)
        if kind is StepKind.PROMPT:  # with a notice, its action and its "Stäng"
            running.console.notices.post("audit", "Projektorn kopplades bort.", "Visa", print)
        audited(qtbot, findings, f"console, {kind.value}", running.console)
    service.jump(steps[-1].key)
    service.end()
    closeout = app.parts.closeout
    # Built with interactive=False, the app leaves the close-out to the test.
    closeout.begin(
        service.session_uuid, service.modules, service.engine.initial_plan, rehearsal=False
    )
    audited(qtbot, findings, "close-out: attendance", closeout.attendance)
    closeout.attendance.skipped.emit()
    audited(qtbot, findings, "close-out: evaluation", closeout.evaluation)
    closeout.evaluation.skipped.emit()
    qtbot.waitUntil(lambda: app.window.current_page() is closeout.parking)
    audited(qtbot, findings, "close-out: parking lot", closeout.parking)
    closeout.parking.done.emit()
    app.window.history_requested.emit()
    history = app.parts.history_page
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=10_000)
    history.table.selectRow(0)
    audited(qtbot, findings, "history", history)
    history.open_button.click()  # the session detail, audited as it opens
    title = history.selected_session().title
    qtbot.waitUntil(lambda: title in findings, timeout=10_000)
    for signal in (
        app.window.settings_requested,
        app.window.keys_requested,
        app.window.about_requested,
        app.window.check_requested,
    ):
        signal.emit()
    ResumeDialog(InterruptedSummary("Grund 1", "Kalmar", None, "Film", 3), app.window).exec()
    assert set(DIALOGS) <= set(findings), "a dialog was not opened"
    assert set(ALONE) <= set(findings), "a page for one person was not walked"
    assert not report(findings), "\n" + report(findings)


def test_a_chosen_card_says_so_in_words_and_to_a_screen_reader(qtbot: Any) -> None:
    card = ModuleCard(ModuleCardData("a", "Grund 1", "Om kultur", (45, 75), None, ("sv",)))
    qtbot.addWidget(card)
    card.show()
    words = [label.text() for label in card.findChildren(QLabel) if label.isVisible()]
    assert "Vald" not in words
    interface = QAccessible.queryAccessibleInterface(card)
    assert interface.role() == QAccessible.Role.CheckBox
    assert interface.state().checkable and not interface.state().checked
    qtbot.keyClick(card, Qt.Key.Key_Space)
    words = [label.text() for label in card.findChildren(QLabel) if label.isVisible()]
    assert "Vald" in words
    assert QAccessible.queryAccessibleInterface(card).state().checked
    assert interface.text(QAccessible.Text.Name) == "Grund 1"
