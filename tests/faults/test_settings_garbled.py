"""A settings file that cannot be read: the app starts with the defaults, the file is kept aside
byte for byte, and the leader is told in a message box once the window is up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.app import Application
from facilitator.core.settings import Settings
from facilitator.startup import prepare

GARBLED = b'language = "sv"\nprojector_screen = [HDMI-1\n\x00\xff\xfe end_of_step_sound = ja\n'


def test_garbled_settings_start_the_app_on_defaults_and_keep_the_file(
    facilitator_home: Path, qtbot: Any
) -> None:
    settings_file = facilitator_home / "config" / "settings.toml"
    settings_file.parent.mkdir(parents=True)
    settings_file.write_bytes(GARBLED)

    startup = prepare(portable=False, language="sv")
    assert startup.settings == Settings()
    asides = list(settings_file.parent.glob("settings.broken-*.toml"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == GARBLED  # nothing lost: every byte kept for IT to read
    assert not settings_file.exists()
    assert startup.problems == [
        "Inställningarna gick inte att läsa, så standardinställningarna används. "
        f"Den gamla filen finns kvar som {asides[0]}."
    ]

    # What the leader sees: the problem in a message box over the main window.
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(answer)
    poll.start()
    app = Application(QApplication.instance(), startup, interactive=False)
    qtbot.addWidget(app.window)
    app.start(startup.problems, exit_when_ready=False)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    poll.stop()
    assert seen == startup.problems
    qtbot.waitUntil(lambda: app.is_assembled, timeout=20_000)
    settings = app.services.settings
    assert settings.current == Settings()

    # A later change is saved to a fresh file; the garbled one stays as it was.
    settings.change(end_of_step_sound=False)
    assert startup.settings_store.load().settings.end_of_step_sound is False
    assert asides[0].read_bytes() == GARBLED
    app.shutdown()
