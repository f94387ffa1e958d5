"""Contrast (EN 301 549 11.1.4.3 and 11.1.4.11, WCAG 1.4.3 and 1.4.11), computed from the
stylesheet as written: every rule of resources/styles/console.qss that sets a text colour is
paired with the background it is read on (its own, else the window's), in the default look on
a light and on a dark system palette and in the high-contrast look. Text must reach 4.5:1,
borders that carry meaning (a chosen card, a field's edge) 3:1; a disabled button must look
different from an enabled one. Parsed from the file, so a later edit is checked too.

Before: the stylesheet forced dark text (1.34:1 on a dark palette's black), the selected row
("Nu:") was 3.69:1 and the placeholder (the only "press Enter" hint) 3.17:1.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton

from facilitator.core.settings import Settings
from facilitator.ui.settings_dialog import SettingsDialog
from facilitator.ui.theme import Look, look_colours, look_palette, resolve, stylesheet_source

RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b")
FOCUS_RULES = "Where the keyboard is"  # the focus ring is checked in test_focus_visible


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def light_palette() -> QPalette:
    """Fusion's light palette, as on a desktop with no theme of its own."""
    return QPalette(QColor("#efefef"))


def dark_palette() -> QPalette:
    palette = QPalette(QColor("#353535"), QColor("#000000"))
    for role, colour in (
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.Base, "#000000"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


LOOKS = {
    "default, light system": (light_palette, False),
    "default, dark system": (dark_palette, False),
    "high contrast": (light_palette, True),
}


def rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    sheet = re.sub(
        r"/\*.*?\*/", "", sheet.split(FOCUS_RULES, maxsplit=1)[0] + _after_focus(sheet), flags=re.S
    )
    return [
        (selector.strip(), dict(DECLARATION.findall(body)))
        for selector, body in RULE.findall(sheet)
    ]


def _after_focus(sheet: str) -> str:
    """The rules after the focus ring's that are not about focus (the lists' frames)."""
    tail = sheet.split(FOCUS_RULES)[1] if FOCUS_RULES in sheet else ""
    return "".join(
        f"{selector}{{{body}}}"
        for selector, body in RULE.findall(re.sub(r"/\*.*?\*/", "", tail, flags=re.S))
        if ":focus" not in selector
    )


def colour_of(value: str) -> str | None:
    found = COLOUR.search(value)
    return found.group(0) if found else None


def pairs(look: str) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, the ratio it needs) for every colour the sheet sets."""
    make_palette, high = LOOKS[look]
    colours = look_colours(make_palette(), high)
    sheet = resolve(stylesheet_source("console"), colours)
    found = []
    for selector, declarations in rules(sheet):
        background = colour_of(declarations.get("background", "")) or colours["window"]
        if "color" in declarations and ":disabled" not in selector:
            text = colour_of(declarations["color"])
            assert text, f"{selector}: a colour from the palette tokens"
            found.append((selector, text, background, 4.5))
        if "selection-color" in declarations:
            found.append(
                (
                    f"{selector} (selected)",
                    colour_of(declarations["selection-color"]) or "",
                    colour_of(declarations["selection-background-color"]) or "",
                    4.5,
                )
            )
        border = colour_of(declarations.get("border", ""))
        if border and ":disabled" not in selector:
            for neighbour in {background, colours["window"]}:
                if border != neighbour and not _border_is_decoration(selector):
                    found.append((f"{selector} (border)", border, neighbour, 3.0))
    # The palette roles the widgets draw with: text, fields, placeholders, selected rows.
    palette = look_palette(make_palette(), colours, high)
    role = QPalette.ColorRole
    for what, fore, back in (
        ("window text", role.WindowText, role.Window),
        ("field text", role.Text, role.Base),
        ("placeholder", role.PlaceholderText, role.Base),
        ("selected row", role.HighlightedText, role.Highlight),
        ("button text", role.ButtonText, role.Button),
    ):
        found.append((what, palette.color(fore).name(), palette.color(back).name(), 4.5))
    found.append(("muted text on a field", colours["muted"], colours["base"], 4.5))
    return found


def _border_is_decoration(selector: str) -> bool:
    """A border that only draws an edge around a filled, labelled control (the primary button's
    darker rim) carries no meaning of its own (WCAG 1.4.11)."""
    return "#primary" in selector or ":checked" in selector or ":hover" in selector


@pytest.mark.parametrize("look", LOOKS)
def test_every_colour_pair_of_the_stylesheet_reaches_its_contrast(look: str) -> None:
    found = pairs(look)
    assert len(found) > 15  # the parse found the sheet's rules
    too_low = [
        f"{what}: {fore} on {back} is {contrast(fore, back):.2f}:1, needs {need}:1"
        for what, fore, back, need in found
        if contrast(fore, back) < need
    ]
    assert too_low == []


@pytest.mark.parametrize("look", LOOKS)
def test_no_text_colour_is_fixed_apart_from_its_background(look: str) -> None:
    """The bug under a dark palette: dark text forced on every widget, the background left to
    the system. A rule that sets a fixed text colour sets the background too, or takes the
    text colour from the palette (the tokens)."""
    raw = stylesheet_source("console")
    loose = [
        selector.strip()
        for selector, body in RULE.findall(re.sub(r"/\*.*?\*/", "", raw, flags=re.S))
        if COLOUR.search(dict(DECLARATION.findall(body)).get("color", ""))
        and "background" not in body
    ]
    assert loose == []


@pytest.mark.parametrize("look", LOOKS)
def test_a_disabled_button_looks_different_from_an_enabled_one(qtbot: Any, look: str) -> None:
    make_palette, high = LOOKS[look]
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    before = (QPalette(qapp.palette()), qapp.styleSheet())
    colours = look_colours(make_palette(), high)
    qapp.setPalette(look_palette(make_palette(), colours, high))
    qapp.setStyleSheet(resolve(stylesheet_source("console"), colours))
    try:
        for name in ("", "primary"):
            enabled, disabled = QPushButton("Spara"), QPushButton("Spara")
            for button in (enabled, disabled):
                button.setObjectName(name)
                button.resize(120, 48)
                qtbot.addWidget(button)
            disabled.setEnabled(False)
            on, off = enabled.grab().toImage(), disabled.grab().toImage()
            differing = sum(
                on.pixel(x, y) != off.pixel(x, y) for x in range(0, 120, 2) for y in range(0, 48, 2)
            )
            assert differing > 120, f"{name or 'plain'}: {differing} points differ"
    finally:
        qapp.setPalette(before[0])
        qapp.setStyleSheet(before[1])


def test_the_high_contrast_look_is_a_setting_off_by_default(qtbot: Any) -> None:
    assert Settings().high_contrast is False
    assert Settings.from_mapping({"high_contrast": True}).high_contrast is True
    with pytest.raises(ValueError):
        Settings.from_mapping({"high_contrast": "yes"})
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.high_contrast.text() == "Hög kontrast"
    assert not dialog.high_contrast.isChecked()
    dialog.high_contrast.setChecked(True)
    assert dialog.result_settings().high_contrast is True


def test_the_look_applies_to_the_app_and_back(qtbot: Any) -> None:
    """Turned on, the app draws black, white and yellow, a selected row black on yellow and a
    placeholder 4.5:1; turned off, the system's palette again."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    before = (QPalette(qapp.palette()), qapp.styleSheet())
    look = Look(qapp)
    try:
        look.apply(True)
        field, rows = QLineEdit(), QListWidget()
        for widget in (field, rows):
            qtbot.addWidget(widget)
        assert field.palette().color(QPalette.ColorRole.Base).name() == "#000000"
        assert field.palette().color(QPalette.ColorRole.Text).name() == "#ffffff"
        assert rows.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
        assert "#ffff00" in qapp.styleSheet()
        look.apply(False)
        assert qapp.palette().color(QPalette.ColorRole.Window) == before[0].color(
            QPalette.ColorRole.Window
        )
        placeholder = qapp.palette().color(QPalette.ColorRole.PlaceholderText).name()
        base = qapp.palette().color(QPalette.ColorRole.Base).name()
        assert contrast(placeholder, base) >= 4.5
    finally:
        qapp.setPalette(before[0])
        qapp.setStyleSheet(before[1])
