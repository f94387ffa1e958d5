"""Screenshots of module 01 taken alone (a question answered, "Sparat") and of the logbook
page, for docs/screenshots/self-study.png and logbook.png.

    .venv/bin/python -m tests.ui.shoot_self_study [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}")
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.app import Application  # noqa: E402
from facilitator.startup import prepare  # noqa: E402
from tests.ui.shoot_module_page import settle  # noqa: E402

MODULE = "grund-1-vad-ar-kultur"
ANSWER = (
    "Att fråga om hjälp. Hemma lärde jag mig att man väntar tills någon visar, precis som "
    "Yusuf. Här på jobbet har jag märkt att det är tvärtom."
)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    app = Application(qapp, prepare(portable=False, language="sv"), interactive=False)
    app.start([], exit_when_ready=False)
    while not app.is_assembled or not app.parts.self_study.loaded:
        settle(100)
    app.window.showNormal()
    app.window.setGeometry(40, 40, 1280, 800)
    app.library.select(MODULE)
    settle(300)
    app.library._alone_button.click()
    page = app.parts.study_page
    for _ in range(len(page.path.steps)):
        page.next_button.click()
        settle(50)
        view = page.step_view
        if view.answer.isVisible() and "lärt dig hemma" in (view.answer.question.text() or ""):
            break
    page.step_view.answer.editor.setPlainText(ANSWER)
    settle(2500)  # saved as typed: "Sparat" once committed
    app.window.grab().save(str(out / "self-study.png"))
    app.window.logbook_requested.emit()
    settle(800)
    app.window.grab().save(str(out / "logbook.png"))
    print(out / "self-study.png", out / "logbook.png")
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
