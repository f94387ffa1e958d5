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

import ast
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QPushButton, QWidget

import facilitator.ui
from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.content.manifest import EvaluationQuestion
from facilitator.core.settings import Settings
from facilitator.ui.console.evaluation_page import EvaluationPage
from facilitator.ui.console.notice_board import NoticeBoard
from facilitator.ui.projector import projector_view
from facilitator.ui.settings_dialog import SettingsDialog
from facilitator.ui.theme import Look, look_colours, look_palette, resolve, stylesheet_source
from facilitator.ui.widgets.reflection_list import ReflectionList, ReflectionRow
from facilitator.ui.widgets.save_state_label import SaveStateLabel

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
    parsed = rules(sheet)
    fills = {selector: colour_of(d.get("background", "")) for selector, d in parsed}
    for selector, declarations in parsed:
        # Read on its own fill, else on its container's ("QFrame#notice QLabel" on the
        # notice's), else on the window.
        container = fills.get(selector.rsplit(" ", maxsplit=1)[0]) if " " in selector else None
        background = colour_of(declarations.get("background", "")) or container or colours["window"]
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


# --- colours set in the code rather than in the stylesheet ----------------------------------

UI = Path(facilitator.ui.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
COLOUR_WORDS = re.compile(r"\b(?:rgba?|hsla?)\(|\b(?:color|background)\s*:\s*[a-z]+\s*;", re.I)
# The look's own colours, and the projector: the room's screen is dark by design, whatever the
# leader's desktop, so its colours are fixed pairs (checked below). The phones' QR code on it is
# black on white in every look: that is what a phone's camera reads (21:1).
OWN_COLOURS = {"theme.py", "projector_view.py", "join_view.py"}


def colours_in_code(path: Path) -> list[str]:
    """Every colour a Python file under facilitator/ui names in a string or a QColor."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if HEX.search(node.value) or COLOUR_WORDS.search(node.value):
                found.append(f"{path.name}:{node.lineno}: {node.value.strip()[:60]!r}")
        elif isinstance(node, ast.Attribute) and node.attr == "GlobalColor":
            found.append(f"{path.name}:{node.lineno}: Qt.GlobalColor")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QColor"
            and node.args
        ):
            found.append(f"{path.name}:{node.lineno}: QColor(...)")
    return found


def test_no_widget_sets_a_colour_of_its_own() -> None:
    """A colour in a widget's own stylesheet (or painted by hand) ignores the look: the
    parking list and the reflections were white under the dark palette's white text, the
    knowledge verdict's pale fill took the palette's light text, the save state's brown was
    1.5:1 on a dark window. Colours live in console.qss as the look's tokens, or come from
    the palette."""
    found = [
        hit
        for path in sorted(UI.rglob("*.py"))
        if path.name not in OWN_COLOURS
        for hit in colours_in_code(path)
    ]
    assert found == []


def test_the_scan_finds_colours_in_code(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'a.setStyleSheet("QListWidget { background: #ffffff; }")\n'
        'b.setStyleSheet(f"color: {x}; background: white;")\n'
        "c = QColor(MUTED)\n"
        "d = Qt.GlobalColor.red\n"
        'e.setStyleSheet("font-size: 12pt; font-weight: 600;")\n',
        encoding="utf-8",
    )
    assert sorted(int(hit.split(":")[1]) for hit in colours_in_code(sample)) == [1, 2, 3, 4]


def test_the_projectors_fixed_colours_reach_their_contrast() -> None:
    for colour in (
        projector_view.TEXT,
        projector_view.MUTED,
        projector_view.LAST_MINUTE,
        projector_view.OVERTIME,
    ):
        assert contrast(colour, projector_view.BACKGROUND) >= 4.5, colour


# --- the widgets as drawn, in each look -------------------------------------------------------


@contextmanager
def applied(look: str) -> Iterator[None]:
    make_palette, high = LOOKS[look]
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    before = (QPalette(qapp.palette()), qapp.styleSheet())
    colours = look_colours(make_palette(), high)
    qapp.setPalette(look_palette(make_palette(), colours, high))
    qapp.setStyleSheet(resolve(stylesheet_source("console"), colours))
    try:
        yield
    finally:
        qapp.setPalette(before[0])
        qapp.setStyleSheet(before[1])


def drawn_contrast(widget: QWidget, part: QWidget | None = None) -> float:
    """The contrast of the text as drawn: the commonest colour is the fill, the colour
    furthest from it is the core of the letters."""
    rect = part.geometry() if part is not None else widget.rect()
    image = widget.grab(rect).toImage()
    counts = Counter(
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    )
    fill = counts.most_common(1)[0][0]
    return max(contrast(colour, fill) for colour in counts)


KNOWLEDGE = EvaluationQuestion(
    id="kunskap",
    text="Har du fått mer kunskap?",
    options=["Ja", "Nej"],
    indicator="knowledge",
    positive_options=[0],
)


@pytest.mark.parametrize("look", LOOKS)
def test_the_close_out_and_console_colours_read_in_every_look(qtbot: Any, look: str) -> None:
    with applied(look):
        evaluation = EvaluationPage(target_percent=60)
        qtbot.addWidget(evaluation)
        evaluation.set_questions([("m", KNOWLEDGE)])
        evaluation.resize(900, 500)
        evaluation.show()
        indicator = evaluation.findChild(QLabel, "knowledgeIndicator")
        assert indicator is not None
        for yes, verdict in ((3, "reached"), (1, "below")):
            spins = evaluation._blocks[0].spins
            spins[0].set_value(yes)
            spins[1].set_value(2)
            assert drawn_contrast(indicator) >= 4.5, verdict

        parking = ReflectionList(editable=False)
        qtbot.addWidget(parking)
        parking.set_rows([ReflectionRow("u1", "Återkomma till", "Vad menar vi med kultur?", True)])
        parking.resize(400, 120)
        parking.show()
        assert drawn_contrast(parking.viewport()) >= 4.5

        save_state = SaveStateLabel()
        qtbot.addWidget(save_state)
        save_state.show_state(SaveState.UNSAVED)
        save_state.show()
        assert drawn_contrast(save_state) >= 4.5

        notices = NoticeBoard()
        qtbot.addWidget(notices)
        notices.post("test", "Projektorn kopplades ur. Sätt i kabeln igen.")
        notices.resize(700, 80)
        assert drawn_contrast(notices, notices.text) >= 4.5

        for typing in (False, True):
            chip = QLabel("Klickerläge – tangenterna styr sessionen")
            chip.setObjectName("keyMode")
            chip.setProperty("typing", typing)  # as KeyMode sets it
            qtbot.addWidget(chip)
            chip.show()
            assert drawn_contrast(chip) >= 4.5, f"typing={typing}"
