"""PySide6's per-import feature check, answered without ``inspect`` (decision 0004, fifth
round): the same answer for every module, so PySide6 treats each module as it would have."""

from __future__ import annotations

import os
import subprocess
import sys

import facilitator.core.clock
import facilitator.ui.main_window
from facilitator.ui.feature_scan import mentions_pyside
from tests.conftest import ROOT


def test_a_module_that_names_pyside6_is_told_apart_from_one_that_does_not() -> None:
    assert mentions_pyside(facilitator.ui.main_window)
    assert not mentions_pyside(facilitator.core.clock)
    assert not mentions_pyside(sys)  # built in: no source, as in PySide6's own check


def test_pyside6_classifies_modules_as_it_did_before() -> None:
    code = (
        "import PySide6.QtCore, sys\n"
        "from facilitator.ui.feature_scan import scan_imports_cheaply\n"
        "print(scan_imports_cheaply())\n"
        # A from-import hands PySide6 the module itself to classify.
        "from facilitator.ui.main_window import MainWindow\n"
        "from facilitator.core.clock import Clock\n"
        "d = sys.modules['PySide6.support.feature'].pyside_feature_dict\n"
        "print(d['facilitator.ui.main_window'], d['facilitator.core.clock'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    # 0: may switch features (uses PySide6); -1: ignored. What inspect.getsource would give.
    assert result.stdout.split() == ["True", "0", "-1"]
