"""Screenshots of the look at 150 % on a 1920×1080 screen, in the default and the high-contrast
look: the library and the console during a film step.

    python -m tests.ui.shoot_look OUTPUT_DIR [high]
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.ui.scaling_probe import configure

MODULE = "grund-1-vad-ar-kultur"


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    high = len(argv) > 1 and argv[1] == "high"
    configure(1920, 1080, 1.5, 96)
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.app import Application
    from facilitator.startup import prepare

    qapp = QApplication(sys.argv[:1])
    app = Application(qapp, prepare(portable=False, language="sv"), interactive=False)
    app.look.apply(high)
    app.start(problems=[], exit_when_ready=False)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    while not app.is_settled:
        settle(50)
    suffix = "high-contrast" if high else "150"
    settle()
    app.window.grab().save(str(out / f"library-{suffix}.png"))
    parts = app.parts
    assert parts is not None and parts.launcher is not None
    parts.library.make_plan([MODULE], 75)
    while app.window.current_page() is not parts.planner:
        settle(50)
    parts.planning.start(False)
    while parts.launcher.current is None:
        settle(50)
    running = parts.launcher.current
    running.service.jump(f"{MODULE}/film")
    running.console.film_position.setText("1:23 / 3:25 · Kapitel: Vad är kultur?")
    settle(800)
    app.window.grab().save(str(out / f"console-film-{suffix}.png"))
    running.service.end()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
