"""The two start-up phases (decision 0004) keep their promises: the worker thread imports nothing
that touches PySide6, and the first paint does without PySide6's `Qt` namespace. Each check
runs in a fresh interpreter, since this one has long since loaded both."""

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


def test_the_worker_imports_nothing_from_pyside() -> None:
    # shiboken creates a Qt type's wrapper on first use, which is unsafe on two threads at once.
    out = _run(
        "import sys\n"
        "from facilitator.startup import HEAVY_MODULES, warm_up\n"
        "warm_up()\n"
        "print(len(HEAVY_MODULES), sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    count, loaded = out.split(" ", 1)
    assert int(count) >= 10
    assert loaded == "[]"


def test_the_first_paint_does_without_the_qt_namespace() -> None:
    out = _run(
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import PySide6.QtCore\n"
        "from facilitator.app import Application, prepare\n"
        "qapp = QApplication(sys.argv[:1])\n"
        "app = Application(qapp, prepare(False, None))\n"
        "app.window.show()\n"
        "app.library.set_loading(True)\n"
        "qapp.processEvents()\n"  # one pass, as the first paint; nothing waits here
        "print('Qt' in PySide6.QtCore.__dict__, app.is_assembled)"
    )
    assert out == "False False"


def test_preparing_comes_before_pyside() -> None:
    # cli.main prepares folders, logging, settings and language before PySide6 is imported,
    # so PySide6's import hook never reads those modules' sources.
    out = _run(
        "import sys\n"
        "from facilitator.startup import prepare\n"
        "startup = prepare(False, None)\n"
        "print(startup.settings.language, any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert out == "auto False"
