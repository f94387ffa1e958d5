"""The module library: cards to choose from, a length, and the ways on: to the planner, or
into one module's own page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.i18n import _
from facilitator.ui.accessible import name_by_label
from facilitator.ui.shortcuts import bind_keys

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from facilitator.ui.library.card import ModuleCard, ModuleCardData

# This page is part of the first paint (decision 0004), so it stays clear of PySide6's `Qt`
# namespace, and of the cards (which use it), until there are modules: the namespace's
# wrapper, with every Qt enum, costs about 25 ms to create. The empty state is centred by the
# stylesheet.


class LibraryPage(QWidget):
    plan_requested = Signal(list, int)  # module keys in order of selection, minutes per module
    import_requested = Signal()
    packs_dropped = Signal(list)  # list[Path] of .fmod files dropped on the library
    module_requested = Signal(str)  # a module's own page asked for
    self_study_requested = Signal(str)  # the module to go through alone

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPage")
        self.setAcceptDrops(True)
        self._cards: list[ModuleCard] = []
        self._order: list[str] = []
        self._current: str | None = None  # the card "Visa modulen" opens: the last one in hand
        self._study: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        heading = QLabel(_("Moduler"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        hint = QLabel(_("Välj en eller flera moduler och en längd. Sedan kan du justera planen."))
        hint.setObjectName("muted")
        layout.addWidget(hint)
        self._scroll = QScrollArea()
        self._scroll.setAccessibleName(_("Moduler"))
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(self._scroll, 1)
        self._list_host = QWidget()
        self._list = QVBoxLayout(self._list_host)
        self._list.setSpacing(10)
        self._scroll.setWidget(self._list_host)
        self._empty_text = _(
            "Här finns inga moduler ännu. Importera en modulfil (.fmod) från ett USB-minne "
            "med Arkiv → Importera modul…, eller dra filen hit."
        )
        self._empty = QLabel(self._empty_text)
        self._empty.setWordWrap(True)
        self._empty.setObjectName("emptyState")
        layout.addWidget(self._empty, 1)
        footer = QHBoxLayout()
        # First in the row and in the Tab order: it acts on the card last in hand, and the
        # length list stays one Shift+Tab past "Planera session" from the first card.
        self._show_button = QPushButton(_("Visa modulen"))
        self._show_button.clicked.connect(self._request_module)
        footer.addWidget(self._show_button)
        length_label = QLabel(_("Längd:"))
        footer.addWidget(length_label)
        self._length = QComboBox()
        # Sized for its longest entry now, while it is still empty: Qt sizes a combo box at its
        # first show and not again, which cut "75 min per modul" to "75 min p".
        self._length.setMinimumContentsLength(len(_("{m} min per modul").format(m=120)))
        name_by_label(length_label, self._length)
        footer.addWidget(self._length)
        self._selection = QLabel()
        self._selection.setObjectName("muted")
        footer.addWidget(self._selection, 1)
        self._alone_button = QPushButton(_("Gå igenom på egen hand"))
        self._alone_button.setToolTip(_("Gå igenom den valda modulen ensam, i din egen takt"))
        self._alone_button.clicked.connect(self._request_self_study)
        footer.addWidget(self._alone_button)
        self._plan_button = QPushButton(_("Planera session"))
        self._plan_button.setObjectName("primary")
        self._plan_button.setToolTip(_("Gå vidare till körschemat (Ctrl+Enter)"))
        bind_keys(self._plan_button, "Ctrl+Return")
        self._plan_button.clicked.connect(self._request_plan)
        footer.addWidget(self._plan_button)
        layout.addLayout(footer)
        self.set_modules([])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _packs(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        packs = _packs(event.mimeData().urls())
        if packs:
            event.acceptProposedAction()
            self.packs_dropped.emit(packs)

    def set_loading(self, loading: bool) -> None:
        if loading:
            self._empty.setText(_("Läser in modulerna…"))
            self._empty.setVisible(True)
            self._scroll.setVisible(False)

    def set_modules(self, modules: Sequence[ModuleCardData]) -> None:
        """Show these modules. A module already shown keeps its card, updated in place: the
        background checks call this once per module on first start, and a rebuilt card would
        drop the keyboard focus and the leader's choice."""
        from PySide6.QtCore import Qt

        from facilitator.ui.library.card import ModuleCard

        self._empty.setText(self._empty_text)
        kept = {card.data.key: card for card in self._cards}
        cards: list[ModuleCard] = []
        for data in modules:
            card = kept.pop(data.key, None)
            if card is None:
                card = ModuleCard(data)
                card.toggled.connect(self._on_toggled)
                card.problems_requested.connect(self._show_problems)
                card.open_requested.connect(self.module_requested.emit)
                card.focused.connect(self._hold)
                card.set_study(self._study.get(data.key, ""))
            else:
                card.set_data(data)
            cards.append(card)
        for gone in kept.values():
            gone.setParent(None)
            gone.deleteLater()
        # Taking a card out of the layout leaves it where it is, focus and all; the layout is
        # only filled again in the new order.
        while self._list.count():
            self._list.takeAt(0)
        for card in cards:
            self._list.addWidget(card)
        self._list.addStretch(1)
        self._cards = cards
        chosen = {card.data.key for card in cards if card.selected}
        self._order = [key for key in self._order if key in chosen]
        if self._current not in {card.data.key for card in cards}:
            self._current = None
        has_modules = bool(modules)
        if has_modules:
            # The cards are the Tab stops; the area scrolls to the one with the focus. Set
            # here, with the first cards, not at first paint (the enum costs, see above).
            self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setVisible(has_modules)
        self._empty.setVisible(not has_modules)
        self._refresh()

    def cards(self) -> list[ModuleCard]:
        return list(self._cards)

    def select(self, key: str) -> None:
        for card in self._cards:
            if card.data.key == key and not card.selected:
                card.toggle()

    def focus_card(self, key: str) -> None:
        """Put the keyboard on the module's card (back from its own page)."""
        for card in self._cards:
            if card.data.key == key:
                self._scroll.ensureWidgetVisible(card)
                card.setFocus()

    def minutes(self) -> int | None:
        """The length chosen, if any."""
        current = self._length.currentData()
        return int(current) if current is not None else None

    def set_study_progress(self, texts: dict[str, str]) -> None:
        """Each module's self-study progress in words, by module id (none: not begun)."""
        self._study = dict(texts)
        for card in self._cards:
            card.set_study(self._study.get(card.data.key, ""))

    def set_minutes(self, minutes: int) -> None:
        index = self._length.findData(minutes)
        if index >= 0:
            self._length.setCurrentIndex(index)

    def _hold(self, key: str) -> None:
        self._current = key
        self._refresh_show_button()

    def _request_module(self) -> None:
        if self._current is not None:
            self.module_requested.emit(self._current)

    def _refresh_show_button(self) -> None:
        card = next((c for c in self._cards if c.data.key == self._current), None)
        self._show_button.setEnabled(card is not None)
        self._show_button.setToolTip(
            _("Visa {title}: mål, steg, film och utskrifter (Enter på kortet)").format(
                title=card.data.title
            )
            if card is not None
            else _("Välj ett modulkort först (Enter på kortet öppnar det)")
        )

    def _on_toggled(self, key: str, selected: bool) -> None:
        self._current = key
        if selected and key not in self._order:
            self._order.append(key)
        elif not selected and key in self._order:
            self._order.remove(key)
        self._refresh()

    def _selected_cards(self) -> list[ModuleCard]:
        by_key = {card.data.key: card for card in self._cards}
        return [by_key[key] for key in self._order if key in by_key]

    def _refresh(self) -> None:
        chosen = self._selected_cards()
        lengths: set[int] | None = None
        for card in chosen:
            own = set(card.data.variant_minutes)
            lengths = own if lengths is None else lengths & own
        current = self._length.currentData()
        self._length.clear()
        for minutes in sorted(lengths or set()):
            self._length.addItem(_("{m} min per modul").format(m=minutes), minutes)
        if current is not None:
            self.set_minutes(int(current))
        elif self._length.count():
            self._length.setCurrentIndex(min(1, self._length.count() - 1))
        self._selection.setText(
            _("Valda: {titles}").format(titles=", ".join(c.data.title for c in chosen))
            if chosen
            else _("Ingen modul vald.")
        )
        self._plan_button.setEnabled(bool(chosen) and self._length.count() > 0)
        self._refresh_show_button()
        # Alone, one module at a time: the one chosen.
        self._alone_button.setEnabled(len(chosen) == 1)

    def _request_plan(self) -> None:
        minutes = self._length.currentData()
        if self._order and minutes is not None:
            self.plan_requested.emit(list(self._order), int(minutes))

    def _request_self_study(self) -> None:
        if len(self._order) == 1:
            self.self_study_requested.emit(self._order[0])

    def _show_problems(self, key: str) -> None:
        card = next(c for c in self._cards if c.data.key == key)
        QMessageBox.information(
            self,
            _("Problem i modulen"),
            _("{title} har de här problemen:").format(title=card.data.title)
            + "\n\n• "
            + "\n• ".join(card.data.problems),
        )


def _packs(urls: list[QUrl]) -> list[Path]:
    return [
        Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile().endswith(".fmod")
    ]
