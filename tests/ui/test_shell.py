"""The app shell: main window, library, about box — with the real composition root."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from facilitator.app import Application
from facilitator.startup import prepare
from facilitator.ui.about import AboutDialog
from facilitator.ui.library.card import ModuleCardData
from facilitator.ui.library.library_page import LibraryPage
from facilitator.ui.video.availability import probe_libvlc


@pytest.fixture
def application(qtbot, facilitator_home: Path) -> Application:
    startup = prepare(portable=False, language="sv")
    app = Application(QApplication.instance(), startup)
    qtbot.addWidget(app.window)
    app.start(problems=[], exit_when_ready=False)
    qtbot.waitUntil(lambda: app.is_assembled, timeout=20_000)
    yield app
    app.shutdown()


def test_main_window_opens_in_swedish(application: Application) -> None:
    assert application.window.isVisible()
    menus = [a.text() for a in application.window.menuBar().actions()]
    assert "&Arkiv" in menus and "&Hjälp" in menus


def test_menu_and_plan_shortcuts_are_bound(application: Application) -> None:
    # Bound through the Qt property (facilitator/ui/shortcuts.py), so check they really hold.
    keys = {
        action.text(): action.shortcut().toString()
        for menu in application.window.menuBar().actions()
        for action in menu.menu().actions()
        if not action.isSeparator()
    }
    assert keys["&Importera modul…"] == "Ctrl+I"
    assert keys["&Avsluta"] == "Ctrl+Q"
    assert keys["&Kortkommandon"] == "F1"
    assert application.library._plan_button.shortcut().toString() == "Ctrl+Return"


def test_about_box_names_versions(application: Application, qtbot) -> None:
    dialog = AboutDialog(probe_libvlc(), application.services.paths, application.window)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Qt:" in text and "SQLite:" in text and "VLC (film):" in text
    vlc_label = dialog.findChild(QLabel, "vlcVersion")
    assert vlc_label is not None
    assert vlc_label.text().startswith("3.") or "saknas" in vlc_label.text()
    # Which libVLC plays the films: from a virtualenv the system's, a file that exists.
    library = dialog.findChild(QLabel, "vlcLibrary")
    if vlc_label.text().startswith("3."):
        assert library is not None and "VLC-bibliotek:" in text
        assert Path(library.text()).name.startswith("libvlc")
        assert Path(library.text()).is_file()


def test_library_empty_state_is_friendly(qtbot) -> None:
    page = LibraryPage()
    qtbot.addWidget(page)
    page.show()
    empty = page.findChild(QLabel, "emptyState")
    assert empty is not None and empty.isVisible()
    assert "Importera" in empty.text()


def test_library_selection_offers_shared_lengths(qtbot) -> None:
    page = LibraryPage()
    qtbot.addWidget(page)
    page.set_modules(
        [
            ModuleCardData("a", "Grund 1", "Om kultur", (45, 75, 90), 200.0, ("sv",)),
            ModuleCardData("b", "Grund 2", "Om möten", (45, 75), None, ("sv",)),
        ]
    )
    page.show()
    with qtbot.waitSignal(page.plan_requested) as blocker:
        page.select("a")
        page.select("b")
        page.set_minutes(75)
        page._plan_button.click()
    assert blocker.args == [["a", "b"], 75]


def test_qt_standard_buttons_speak_swedish(qapp) -> None:
    from PySide6.QtWidgets import QMessageBox

    from facilitator.ui.qt_setup import install_qt_translation

    translator = install_qt_translation(qapp, "sv")
    try:
        box = QMessageBox(QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Cancel)
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "Avbryt"
    finally:
        if translator is not None:
            qapp.removeTranslator(translator)


def test_no_display_is_explained_not_aborted() -> None:
    from facilitator.ui.qt_setup import display_problem

    assert display_problem({}, "linux") is not None and "DISPLAY" in display_problem({}, "linux")
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None
