"""What an accessibility reviewer checks on a window, as functions that return findings (EN 301
549 chapter 11: 11.2.1.1 keyboard, 11.2.1.2 no keyboard trap, 11.2.4.7 focus visible, 11.4.1.2
name, role, value). Each looks at what assistive technology and the keyboard see: the name and
role from Qt's accessibility interface, focus moved by real Tab presses (QTest), and the focus
ring from the widget rendered focused and unfocused."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from facilitator.ui.accessible import is_glyph
from facilitator.ui.library.card import ModuleCard

Role = QAccessible.Role
# The roles a screen reader may announce for each kind of control: the first match wins.
ROLES: tuple[tuple[type[QWidget], frozenset[Role]], ...] = (
    (ModuleCard, frozenset({Role.CheckBox})),
    (QCheckBox, frozenset({Role.CheckBox})),
    (QAbstractButton, frozenset({Role.PushButton, Role.CheckBox, Role.RadioButton})),
    (QComboBox, frozenset({Role.ComboBox})),
    (QAbstractSpinBox, frozenset({Role.SpinBox})),
    (QLineEdit, frozenset({Role.EditableText})),
    (QAbstractSlider, frozenset({Role.Slider})),
    (QAbstractItemView, frozenset({Role.List, Role.Table, Role.Tree})),
    (QTextEdit, frozenset({Role.EditableText, Role.StaticText, Role.Document})),
    (QPlainTextEdit, frozenset({Role.EditableText})),
    (QAbstractScrollArea, frozenset({Role.ScrollBar, Role.Pane, Role.Client, Role.Grouping})),
)
# A Tab from any stop leaves it within this many presses: a date and time field walks its
# five parts first, as every such field does.
TAB_PRESSES = 6
# WCAG 2.2 1.4.11 / EN 301 549 11.1.4.11: a focus indicator needs 3:1 against what touches it.
RING_CONTRAST = 3.0


def role_wanted(widget: QWidget) -> frozenset[Role] | None:
    for kind, roles in ROLES:
        if isinstance(widget, kind):
            return roles
    return None


def inside_a_control(widget: QWidget) -> bool:
    """A spin box's or combo box's own line edit, a scroll bar, a table's header: parts of a
    control the audit looks at as a whole."""
    if isinstance(widget, QScrollBar | QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """The interactive widgets on screen under ``root`` (and ``root`` itself)."""
    found = [root, *root.findChildren(QWidget)]
    return [
        widget
        for widget in found
        if role_wanted(widget) is not None
        and widget.isVisible()
        and not inside_a_control(widget)
        and (not isinstance(widget, QAbstractScrollArea) or widget.focusPolicy() & Qt.TabFocus)
    ]


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__} {widget.objectName() or ''} {shown!r}".strip()


def name_and_role_findings(root: QWidget) -> list[str]:
    findings = []
    for widget in controls(root):
        interface = QAccessible.queryAccessibleInterface(widget)
        name = accessible_name(widget)
        if not name.strip():
            findings.append(f"no name: {describe(widget)}")
        elif any(is_glyph(c) for c in name):
            findings.append(f"glyph in the name {name!r}: {describe(widget)}")
        if isinstance(widget, QComboBox):
            findings.extend(combo_findings(widget, interface))
        wanted = role_wanted(widget)
        if interface is None or wanted is None or interface.role() not in wanted:
            role = interface.role() if interface is not None else None
            findings.append(f"role {role} for {describe(widget)}")
    return findings


def combo_findings(combo: QComboBox, interface: QAccessibleInterface) -> list[str]:
    """Named by its label: on Windows and macOS through its accessible name, on Linux (where
    Qt names a combo box by its value) through the label it is "labelled by"."""
    findings = []
    name = combo.accessibleName()
    if not name or name == combo.currentText():
        findings.append(f"combo named by its value {combo.currentText()!r}: {describe(combo)}")
    labels = [
        label.text(QAccessible.Text.Name)
        for label, _relation in interface.relations(QAccessible.RelationFlag.Label)
    ]
    if not labels:
        findings.append(f"combo {name!r} labelled by nothing: {describe(combo)}")
    return findings


def tab_stops(root: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in controls(root)
        if widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def focus_findings(root: QWidget) -> list[str]:
    """Each stop takes the focus, and a Tab and a Shift+Tab from it leave it."""
    findings = []
    stops = tab_stops(root)
    for widget in stops:
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            if not has_focus(widget):
                findings.append(f"takes no focus: {describe(widget)}")
                break
            for _press in range(TAB_PRESSES):
                focus = QApplication.focusWidget()
                assert focus is not None
                QTest.keyClick(focus, key)
                if not has_focus(widget):
                    break
            else:
                if len(stops) > 1:  # a lone button keeps the focus; Esc or Enter leaves
                    findings.append(f"trapped ({key.name}): {describe(widget)}")
    return findings


def reachable(root: QWidget) -> list[str]:
    """Tab, pressed again and again from the first stop, comes to every stop."""
    stops = tab_stops(root)
    if not stops:
        return []
    stops[0].setFocus(Qt.FocusReason.TabFocusReason)
    reached: set[int] = set()
    for _press in range(3 * len(stops)):
        focus = QApplication.focusWidget()
        assert focus is not None
        reached.update(id(stop) for stop in stops if has_focus(stop))
        QTest.keyClick(focus, Qt.Key.Key_Tab)
    return [f"Tab never reaches {describe(s)}" for s in stops if id(s) not in reached]


def has_focus(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rendered(widget: QWidget, margin: int) -> QImage:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()
    window = widget.window()
    box = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
    return window.grab(box.adjusted(-margin, -margin, margin, margin)).toImage()


def ring_finding(widget: QWidget, ring_width: int = 3) -> str | None:
    """Rendered focused and unfocused: the top edge changes, and where it changed the ring
    stands out 3:1 from the page just outside and from the control just inside."""
    margin = 2
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    focused = rendered(widget, margin)
    widget.clearFocus()
    plain = rendered(widget, margin)
    x = focused.width() // 2
    ring = focused.pixelColor(x, margin + 1)
    if ring == plain.pixelColor(x, margin + 1) and focused == plain:
        return f"no focus ring: {describe(widget)}"
    outside = focused.pixelColor(x, margin - 1)
    # A field selects its text when it takes the focus; the highlight is the text's, and the
    # ring's inner neighbour is the field as it is drawn without it.
    selects = isinstance(widget, QAbstractSpinBox | QLineEdit)
    inside = (plain if selects else focused).pixelColor(x, margin + ring_width + 1)
    weakest = min(contrast(ring, outside), contrast(ring, inside))
    if weakest < RING_CONTRAST:
        return (
            f"focus ring {ring.name()} {weakest:.2f}:1 between {outside.name()} and "
            f"{inside.name()}: {describe(widget)}"
        )
    return None


def ring_findings(root: QWidget) -> list[str]:
    findings = [ring_finding(widget) for widget in tab_stops(root)]
    return [finding for finding in findings if finding]


def all_findings(root: QWidget) -> list[str]:
    return [
        *name_and_role_findings(root),
        *focus_findings(root),
        *reachable(root),
        *ring_findings(root),
    ]


def unreachable(root: QWidget, reached: Iterable[QWidget]) -> list[str]:
    """Buttons on screen that no key reaches: no Tab stop, no shortcut."""
    seen = set(reached)
    return [
        f"no key reaches {describe(widget)}"
        for widget in controls(root)
        if isinstance(widget, QAbstractButton)
        and widget.isEnabled()
        and widget not in seen
        and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.shortcut().isEmpty()
    ]
