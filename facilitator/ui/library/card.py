"""One module in the library: title, one-line summary, lengths, film length, languages.

A card is chosen like a check box (Space or a click), and says so in every way: a "Vald"
beside the title (not the colour alone), and to assistive technology the role of a check box
with its checked state (QAccessible asks ``card_accessible`` for it). Enter or a double-click
opens the module's own page."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QAccessibleStateChangeEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.i18n import N_, _


@dataclass(frozen=True)
class ModuleCardData:
    key: str
    title: str
    summary: str
    variant_minutes: tuple[int, ...]
    film_seconds: float | None
    languages: tuple[str, ...]
    problems: tuple[str, ...] = field(default_factory=tuple)
    runnable: bool = True


LANGUAGE_NAMES = {"sv": N_("svenska"), "en": N_("engelska")}


def describe_lengths(data: ModuleCardData) -> str:
    parts = (
        [" · ".join(str(m) for m in data.variant_minutes) + " " + _("min")]
        if data.variant_minutes
        else []
    )
    if data.film_seconds:
        minutes, seconds = divmod(round(data.film_seconds), 60)
        parts.append(_("film {m}:{s:02d}").format(m=minutes, s=seconds))
    names = [_(LANGUAGE_NAMES.get(code, code)) for code in data.languages]
    if names:
        parts.append(", ".join(names))
    return "  ·  ".join(parts)


class ModuleCard(QFrame):
    toggled = Signal(str, bool)
    problems_requested = Signal(str)
    open_requested = Signal(str)
    focused = Signal(str)

    def __init__(self, data: ModuleCardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = data
        self._selected = False
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        self._title = QLabel()
        self._title.setObjectName("cardTitle")
        self._title.setWordWrap(True)
        top.addWidget(self._title, 1)
        self._chosen = QLabel(_("Vald"))
        self._chosen.setObjectName("cardChosen")
        self._chosen.setStyleSheet("font-weight: 600;")
        self._chosen.setVisible(False)
        top.addWidget(self._chosen)
        self._warning = QPushButton()
        self._warning.setObjectName("warningButton")
        self._warning.setToolTip(_("Visa vad som är fel"))
        self._warning.clicked.connect(lambda: self.problems_requested.emit(self.data.key))
        top.addWidget(self._warning)
        layout.addLayout(top)
        self._summary = QLabel()
        self._summary.setWordWrap(True)
        layout.addWidget(self._summary)
        # How far the leader has come alone goes on the lengths' line, not a line of its own:
        # a card that grew when it came (after the answers load) kept its old height in the
        # full list, and its summary drew over its title.
        facts = QHBoxLayout()
        self._meta = QLabel()
        self._meta.setObjectName("muted")
        facts.addWidget(self._meta)
        facts.addSpacing(24)
        self._study = QLabel()
        self._study.setObjectName("muted")
        self._study.setVisible(False)
        facts.addWidget(self._study)
        facts.addStretch(1)
        layout.addLayout(facts)
        self.set_data(data)

    def set_data(self, data: ModuleCardData) -> None:
        """Show what a later check found (film length, problems) in this same card, so the
        keyboard focus and the leader's choice stay where they are."""
        self.data = data
        self.setAccessibleName(data.title)
        self.setAccessibleDescription(_("Mellanslag väljer modulen, Enter öppnar den"))
        self._title.setText(data.title)
        self._summary.setText(data.summary)
        self._meta.setText(describe_lengths(data))
        self._warning.setText(_("Går inte att köra") if not data.runnable else _("Varning"))
        self._warning.setVisible(bool(data.problems))
        if self._selected and not data.runnable:
            self.set_selected(False)

    def set_study(self, text: str) -> None:
        """How far the leader has come alone in this module; empty when not begun."""
        self._study.setText(text)
        self._study.setVisible(bool(text))

    @property
    def selected(self) -> bool:
        return self._selected

    def set_selected(self, selected: bool) -> None:
        if not self.data.runnable:
            selected = False
        changed = selected != self._selected
        self._selected = selected
        self._chosen.setVisible(selected)
        self.setProperty("selected", "true" if selected else "false")
        if changed and QAccessible.isActive():
            state = QAccessible.State()
            state.checked = True
            QAccessible.updateAccessibility(QAccessibleStateChangeEvent(self, state))
        self.style().unpolish(self)
        self.style().polish(self)

    def toggle(self) -> None:
        self.set_selected(not self._selected)
        self.toggled.emit(self.data.key, self._selected)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.toggle()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # Its two clicks chose and let go again: the choice is as it was before.
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit(self.data.key)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self.toggle()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.open_requested.emit(self.data.key)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focused.emit(self.data.key)
        super().focusInEvent(event)


class CardAccessible(QAccessibleWidget):
    """A card as a screen reader meets it: a check box, checked when chosen."""

    def __init__(self, card: ModuleCard) -> None:
        super().__init__(card, QAccessible.Role.CheckBox)
        self._card = card

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = True
        state.checked = self._card.selected
        return state


def card_accessible(_class_name: str, widget: object) -> QAccessibleInterface | None:
    return CardAccessible(widget) if isinstance(widget, ModuleCard) else None


# Qt asks its factories only when assistive technology (or a test) queries a widget, so this
# costs nothing at start.
QAccessible.installFactory(card_accessible)
