"""The two start-up phases (decision 0004) keep their promises: folders, logging, settings and
the language are prepared before PySide6 is imported, and the window is painted before the
heavy parts are assembled, and what the ready library does without (issue 16) stays out. Each
check runs in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
        "from facilitator.app import Application\n"
        "from facilitator.startup import prepare\n"
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


HEAVY = "{'alembic', 'reportlab', 'sqlalchemy', 'pydantic', 'markdown_it', 'vlc'}"


def test_a_ready_library_has_imported_none_of_the_heavy_libraries(tmp_path: Path) -> None:
    """Issue 16: a leader who opens the app to pick a module needs no database library (it
    opens after), no migration machinery, no PDF library (until an export), no manifest models
    (the cards come from the card cache, or on a first start from the quick card read), no
    Markdown parser and no libVLC. On the first start and on later ones."""
    code = (
        "import sys\n"
        "from facilitator.ui import ready\n"
        "usable = ready.ReadyReporter.usable\n"
        "def report(self):\n"
        f"    print(sorted({{m.split('.')[0] for m in sys.modules}} & {HEAVY}))\n"
        "    usable(self)\n"
        "ready.ReadyReporter.usable = report\n"
        "from facilitator.cli.main import main\n"
        "main(['--exit-when-ready'])\n"
    )
    env = dict(os.environ, FACILITATOR_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    for _start in ("first", "later"):
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert "[]" in result.stdout.splitlines(), result.stdout
        assert "storage_ms=" in result.stdout  # and then the database opened
