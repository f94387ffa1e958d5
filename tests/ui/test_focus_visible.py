"""Every control shows where the keyboard is (UX.md: visible keyboard focus everywhere). Found
by a real-keys run: the dark-blue buttons, the chosen reflection kind, the start time and the
leader notes drew no focus frame. Each control is reached with Tab as the leader reaches it,
grabbed, and its edges looked at; a button keeps its size when it takes the focus.

Set FACILITATOR_SHOTS to a folder to keep the pictures for looking at."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from facilitator.core.content.loader import load_manifest
from facilitator.core.paths import bundled_modules_dir
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.library.card import ModuleCardData
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.theme import stylesheet
from facilitator.ui.widgets.reflection_panel import ReflectionPanel
from tests.ui.planner_keys import FOLDER, focused, press, shown_planner

# resources/styles/console.qss: the focus ring, 4.5:1 against the page, 5:1 against white.
RING = QColor("#b45309")


@pytest.fixture(autouse=True)
def console_style(qapp: QApplication) -> Iterator[None]:
    before = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet("console"))
    yield
    qapp.setStyleSheet(before)


def shown(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def keep(image: QImage, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("FACILITATOR_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    image.save(str(folder / f"focus-{name}.png"))


def around(control: QWidget, margin: int = 16) -> QImage:
    """The control and a little of what surrounds it, four times as large, for looking at."""
    window = control.window()
    box = control.rect().translated(control.mapTo(window, control.rect().topLeft()))
    shot = window.grab(box.adjusted(-margin, -margin, margin, margin)).toImage()
    return shot.scaled(shot.size() * 4)


def edge_colours(image: QImage) -> list[QColor]:
    """The outermost colour in the middle of each edge (the corners are rounded; a spin
    box's arrows cover the inner part of its right edge)."""
    w, h = image.width(), image.height()
    points = [(0, h // 2), (w - 1, h // 2), (w // 2, 0), (w // 2, h - 1)]
    return [image.pixelColor(x, y) for x, y in points]


def assert_ring(control: QWidget, name: str, tmp_path: Path) -> None:
    assert QApplication.focusWidget() is control or control.isAncestorOf(focused()), name
    image = control.grab().toImage()
    keep(around(control), name, tmp_path)
    assert edge_colours(image) == [RING] * 4, f"no focus ring on {name}"


def assert_same_size_unfocused(button: QPushButton) -> None:
    focused_size = button.sizeHint()
    button.clearFocus()
    assert button.sizeHint() == focused_size
    button.setFocus(Qt.FocusReason.TabFocusReason)


def test_the_dark_blue_plan_button(qtbot, tmp_path: Path) -> None:
    page = LibraryPage()
    page.set_modules([ModuleCardData("a", "Grund 1", "Om kultur", (45, 75, 90), 200.0, ("sv",))])
    shown(qtbot, page)
    page.cards()[0].setFocus(Qt.FocusReason.TabFocusReason)
    press("Space", "Shift+Tab", "Shift+Tab", "Tab")  # choose it; the length, on to the button
    button = next(b for b in page.findChildren(QPushButton) if b.objectName() == "primary")
    assert_ring(button, "planera-session", tmp_path)
    assert_same_size_unfocused(button)


def test_the_start_button_and_the_start_time(qtbot, tmp_path: Path) -> None:
    planner = shown_planner(qtbot)
    press("Shift+Tab")
    assert_ring(planner.leader_edit, "planner-leader", tmp_path)
    press("Shift+Tab", "Shift+Tab")
    assert_ring(planner.start_edit, "planner-start-time", tmp_path)
    press("Shift+Tab")  # leaves the start time at once (its parts are for the arrows)
    assert_ring(planner.start_button, "starta-sessionen", tmp_path)
    assert_same_size_unfocused(planner.start_button)


def test_the_next_button_and_the_leader_notes(qtbot, tmp_path: Path) -> None:
    manifest = load_manifest(bundled_modules_dir() / FOLDER).manifest
    assert manifest is not None
    page = ConsolePage()
    page.leader_notes.setMarkdown(manifest.steps[0].leader_notes)
    shown(qtbot, page)
    page.rules_button.setFocus(Qt.FocusReason.TabFocusReason)
    press("Tab")
    assert_ring(page.next_button, "nasta", tmp_path)
    assert_same_size_unfocused(page.next_button)
    page.plan_list.setFocus(Qt.FocusReason.TabFocusReason)
    press("Tab")
    assert_ring(page.leader_notes, "leader-notes", tmp_path)


def test_the_chosen_reflection_kind(qtbot, tmp_path: Path) -> None:
    panel = ReflectionPanel()
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(lambda: focused() is panel.entry)
    chosen = next(b for b in panel.findChildren(QPushButton) if b.isChecked())
    for _ in range(4):
        if focused() is chosen:
            break
        press("Shift+Tab")
    assert_ring(chosen, "reflection-kind-chosen", tmp_path)
    assert_same_size_unfocused(chosen)
    press("Right")  # the arrows choose the next kind, as with radio buttons
    other = focused()
    assert isinstance(other, QPushButton) and other is not chosen and other.isChecked()
    assert_ring(other, "reflection-kind-next", tmp_path)
