"""A screenshot of a module's own page (Grund 1, 75 min), opened from its card with Enter and
the film playing a few seconds in, for docs/screenshots/module-page.png.

    .venv/bin/python -m tests.ui.shoot_module_page [OUTPUT_DIR]

Under a real X display (``QT_QPA_PLATFORM=xcb``, e.g. Xvfb) the film's picture is in the shot:
libVLC draws into the page's native window, which a grab of the window does not see, so the
film's area is taken from the screen and laid over the window's grab."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}")
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.app import Application  # noqa: E402
from facilitator.startup import prepare  # noqa: E402

MODULE = "grund-1-vad-ar-kultur"


def settle(ms: int) -> None:
    # Not tests.screenshots' own: importing it sets the offscreen platform.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    app = Application(qapp, prepare(portable=False, language="sv"), interactive=False)
    app.start([], exit_when_ready=False)
    while not app.is_assembled:
        settle(100)
    app.window.showNormal()
    app.window.setGeometry(40, 40, 1280, 800)
    settle(300)
    card = next(c for c in app.library.cards() if c.data.key == MODULE)
    card.setFocus()
    QTest.keyClick(card, Qt.Key.Key_Return)
    pages = app.parts.module_pages if app.parts else None
    assert pages is not None and pages.page is not None
    page = pages.page
    page.film.play_button.click()
    settle(9000)  # into the film's first drawings
    shot = app.window.grab()
    if qapp.platformName() == "xcb":
        screen = app.window.screen()
        surface = page.film.surface
        corner = surface.mapToGlobal(surface.rect().topLeft())
        film = screen.grabWindow(0, corner.x(), corner.y(), surface.width(), surface.height())
        painter = QPainter(shot)
        painter.drawPixmap(surface.mapTo(app.window, surface.rect().topLeft()), film)
        painter.end()
    path = out / "module-page.png"
    shot.save(str(path))
    print(path)
    pages.release()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
