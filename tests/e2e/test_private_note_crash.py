"""A private note survives the app being killed: typed into the real app's console, reported
saved, SIGKILL, and the resumed session shows it again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.kill_resume import MODULE, DrivenApp

NOTE = "Återkom till exemplet – åäö"


def wait_for_note(app: DrivenApp, state: str) -> dict[str, Any]:
    while True:
        event = app.wait_for("note")
        if event["text"] == NOTE and event["state"] == state:
            return event


def test_a_saved_private_note_is_back_after_a_kill(tmp_path: Path) -> None:
    home = tmp_path / "home"
    app = DrivenApp(home)
    try:
        app.wait_for("ready")
        app.wait_for("no_interrupted")
        app.send(do="plan", modules=[MODULE], minutes=75)
        app.wait_for("planned")
        app.send(do="start", rehearse=True)
        app.wait_for("started")
        app.send(do="next")  # the note belongs to the second step
        app.send(do="private_note", text=NOTE)
        saved = wait_for_note(app, "saved")
        assert saved["key"] is not None
    finally:
        app.kill()
    again = DrivenApp(home)
    try:
        again.wait_for("ready")
        assert again.wait_for("interrupted", "no_interrupted")["event"] == "interrupted"
        again.send(do="resume")
        back = wait_for_note(again, "saved")
        assert back["key"] == saved["key"]
    finally:
        again.kill()
