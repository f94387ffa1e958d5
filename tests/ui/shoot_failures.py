"""Screenshots of what the leader sees when the database is held by another program: the
notice at start-up, and the question when quitting with changes not yet in the database.

    .venv/bin/python -m tests.ui.shoot_failures [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}"
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from facilitator.app import Application  # noqa: E402
from facilitator.core.application.open_problems import open_problem  # noqa: E402
from facilitator.core.storage.errors import StorageLocked  # noqa: E402
from facilitator.startup import prepare  # noqa: E402
from facilitator.ui.console.unsaved_at_quit import may_quit_with_unsaved  # noqa: E402
from tests.screenshots import settle, shoot  # noqa: E402


def _grab_box_then(path: Path, press: str) -> None:
    def grab() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shoot(box, path)
        [button] = [b for b in box.buttons() if b.text() == press]
        button.click()

    QTimer.singleShot(300, grab)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    startup = prepare(portable=False, language="sv")
    app = Application(qapp, startup, interactive=False)
    app.start([], exit_when_ready=False)
    while not app.is_assembled:
        settle(100)
    assert app.parts is not None and app.services is not None
    message = open_problem(StorageLocked("database is locked"), app.services.paths)
    app.parts.shell.tell([message])
    settle(300)
    notice = next(w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    shoot(notice, out / "database-held-at-start.png")
    notice.close()

    # Quitting with writes the database refused: journalled, waiting.
    storage = app.services.storage
    journal = storage.journal
    assert journal is not None
    journal.append({"op": "progress", "at": "2026-12-03T10:00:00+00:00"})
    journal.append({"op": "progress", "at": "2026-12-03T10:00:01+00:00"})
    journal.append({"op": "progress", "at": "2026-12-03T10:00:02+00:00"})
    storage._failing = True  # as after a write the lock refused
    window: QWidget = app.window
    _grab_box_then(out / "quit-with-unsaved.png", "Vänta")
    may_quit_with_unsaved(window, storage, None)
    journal.file.unlink(missing_ok=True)

    # A session running while nothing on the disk takes what is typed: said at once.
    planned: list[object] = []
    app.parts.library.plan_ready.connect(lambda *_: planned.append(True))
    while not planned:  # until the library has read the module
        app.parts.library.make_plan(["grund-1-vad-ar-kultur"], 45)
        settle(200)
    app.parts.planning.start(True)
    while app.parts.launcher is None or app.parts.launcher.current is None:
        settle(100)
    settle(500)
    journal.refusing.emit(True)
    shoot(app.parts.launcher.current.console, out / "nothing-takes-the-text.png")
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
