"""The two start-up phases (decision 0004) keep their promises: folders, logging, settings and
the language are prepared before PySide6 is imported, and the window is painted before the
heavy parts are assembled. Each check runs in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_window_is_painted_before_the_parts_are_assembled() -> None:
    out = _run(
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from facilitator.app import Application, prepare\n"
        "qapp = QApplication(sys.argv[:1])\n"
        "app = Application(qapp, prepare(False, None))\n"
        "app.window.show()\n"
        "qapp.processEvents()\n"  # one pass, as the first paint; nothing waits here
        "print(app.window.isVisible(), app.is_assembled, 'sqlalchemy' in sys.modules)"
    )
    assert out == "True False False"


def test_preparing_comes_before_pyside() -> None:
    out = _run(
        "import sys\n"
        "from facilitator.startup import prepare\n"
        "startup = prepare(False, None)\n"
        "print(startup.settings.language, any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert out == "auto False"
