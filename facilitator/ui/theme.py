"""The app's look: the stylesheets from resources/styles, with their colours taken from the
system's palette, and the high-contrast look.

The stylesheet names its colours as ``@name`` tokens. Text and window colours come from the
palette in use, so a dark system palette gives light text on dark (a fixed dark text colour
gave 1.34:1 on black); the accents (the dark-blue primary button, the selected row) are set
together with the colour of their text. Every pair is checked against WCAG's contrast ratios
in tests/ui/test_contrast.py, in each look and on a light and a dark palette.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from facilitator.core.paths import resources_dir

TOKEN = re.compile(r"@([a-z][a-z-]*)")

# Accents that hold on a light window (the default light palette) and on a dark one.
LIGHT_ACCENTS = {
    "accent": "#1f5f8b",
    "accent-border": "#174a6d",
    "on-accent": "#ffffff",
    "card": "#ffffff",
    "card-border": "#767f8a",
    "card-selected": "#eef5fa",
    "card-selected-border": "#1f5f8b",
    "hover": "#eef2f6",
    "border": "#767f8a",
    "warning": "#8a3b00",
    "last-minute": "#7a4f00",
    "overtime": "#a3261b",
    # Tinted surfaces (a notice, a verdict, the key-mode chip) carry their own text colour.
    "on-tint": "#1b2430",
    "good": "#e6f2ea",
    "good-border": "#2e7d4f",
    "caution": "#fff4d6",
    "caution-border": "#8a6500",
    "chip": "#e6edf3",
}
DARK_ACCENTS = {
    "accent": "#9cc9ea",
    "accent-border": "#c4e0f4",
    "on-accent": "#0b1f30",
    "card": "#1f2630",
    "card-border": "#8c97a3",
    "card-selected": "#12324a",
    "card-selected-border": "#9cc9ea",
    "hover": "#2c3542",
    "border": "#8c97a3",
    "warning": "#ffb77a",
    "last-minute": "#f2c46d",
    "overtime": "#ff9c8f",
    "on-tint": "#f4f4f4",
    "good": "#173a26",
    "good-border": "#6fcf97",
    "caution": "#3d3000",
    "caution-border": "#e0b84a",
    "chip": "#2c3542",
}
# High contrast: black and white, with yellow for what is chosen and what is due.
HIGH_CONTRAST = {
    "text": "#ffffff",
    "window": "#000000",
    "base": "#000000",
    "muted": "#ffffff",
    "placeholder": "#d0d0d0",
    "disabled-text": "#a0a0a0",
    "accent": "#ffff00",
    "accent-border": "#ffffff",
    "on-accent": "#000000",
    "card": "#000000",
    "card-border": "#ffffff",
    "card-selected": "#000000",
    "card-selected-border": "#ffff00",
    "hover": "#1a1a1a",
    "border": "#ffffff",
    "warning": "#ffff00",
    "last-minute": "#ffff00",
    "overtime": "#ff8080",
    # No tints: a notice or a verdict is told by its words and its white or yellow frame.
    "on-tint": "#ffffff",
    "good": "#000000",
    "good-border": "#ffffff",
    "caution": "#000000",
    "caution-border": "#ffff00",
    "chip": "#000000",
}


def stylesheet(name: str, root: Path | None = None, high_contrast: bool = False) -> str:
    """The stylesheet ready for Qt, its colours for the running app's palette."""
    colours = look_colours(QApplication.palette(), high_contrast)
    return resolve(stylesheet_source(name, root), colours)


def stylesheet_source(name: str, root: Path | None = None) -> str:
    """The stylesheet as written, with its ``@name`` tokens (see ``look_colours``)."""
    folder = (root or resources_dir()) / "styles"
    try:
        return (folder / f"{name}.qss").read_text(encoding="utf-8")
    except OSError:
        return ""


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def look_colours(palette: QPalette, high_contrast: bool) -> dict[str, str]:
    """Every colour the stylesheet names, for the system's ``palette``."""
    if high_contrast:
        return dict(HIGH_CONTRAST)
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    colours = dict(DARK_ACCENTS if is_dark(palette) else LIGHT_ACCENTS)
    colours.update(
        {
            "text": text.name(),
            "window": window.name(),
            "base": base.name(),
            # Quieter than the text, yet 4.5:1 on both the window and the text fields.
            "muted": _mix(text, window, 0.78).name(),
            "placeholder": _mix(palette.color(QPalette.ColorRole.Text), base, 0.72).name(),
            # Inactive controls need no contrast (WCAG 1.4.3), but must look inactive.
            "disabled-text": _mix(text, window, 0.45).name(),
        }
    )
    return colours


def muted_colour(palette: QPalette) -> QColor:
    """Quieter text for a field (its Text on its Base), for what is painted by hand."""
    text = palette.color(QPalette.ColorRole.Text)
    return _mix(text, palette.color(QPalette.ColorRole.Base), 0.78)


def resolve(sheet: str, colours: dict[str, str]) -> str:
    return TOKEN.sub(lambda match: colours[match.group(1)], sheet)


def look_palette(system: QPalette, colours: dict[str, str], high_contrast: bool) -> QPalette:
    """The palette the widgets draw with: the system's, with a placeholder and a selection that
    reach 4.5:1 (Fusion's were 3.17:1 and 3.69:1), or the high-contrast one."""
    palette = QPalette(system)
    if high_contrast:
        for role, name in (
            (QPalette.ColorRole.Window, "window"),
            (QPalette.ColorRole.WindowText, "text"),
            (QPalette.ColorRole.Base, "base"),
            (QPalette.ColorRole.AlternateBase, "hover"),
            (QPalette.ColorRole.Text, "text"),
            (QPalette.ColorRole.Button, "window"),
            (QPalette.ColorRole.ButtonText, "text"),
            (QPalette.ColorRole.ToolTipBase, "window"),
            (QPalette.ColorRole.ToolTipText, "text"),
            (QPalette.ColorRole.BrightText, "accent"),
            (QPalette.ColorRole.Link, "accent"),
        ):
            palette.setColor(role, QColor(colours[name]))
        for group_role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(
                QPalette.ColorGroup.Disabled, group_role, QColor(colours["disabled-text"])
            )
        palette.setColor(
            QPalette.ColorGroup.Disabled,
            QPalette.ColorRole.ButtonText,
            QColor(colours["disabled-text"]),
        )
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(colours["accent"]))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(colours["on-accent"]))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(colours["placeholder"]))
    return palette


class Look:
    """Applies the default or the high-contrast look to the whole app. Made before any widget,
    so it keeps the system's own palette to derive the default look from."""

    def __init__(self, qapp: QApplication, root: Path | None = None) -> None:
        self._qapp = qapp
        self._system = QPalette(qapp.palette())
        self._sheet = stylesheet_source("console", root)
        self.high_contrast: bool | None = None

    def apply(self, high_contrast: bool) -> None:
        if high_contrast == self.high_contrast:
            return
        self.high_contrast = high_contrast
        colours = look_colours(self._system, high_contrast)
        self._qapp.setPalette(look_palette(self._system, colours, high_contrast))
        self._qapp.setStyleSheet(resolve(self._sheet, colours))


def _mix(front: QColor, back: QColor, share: float) -> QColor:
    return QColor(
        round(front.red() * share + back.red() * (1 - share)),
        round(front.green() * share + back.green() * (1 - share)),
        round(front.blue() * share + back.blue() * (1 - share)),
    )
