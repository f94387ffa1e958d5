"""The console's reflection entry, reached by keyboard."""

from __future__ import annotations

from tests.hands import focus
from tests.hands.app import App
from tests.hands.desk import Box
from tests.hands.windows import Window


def reflection_column(console: Window) -> Box:
    """The console's right column, where the reflection entry is."""
    b = console.box
    left = b.left + round(b.width * 0.66)
    return Box(left, b.top, b.left + b.width - left, b.height)


def focus_reflection_entry(app: App, console: Window) -> None:
    """Ctrl+1 (kind "note") puts the keyboard in the reflection entry; its frame shows it."""
    column = reflection_column(console)
    focus.press_until(app, console, ["ctrl+1"], "the reflection entry", column.contains)
