"""Names for assistive technology (EN 301 549 11.4.1.2): what a screen reader says for a
control is its visible words, without the arrows, triangles and ticks drawn beside them (read
out as "black right-pointing triangle", or skipped by some readers and not by others)."""

from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def is_glyph(char: str) -> bool:
    """Arrows, shapes, ticks, pencils: symbols, not words."""
    return unicodedata.category(char) == "So" or 0x2190 <= ord(char) <= 0x21FF


def without_glyphs(text: str) -> str:
    return " ".join("".join(" " if is_glyph(c) else c for c in text).split())


def set_text_named(button: QAbstractButton, text: str) -> None:
    """Show ``text`` (a glyph and all) and name the button by its words alone."""
    button.setText(text)
    button.setAccessibleName(without_glyphs(text).replace("&", ""))


def name_by_label(label: QLabel, control: QWidget) -> None:
    """Tie ``control`` to the words beside it. The label becomes its buddy (Alt and the marked
    letter go there; on Linux a combo box is announced by its value, with the label as its
    "labelled by" relation), and the words without "&" or ":" its name elsewhere."""
    label.setBuddy(control)
    control.setAccessibleName(label.text().replace("&", "").rstrip(": "))
