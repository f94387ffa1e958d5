"""A screenshot of the film's words beside the console ("Filmens text", T), with the app's
stylesheet, for docs/screenshots/film-transcript.png.

    .venv/bin/python -m tests.ui.shoot_transcript [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}"
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator.app import Application  # noqa: E402
from facilitator.core.content.loader import load_manifest  # noqa: E402
from facilitator.startup import prepare  # noqa: E402
from facilitator.ui.console.film_transcript import FilmTranscriptWindow, film_text  # noqa: E402
from tests.screenshots import settle, shoot  # noqa: E402

MODULE = ROOT / "modules" / "01-grund-1-vad-ar-kultur"


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    app = Application(qapp, prepare(portable=False, language="sv"), interactive=False)
    app.start([], exit_when_ready=False)  # the app's look and stylesheet
    while not app.is_assembled:
        settle(100)
    manifest = load_manifest(MODULE).manifest
    assert manifest is not None
    window = FilmTranscriptWindow()
    window.show_text(*film_text(manifest, MODULE))
    settle(300)
    shoot(window, out / "film-transcript.png")
    window.close()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
