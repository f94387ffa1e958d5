"""The leader's hands: real key presses through the X server (XTEST), as a keyboard or a
presenter clicker would send them. Never synthetic events to a window: those Qt may treat
differently from real input."""

from __future__ import annotations

from tests.hands.desk import Desk

# Typing a character with no key on the keyboard map makes xdotool remap a spare key for a
# moment; typed quickly, characters get lost, and capitals Å/Ä/Ö come out in lower case. So
# every character goes as its own keysym, one after another with a pause between key events.
KEYSYMS = {
    " ": "space",
    ".": "period",
    ",": "comma",
    "-": "minus",
    "!": "exclam",
    "?": "question",
    ":": "colon",
    "å": "aring",
    "ä": "adiaeresis",
    "ö": "odiaeresis",
    "é": "eacute",
    "/": "slash",
    "_": "underscore",
}
DELAY_MS = "25"


def press(desk: Desk, *keys: str) -> None:
    """Press keys one after another, e.g. press(desk, "Next") or press(desk, "ctrl+q")."""
    desk.run("xdotool", "key", "--delay", DELAY_MS, *keys)


def keysym(char: str) -> str:
    if char in KEYSYMS:
        return KEYSYMS[char]
    if char.isascii() and char.isalnum():
        return char
    raise ValueError(f"no keysym for {char!r}: add it to KEYSYMS")


def type_text(desk: Desk, text: str) -> None:
    """Type ``text`` key by key. Lower-case Swedish letters only (see KEYSYMS)."""
    press(desk, *(keysym(char) for char in text))


def focus(desk: Desk, window: str) -> None:
    """Give a window the keyboard, as a window manager would when it appears or is clicked.
    There is no window manager here: only this and the app itself move the X focus."""
    desk.run("xdotool", "windowfocus", "--sync", window)
