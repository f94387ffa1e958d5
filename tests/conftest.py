"""Test configuration for the whole suite.

Qt runs on its offscreen platform with two screens (a laptop and a projector), configured
here once rather than per file; every test gets its own FACILITATOR_HOME so nothing touches
the real user folders.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["tests.app_in_process"]

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={TESTS / 'screens.json'}"
os.environ.setdefault("LANG", "C.UTF-8")
os.environ["QT_LOGGING_RULES"] = "qt.qpa.*=false"


@pytest.fixture(autouse=True)
def facilitator_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("FACILITATOR_HOME", str(home))
    yield home


@pytest.fixture(autouse=True)
def swedish() -> Iterator[None]:
    """Each test starts in Swedish, whatever an earlier test switched to."""
    from facilitator.core import i18n

    i18n.activate("sv", ROOT / "resources" / "locale")
    yield
    i18n.activate("sv", ROOT / "resources" / "locale")
