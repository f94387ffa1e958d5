"""The Qt binding must not eat references to None.

PySide6 6.12.0 returns None from every Qt method that returns nothing without counting the
reference it hands out, so each such call (``label.setText``, ``item.setFont`` …) takes one
reference from None for good. On Python 3.11, where None is an ordinary object, its count
reaches zero after some tens of thousands of calls and the interpreter aborts ("Fatal Python
error: none_dealloc"). A running session makes about a hundred such calls a second, so the
app died about seven minutes into every session (found by `make soak`'s four-hour session).
pyproject.toml keeps PySide6 below 6.12; this test fails at once on a binding with the fault.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

CALLS = 2000


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 (PEP 683)"
)
def test_qt_calls_that_return_nothing_leave_none_alone(qtbot: Any) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("Välkomna")
    lost = before - sys.getrefcount(None)
    assert lost < CALLS // 10, (
        f"{lost} references to None lost in {CALLS} calls: this PySide6 would crash the app "
        "minutes into a session (see the docstring)"
    )
