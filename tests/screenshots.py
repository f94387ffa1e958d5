"""Screenshots of the real app with real module content, for docs/ and for looking at.

    .venv/bin/python -m tests.screenshots [OUTPUT_DIR]

Runs on Qt's offscreen platform with the two-screen configuration the tests use.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}"
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.app import Application  # noqa: E402
from facilitator.startup import prepare  # noqa: E402


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    startup = prepare(portable=False, language="sv")
    qapp = QApplication(sys.argv[:1])
    app = Application(qapp, startup)
    app.start(problems=[], exit_when_ready=False)
    app.window.resize(1280, 800)
    loop = QEventLoop()
    app.settled.connect(loop.quit)
    loop.exec()
    if not app.parts.library.all_checked:
        app.parts.library.checked.connect(loop.quit)
        loop.exec()
    shoot(app.window, out / "library.png")
    cards = app.library.cards()
    module_one = next((c for c in cards if c.data.key == "grund-1-vad-ar-kultur"), cards[0])
    app.library.select(module_one.data.key)
    app.library.set_minutes(75)
    app.library._request_plan()
    planner = app.parts.planner
    planner.place_edit.setText("Kalmar, Stadshuset – sal Kalmarsund")
    planner.leader_edit.setText("Amina Hassan")
    planner.table.selectRow(5)
    planner.break_button.click()  # the length against the chosen one, and the offer to fit
    shoot(app.window, out / "planner.png")
    app.parts.planner.start_requested.emit(False)
    running = app.parts.launcher.current
    assert running is not None
    controller = running.service
    for _ in range(3):
        controller.next()
    from facilitator.core.storage.records import ReflectionKind

    samples = [
        (ReflectionKind.NOTE, "Flera berättade om mat och högtider hemma som de aldrig tänkt på."),
        (ReflectionKind.QUOTE, "”Jag trodde inte att jag hade någon kultur – tills jag flyttade.”"),
        (ReflectionKind.PARKING, "Hur pratar vi om religion i personalgruppen?"),
        (ReflectionKind.ACTION, "Vi tar upp introduktionen av nya kollegor på nästa APT."),
    ]
    saved = QEventLoop()
    ledger = running.service.reflections
    ledger.saved.connect(lambda _r: saved.quit() if not ledger.unsaved() else None)
    for kind, text in samples:
        ledger.submit(kind, text)
    saved.exec()
    # The leader's own note, typed as in the console, on disk before the shot says "Sparat".
    running.console.private_note.edit.setPlainText(
        "Återkom till exemplet från förskolan – någon ville säga något men hann inte."
    )
    noted = QEventLoop()
    running.service.notes.changed.connect(
        lambda note: noted.quit() if note.state == "saved" else None
    )
    QTimer.singleShot(3000, noted.quit)
    noted.exec()
    shoot(app.window, out / "console.png")
    # Typing mode: the console says so while the cursor is in the reflection box.
    from facilitator.ui.widgets.reflection_panel import ReflectionPanel

    panel = running.console.findChild(ReflectionPanel)
    assert panel is not None
    app.window.activateWindow()
    panel.focus_entry()
    panel.entry.setPlainText("Att fråga i stället för att gissa")
    shoot(app.window, out / "console-typing.png")
    panel.entry.clearFocus()
    shoot(running.projector, out / "projector-prompt.png")
    controller.toggle_rules()
    shoot(running.projector, out / "projector-rules.png")
    controller.toggle_rules()
    controller.end()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
