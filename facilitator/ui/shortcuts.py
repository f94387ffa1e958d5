"""Key bindings for the widgets of the first paint.

`setShortcut` on an action or a button makes PySide6 resolve its overloads, and that builds the
whole `Qt` namespace with every Qt enum (about 20 ms, decision 0004) before the window can
show; even a `QKeySequence` costs its own enums. Setting the Qt property to the key text does
the same thing through Qt's own conversion, without either.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def bind_keys(target: QObject, keys: str) -> None:
    """Give an action or a button its shortcut, written as Qt writes keys ("Ctrl+I", "F1";
    "Ctrl" is the Command key on macOS)."""
    target.setProperty("shortcut", keys)
