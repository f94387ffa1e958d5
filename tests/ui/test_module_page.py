"""A module's own page (issue 19), in the real app: opened from its card with Enter or a
double-click and left with Esc, the card in hand again; its goals with the lengths they hold
in, its steps per length, the film playing in the page with real libVLC (dummy outputs) and
its text on T, the printables written as real PDFs and read back, and the ways on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from facilitator.app import Application
from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest_printables import Layout
from facilitator.core.content.printable_use import in_session
from facilitator.core.films.playback import PlayerState
from facilitator.ui.library.card import ModuleCard
from facilitator.ui.library.module_facts import has_signs, only_in
from facilitator.ui.library.module_page import ModulePage
from tests.conftest import ROOT
from tests.ui.accessibility_checks import all_findings

MODULE = "grund-1-vad-ar-kultur"
SIGNS_MODULE = "fordjupning-4-kulturella-skillnader"


def card_of(app: Application, key: str) -> ModuleCard:
    return next(c for c in app.library.cards() if c.data.key == key)


def opened_by_enter(app: Application, qtbot: Any, key: str = MODULE) -> ModulePage:
    qtbot.waitUntil(lambda: app.is_assembled, timeout=20_000)
    app.window.activateWindow()
    card = card_of(app, key)
    card.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    pages = app.parts.module_pages
    assert pages is not None and pages.page is not None
    assert app.window.current_page() is pages.page
    return pages.page


def test_enter_opens_the_page_and_esc_comes_back_to_the_same_card(
    application: Application, qtbot: Any
) -> None:
    app = application
    page = opened_by_enter(app, qtbot)
    assert page.title.text() == "Grund 1 – Vad är kultur?"
    assert not card_of(app, MODULE).selected  # Enter opens; only Space chooses
    # A goal tied to a step only the longest length has says so, as the leader guide does.
    assert "(bara i 120 min)" in page.goals.text()
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert app.window.current_page() is app.library
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card_of(app, MODULE))


def test_a_double_click_and_the_library_button_open_the_page_too(
    application: Application, qtbot: Any
) -> None:
    app = application
    qtbot.waitUntil(lambda: app.is_assembled, timeout=20_000)
    card = card_of(app, MODULE)
    qtbot.mouseDClick(card, Qt.MouseButton.LeftButton)
    assert app.window.current_page() is app.parts.module_pages.page
    page = app.parts.module_pages.page
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert app.window.current_page() is app.library
    other = app.library.cards()[3]
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)  # chooses it, and holds it
    show = app.library._show_button
    assert show.isEnabled() and other.data.title in show.toolTip()
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert page.title.text() == other.data.title


def test_the_steps_follow_the_length_chosen(application: Application, qtbot: Any) -> None:
    page = opened_by_enter(application, qtbot)
    manifest = page.manifest
    assert manifest is not None
    for index in range(page.length.count()):
        page.length.setCurrentIndex(index)
        variant = manifest.variant(page.minutes())
        assert page.steps.rowCount() == len(variant.steps)
        shown = sum(int(page.steps.item(r, 3).text()) for r in range(page.steps.rowCount()))
        assert shown == variant.minutes
        assert page.handout_button.text().endswith(f"{variant.minutes} min")
    titles = [page.steps.item(r, 2).text() for r in range(page.steps.rowCount())]
    assert "Film" in titles and "Samtal i par" in titles  # kind, or the format where there is one


def test_tab_reaches_every_control_and_each_shows_its_focus(
    application: Application, qtbot: Any
) -> None:
    page = opened_by_enter(application, qtbot)
    assert all_findings(page) == []


def test_the_film_plays_in_the_page_with_subtitles_and_its_text_on_t(
    application: Application, qtbot: Any
) -> None:
    page = opened_by_enter(application, qtbot)
    film = page.film
    assert film.subtitles.current_text() == "Svenska"
    qtbot.mouseClick(film.play_button, Qt.MouseButton.LeftButton)
    runner = film.runner
    qtbot.waitUntil(
        lambda: runner.player is not None and runner.player.state == PlayerState.PLAYING,
        timeout=15_000,
    )
    qtbot.waitUntil(lambda: "/ 3:" in film.position.text(), timeout=15_000)
    qtbot.keyClick(page.steps, Qt.Key.Key_T)
    transcript = application.parts.module_pages._transcript
    assert transcript is not None and transcript.isVisible()
    assert "kultur" in transcript.text.toPlainText().lower()
    transcript.reject()
    qtbot.keyClick(page.back_button, Qt.Key.Key_Escape)  # leaving the page stops the film
    assert not runner.active


def test_the_printables_are_written_as_pdfs_for_the_length_chosen(
    application: Application, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = application
    page = opened_by_enter(app, qtbot, SIGNS_MODULE)
    page.length.setCurrentIndex(page.length.findData(45))
    asked: list[str] = []

    def save_file(_parent: object, _caption: str, suggested: str, *_rest: object) -> tuple:
        asked.append(Path(suggested).name)
        return str(tmp_path / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    written = []
    for button in (page.guide_button, page.handout_button, page.signs_button):
        assert button.isVisible()
        with qtbot.waitSignal(app.parts.exports.finished, timeout=60_000) as done:
            qtbot.keyClick(button, Qt.Key.Key_Space)
        written.append(done.args[0])
    stem = "04-fordjupning-4-kulturella-skillnader"
    assert asked == [
        f"{stem}-forberedelseguide.pdf",
        f"{stem}-deltagarmaterial-45-min.pdf",
        f"{stem}-skyltar-45-min.pdf",
    ]
    titles = [PdfReader(path).metadata.title for path in written]
    assert titles[0].startswith("Förberedelseguide:")
    assert titles[1].startswith("Deltagarmaterial:")
    assert titles[2].startswith("Skyltar:")
    handout = " ".join(p.extract_text() for p in PdfReader(written[1]).pages)
    assert "Kulturella skillnader" in handout or "kulturella skillnader" in handout.lower()


def test_plan_and_self_study_are_the_ways_on(application: Application, qtbot: Any) -> None:
    app = application
    pages = app.parts.module_pages
    assert pages is not None
    page = opened_by_enter(app, qtbot)
    page.length.setCurrentIndex(page.length.findData(90))
    with qtbot.waitSignal(app.parts.library.plan_ready, timeout=10_000) as planned:
        qtbot.keyClick(page.plan_button, Qt.Key.Key_Space)
    plan = planned.args[0]
    assert {step.module_id for step in plan.steps} == {MODULE}
    assert sum(step.planned_minutes for step in plan.steps) == 90
    # "Gå igenom på egen hand" opens the self-study view for this module.
    app.parts.window.show_page(app.parts.library_page)
    asked: list[str] = []
    pages.self_study_requested.connect(asked.append)
    page = opened_by_enter(app, qtbot)
    assert page.self_study_button.isEnabled()
    qtbot.keyClick(page.self_study_button, Qt.Key.Key_Space)
    assert asked == [MODULE]
    qtbot.waitUntil(lambda: app.parts.window.current_page() is app.parts.study_page)


def test_signs_and_lengths_are_told_as_the_printables_and_the_guide_tell_them() -> None:
    for folder in sorted((ROOT / "modules").iterdir()):
        manifest = load_manifest(folder).manifest
        assert manifest is not None
        for variant in manifest.variants:
            steps = set(variant.steps)
            expected = any(
                p.layout is Layout.SIGNS and in_session(manifest, p.file, steps)
                for p in manifest.printables
            )
            assert has_signs(manifest, variant.minutes) == expected, (folder.name, variant)
        assert only_in(manifest, []) == ""


def test_the_library_starts_without_the_module_page(tmp_path: Path) -> None:
    """Decision 0004: the page is built on first open; the ready library has not imported it."""
    code = (
        "import sys\n"
        "from facilitator.ui import ready\n"
        "usable = ready.ReadyReporter.usable\n"
        "def report(self):\n"
        "    print('PAGE', any(m.startswith('facilitator.ui.library.module_') for m in sys.modules))\n"
        "    usable(self)\n"
        "ready.ReadyReporter.usable = report\n"
        "from facilitator.cli.main import main\n"
        "main(['--exit-when-ready'])\n"
    )
    env = dict(os.environ, FACILITATOR_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "PAGE False" in result.stdout.splitlines(), result.stdout
