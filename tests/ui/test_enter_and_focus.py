"""Found with real keys on a real X display (stop 24): Enter on a focused button of a page (the
planner's "Starta sessionen", the close-out's "Spara") did nothing, and the film's text window
never kept the keyboard, because the console's focus guard took activation back while it
passed through "nothing" on its way to the new window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from facilitator.ui.console.focus_guard import ConsoleFocusGuard
from facilitator.ui.main_window import MainWindow


def test_enter_presses_the_focused_button_on_a_page(qtbot: Any) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    page = QWidget()
    pressed: list[str] = []
    button = QPushButton("Starta sessionen", page)
    button.clicked.connect(lambda: pressed.append("start"))
    QVBoxLayout(page).addWidget(button)
    window.add_page(page)
    window.show_page(page)
    window.show()
    qtbot.waitExposed(window)
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    QTest.keyClick(button, Qt.Key.Key_Return)
    QTest.keyClick(button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert pressed == ["start", "start"]


def test_the_guard_leaves_another_of_our_windows_alone(qtbot: Any) -> None:
    console, projector, text_window = QWidget(), QWidget(), QWidget()
    for widget in (console, projector, text_window):
        qtbot.addWidget(widget)
    console.show()
    projector.show()
    app = QApplication.instance()
    assert isinstance(app, QGuiApplication)
    guard = ConsoleFocusGuard(app, console, [projector])
    projector_window = projector.windowHandle()
    assert projector_window is not None
    assert guard.should_take_back(projector_window)  # the room's window: taken back
    text_window.show()  # the film's text, opened on purpose
    assert not guard.should_take_back(None)  # activation passing through nothing: left alone
    text_window.hide()
    guard.release()


def test_tab_leaves_the_start_time_at_once(qtbot: Any) -> None:
    """Qt's date field spent four Tabs on its parts before leaving (real keys, stop 24)."""
    from facilitator.ui.library.planner_page import PlannerPage

    page = PlannerPage()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.start_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.start_edit.hasFocus)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert not page.start_edit.hasFocus()


def test_the_length_fits_its_longest_entry(qtbot: Any) -> None:
    """Sized while still empty, it showed "75 min p" (real keys, stop 24)."""
    from facilitator.ui.library.card import ModuleCardData
    from facilitator.ui.library.library_page import LibraryPage

    page = LibraryPage()
    qtbot.addWidget(page)
    page.resize(900, 400)
    page.show()
    qtbot.waitExposed(page)
    data = ModuleCardData("a", "A", "s", (45, 75, 120), None, ("sv",), (), True)
    page.set_modules([data])
    page.select("a")
    combo = page._length
    longest = max(combo.itemText(i) for i in range(combo.count()))
    assert combo.width() > combo.fontMetrics().horizontalAdvance(longest)
