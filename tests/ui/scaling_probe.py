"""The real app at one screen size and scale, walked page by page: does every visible widget lie
on the screen, and does every label and button have room for its text?

    python -m tests.ui.scaling_probe WIDTH HEIGHT SCALE FONT_DPI

Run in a fresh process by tests/ui/test_scaling.py (a scale factor is fixed when the
QApplication is made). Prints one JSON object: the screen's available geometry, the window's
size on each page, and the problems found (empty when all fits).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def configure(width: int, height: int, scale: float, font_dpi: int) -> None:
    """One screen of width×height device pixels; Qt's scale factor and the font DPI as a
    desktop's 150 % or 200 % setting gives them (the first scales everything, the second
    only text)."""
    folder = Path(tempfile.mkdtemp(prefix="facilitator-scaling-"))
    screens = {
        "screens": [
            {
                "name": "LAPTOP",
                "x": 0,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": font_dpi,
                "logicalBpp": 32,
                "dpr": 1,
            }
        ]
    }
    config = folder / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ["FACILITATOR_HOME"] = str(folder / "home")
    os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"


def main(argv: list[str]) -> int:
    width, height, scale, font_dpi = int(argv[0]), int(argv[1]), float(argv[2]), int(argv[3])
    configure(width, height, scale, font_dpi)
    report = walk()
    print(json.dumps(report))
    return 0


def walk() -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import (
        QAbstractButton,
        QApplication,
        QComboBox,
        QLabel,
        QSlider,
        QWidget,
    )

    from facilitator.app import Application
    from facilitator.core import i18n
    from facilitator.startup import prepare

    qapp = QApplication(sys.argv[:1])
    startup = prepare(portable=False, language="sv")
    i18n.activate("sv", ROOT / "resources" / "locale")
    app = Application(qapp, startup, interactive=False)
    app.start(problems=[], exit_when_ready=False)
    sys.excepthook = sys.__excepthook__  # a failure is printed, not shown in a modal box

    def wait_for(done: Callable[[], bool], limit_ms: int = 20_000) -> None:
        """Run the event loop until ``done`` holds (checked as events arrive)."""
        if done():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(lambda: loop.quit() if done() else None)
        poll.start()
        QTimer.singleShot(limit_ms, loop.quit)
        loop.exec()
        poll.stop()
        if not done():
            raise TimeoutError("the app did not get there")

    wait_for(lambda: app.is_settled)
    parts = app.parts
    assert parts is not None
    screen = app.window.screen()
    available = screen.availableGeometry()
    problems: list[str] = []
    sizes: dict[str, list[int]] = {}

    def look(name: str, top: QWidget, always_shown: tuple[QWidget, ...] = ()) -> None:
        # Laid out as the leader would get it: a relayout once the page is current.
        from PySide6.QtCore import QCoreApplication, QEvent

        for _round in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        geometry = top.frameGeometry()
        sizes[name] = [geometry.width(), geometry.height()]
        if not available.contains(geometry):
            problems.append(
                f"{name}: the window {_rect(geometry)} is not inside {_rect(available)}"
            )
        problems.extend(f"{name}: {p}" for p in _widget_problems(top, available))
        for widget in always_shown:  # never scrolled away, not even in part
            if widget.visibleRegion().boundingRect() != widget.rect():
                problems.append(f"{name}: {_text(widget)!r} is not wholly in view")

    window = app.window
    look("library", window)
    assert parts.module_pages is not None
    parts.module_pages.open("grund-1-vad-ar-kultur")
    look("module page", window)
    # Alone: a film step (the picture's area and its bar) and a question with its answer box.
    wait_for(lambda: parts.self_study.loaded)
    window.open_self_study("grund-1-vad-ar-kultur")
    study = parts.study_page
    wait_for(lambda: window.current_page() is study)
    assert study.path is not None
    kinds = [step.kind.value for step in study.path.steps]
    study.go(kinds.index("film") + 1)
    look("self-study, film", window)
    study.go(next(n for n, step in enumerate(study.path.steps, 1) if step.question))
    look("self-study, question", window, (study.next_button, study.previous_button))
    study.step_view.answer.editor.setPlainText("Ett svar att se i loggboken.")
    study.leave()
    wait_for(lambda: bool(parts.self_study.logbook()))
    window.logbook_requested.emit()
    wait_for(lambda: window.current_page() is parts.logbook_page)
    look("logbook", window)
    parts.library.make_plan(["grund-1-vad-ar-kultur"], 75)
    wait_for(lambda: window.current_page() is parts.planner)
    look("planner", window)
    parts.planning.start(False)
    wait_for(lambda: parts.launcher is not None and parts.launcher.current is not None)
    running = parts.launcher.current
    assert running is not None
    console = running.console
    essentials = (
        console.countdown,
        console.step_title,
        console.next_button,
        console.back_button,
        console.pause_button,
        console.end_button,
    )
    look("console, first step", window, essentials)
    running.service.jump("grund-1-vad-ar-kultur/film")
    wait_for(running.console.film_bar.isVisible)
    running.console.film_position.setText(
        "1:23 / 3:25 · Kapitel: Vad menar vi med kultur, och vad menar de andra med den?"
    )
    # Where the screen holds 720 logical pixels (150 % on 1080p, 100 % on 1280×720) the film
    # step fits without scrolling: its preview and every one of its controls in view. At 200 %
    # (540) the centre may scroll; the essentials above still may not.
    film_parts: tuple[QWidget, ...] = ()
    if available.height() >= 700:
        controls = [
            widget
            for widget in console.film_bar.findChildren(QWidget)
            if isinstance(widget, QAbstractButton | QLabel | QComboBox | QSlider)
            and widget.isVisibleTo(console.film_bar)
        ]
        film_parts = (console.preview_host, console.film_bar, *controls)
    look("console, film step", window, essentials + film_parts)
    running.service.jump("grund-1-vad-ar-kultur/ordet-kultur")
    look("console, prompt step", window, essentials)
    service = running.service
    service.end()
    wait_for(lambda: parts.launcher.current is None)
    closeout = parts.closeout
    closeout.begin(service.session_uuid, service.modules, service.engine.initial_plan, False)
    look("attendance", window)
    window.show_page(closeout.evaluation)
    look("evaluation", window)
    window.show_page(closeout.parking)
    look("parking lot", window)
    parts.show_history()
    look("history", window)
    for name, dialog in _dialogs(app):
        dialog.show()
        look(name, dialog)
        dialog.close()
    app.shutdown()
    return {
        "available": [available.x(), available.y(), available.width(), available.height()],
        "sizes": sizes,
        "problems": problems,
    }


def _dialogs(app: object) -> Iterator[tuple[str, object]]:
    from facilitator.ui.about import AboutDialog
    from facilitator.ui.settings_dialog import SettingsDialog
    from facilitator.ui.video.availability import probe_libvlc
    from facilitator.ui.widgets.key_help import KeyHelp

    services = app.services  # type: ignore[attr-defined]
    window = app.window  # type: ignore[attr-defined]
    yield "settings", SettingsDialog(services.settings.current, window)
    yield "key help", KeyHelp(window)
    yield "about", AboutDialog(probe_libvlc(), services.paths, window)


def _rect(r: object) -> str:
    return f"{r.x()},{r.y()} {r.width()}×{r.height()}"  # type: ignore[attr-defined]


def _widget_problems(top: object, available: object) -> Iterator[str]:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QCheckBox,
        QLabel,
        QWidget,
    )

    assert isinstance(top, QWidget)
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.width() <= 0 or widget.height() <= 0:
            continue
        # What is on screen of it: scrolled-away parts of a scroll area are reachable.
        shown = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
        parent = widget.parentWidget()
        hidden_by_scrolling = False
        while parent is not None and parent is not top:
            if isinstance(parent.parentWidget(), QAbstractScrollArea):
                viewport = QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size())
                shown = shown.intersected(viewport)
                hidden_by_scrolling = hidden_by_scrolling or shown.isEmpty()
            parent = parent.parentWidget()
        if hidden_by_scrolling:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton) and _text(widget):
            name = f"{name} {_text(widget)[:40]!r}"
        if not available.contains(shown):  # type: ignore[attr-defined]
            yield f"{name} at {_rect(shown)} is off the screen"
            continue
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            yield from _label_clipped(widget, name)
        elif isinstance(widget, QAbstractButton) and not isinstance(widget, QCheckBox):
            hint = widget.minimumSizeHint()
            if widget.text() and widget.width() < hint.width() - 1:
                yield f"{name} is {widget.width()} wide, its text needs {hint.width()}"


def _label_clipped(label: object, name: str) -> Iterator[str]:
    from PySide6.QtWidgets import QLabel

    assert isinstance(label, QLabel)
    if label.wordWrap():
        need_height = label.heightForWidth(label.contentsRect().width() + _frame(label))
        if label.height() < need_height - 1:
            yield f"{name} is {label.height()} high, its text needs {need_height}"
        return
    hint = label.sizeHint()
    if label.width() < hint.width() - 1:
        yield f"{name} is {label.width()} wide, its text needs {hint.width()}"
    if label.height() < hint.height() - 1:
        yield f"{name} is {label.height()} high, its text needs {hint.height()}"


def _frame(label: object) -> int:
    return label.width() - label.contentsRect().width()  # type: ignore[attr-defined]


def _text(widget: object) -> str:
    text = getattr(widget, "text", None)
    return str(text()) if callable(text) else widget.objectName()  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
