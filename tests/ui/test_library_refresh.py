"""The library keeps the leader's choice while the background checks report: on first start
every module's check updates the cards, and the card in hand, the cards chosen and the length
chosen stay as they were (found by a real-keys run: a rebuilt card list dropped them)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from facilitator.ui.library.card import ModuleCardData
from facilitator.ui.library.library_page import LibraryPage

UNCHECKED = (
    ModuleCardData("a", "Grund 1", "Om kultur", (45, 75, 90), None, ("sv",)),
    ModuleCardData("b", "Grund 2", "Om möten", (45, 75, 90), None, ("sv",)),
    ModuleCardData("c", "Grund 3", "Om kompetens", (45, 75, 90), None, ("sv",)),
)


def shown_page(qtbot) -> LibraryPage:  # type: ignore[no-untyped-def]
    page = LibraryPage()
    qtbot.addWidget(page)
    page.set_modules(UNCHECKED)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.cards()[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.cards()[0])
    return page


def test_a_check_keeps_the_chosen_cards_the_length_and_the_focus(qtbot) -> None:
    page = shown_page(qtbot)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # choose Grund 1
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    third = page.cards()[2]
    assert QApplication.focusWidget() is third
    QTest.keyClick(third, Qt.Key.Key_Space)  # and Grund 3
    # The length list is before the cards in the focus order, past "Planera session".
    for _ in range(4):
        QTest.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier
        )
    assert QApplication.focusWidget() is page._length
    QTest.keyClick(page._length, Qt.Key.Key_End)  # 90 min
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is third
    chosen_before = [c.data.key for c in page.cards() if c.selected]

    # The checks report one module at a time: film lengths, then a warning.
    checked = [replace(d, film_seconds=200.0) for d in UNCHECKED]
    page.set_modules(checked)
    page.set_modules([checked[0], replace(checked[1], problems=("film saknas",)), checked[2]])

    assert QApplication.focusWidget() is third
    assert [c.data.key for c in page.cards() if c.selected] == chosen_before == ["a", "c"]
    assert page._length.currentData() == 90
    assert any("film 3:20" in label.text() for label in third.findChildren(QLabel))
    # The keys still work where the leader left them.
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert not third.selected
    with qtbot.waitSignal(page.plan_requested) as asked:
        QTest.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert asked.args == [["a"], 90]


def test_a_card_that_turns_out_broken_is_let_go(qtbot) -> None:
    page = shown_page(qtbot)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    broken = replace(UNCHECKED[0], problems=("module.toml: rad 3",), runnable=False)
    page.set_modules([broken, *UNCHECKED[1:]])
    assert QApplication.focusWidget() is page.cards()[0]
    assert not page.cards()[0].selected
    assert not page._plan_button.isEnabled()
