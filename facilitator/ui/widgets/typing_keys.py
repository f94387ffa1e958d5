"""Which keys a text field in the console takes while the leader types, and which stay the
clicker's. One rule for every field that sits beside the session's single-key shortcuts (the
reflection entry, the private note), so typing never steers the session and the clicker never
types.

The console binds single keys (Space, ←, →, B, ., P, R, S, +) as window shortcuts for the
presenter clicker. A shortcut wins over the focused widget unless the widget claims the key in
its ShortcutOverride event; a field using ``claim_typing_keys`` claims every key that types or
edits, so a sentence with spaces is text, not "next step". PageUp, PageDown and F5 are given back
on purpose: that is what clickers send, and the leader must be able to move on with the cursor
still in the field. Esc is the field's too: it means "stop typing" (the field hands the keys
back), so the leader presses it once more to reach the window's Esc.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

# Keys the clicker sends: never the field's, even while typing.
CLICKER_KEYS = frozenset({Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_F5})
# A widget with this property true takes letters as text: while it has the focus the console
# is in typing mode (facilitator/ui/console/key_mode.py).
TYPING_FIELD = "typingField"
# Keys without text that the field handles itself: editing and moving within the text, and
# Esc, which ends the typing.
EDITING_KEYS = frozenset(
    {
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Escape,
    }
)
TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


def is_typing(event: QKeyEvent) -> bool:
    """A key that, in a text field, types or edits rather than commands."""
    if event.modifiers() & ~TYPING_MODIFIERS:
        return False  # Ctrl/Alt/Meta combinations stay shortcuts (Ctrl+1…4, Ctrl+Q)
    if Qt.Key(event.key()) in EDITING_KEYS:
        return True
    text = event.text()
    return bool(text) and text.isprintable()


def is_clicker_key(event: QKeyEvent) -> bool:
    return Qt.Key(event.key()) in CLICKER_KEYS


def claim_typing_keys(event: QEvent) -> bool:
    """For a text field's ``event()``: True when ``event`` was a ShortcutOverride settled
    here (typing claimed for the field, a clicker key left to the window's shortcut); False
    when the field should handle the event as usual."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    if is_clicker_key(event):
        event.ignore()  # not ours: let the window's shortcut have it
        return True
    if is_typing(event):
        event.accept()  # ours: the window's single-key shortcut must not fire
        return True
    return False
