"""Two screens from Qt's offscreen platform (tests/screens.json): a laptop and a projector."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from facilitator.ui.projector.projector_view import ProjectorView
from facilitator.ui.projector.screens import ProjectorScreens


def setup(qtbot):
    app = QApplication.instance()
    console = QWidget()
    qtbot.addWidget(console)
    console.setScreen(app.screens()[0])
    console.setGeometry(app.screens()[0].geometry().adjusted(0, 0, -100, -100))
    console.show()
    view = ProjectorView()
    qtbot.addWidget(view)
    return app, console, view, ProjectorScreens(app, view, console)


def test_two_screens_are_configured(qapp) -> None:
    names = [s.name() for s in QApplication.instance().screens()]
    assert names == ["LAPTOP", "PROJECTOR"]


def test_projector_view_lands_full_screen_on_the_second_screen(qtbot) -> None:
    app, console, view, screens = setup(qtbot)
    screen = screens.choose(None)
    assert screen is not None and screen.name() == "PROJECTOR"
    assert screens.show_on(screen)
    qtbot.waitUntil(view.isVisible)
    assert view.isFullScreen()
    assert view.screen().name() == "PROJECTOR"
    assert view.geometry() == screen.geometry()


def test_never_full_screen_over_the_console(qtbot) -> None:
    app, console, view, screens = setup(qtbot)
    laptop = app.screens()[0]
    assert not screens.show_on(laptop)
    assert not view.isVisible()
    assert all(s.name() != "LAPTOP" for s in screens.candidates())


def test_remembered_choice_wins(qtbot) -> None:
    _app, _console, _view, screens = setup(qtbot)
    assert screens.choose("PROJECTOR").name() == "PROJECTOR"
    assert screens.choose("HDMI-GONE").name() == "PROJECTOR"


def test_projector_unplugged_hides_the_view_and_offers_it_back(qtbot) -> None:
    app, console, view, screens = setup(qtbot)
    projector = screens.choose(None)
    screens.show_on(projector)
    with qtbot.waitSignal(screens.projector_lost):
        screens.on_screen_removed(projector)
    assert not view.isVisible()
    assert screens.screen is None
    assert console.isVisible()
    with qtbot.waitSignal(screens.projector_available) as offered:
        screens.on_screen_added(projector)
    assert offered.args == ["PROJECTOR"]


def test_removal_of_another_screen_changes_nothing(qtbot) -> None:
    app, console, view, screens = setup(qtbot)
    screens.show_on(screens.choose(None))
    with qtbot.assertNotEmitted(screens.projector_lost):
        screens.on_screen_removed(app.screens()[0])
    assert view.isVisible()
