"""Key bindings for the widgets of the first paint.

`setShortcut` on an action or a button makes PySide6 resolve its overloads, and that builds the
whole `Qt` namespace with every Qt enum (about 20 ms, decision 0004) before the window can
show. Setting the Qt property does the same thing without that detour.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence


def bind_keys(target: QObject, keys: str | QKeySequence.StandardKey) -> None:
    """Give an action or a button its shortcut ("Ctrl+I", or a platform's standard key)."""
    target.setProperty("shortcut", QKeySequence(keys))
