"""The film bar's subtitle list: "Undertexter: Av / Svenska / العربية". It shows which track the
room sees now, whether picked here, with S or by the settings' default, and forwards the
leader's pick. Layout and signals only: the film runner decides and tells."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from facilitator.core.films.subtitle_choice import SubtitleState, language_name
from facilitator.core.i18n import _


class SubtitlePicker(QWidget):
    chosen = Signal(object)  # a language code, or None for off

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subtitlePicker")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("Undertexter:"))
        row.addWidget(label)
        self.tracks = QComboBox()
        self.tracks.setObjectName("subtitleTracks")
        label.setBuddy(self.tracks)
        self.tracks.setAccessibleName(_("Undertexter"))
        self.tracks.setToolTip(_("Välj undertexter (S växlar: av, sedan varje språk)"))
        # Like the console's buttons: a click must not take the clicker's keys.
        self.tracks.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.tracks.activated.connect(self._on_activated)
        row.addWidget(self.tracks)
        self._languages: tuple[str, ...] | None = None

    def show_state(self, state: SubtitleState) -> None:
        if state.languages != self._languages:
            self._languages = state.languages
            self.tracks.clear()
            if not state.languages:
                self.tracks.addItem(_("Inga i filmen"), None)
            else:
                self.tracks.addItem(_("Av"), None)
                for code in state.languages:
                    self.tracks.addItem(language_name(code), code)
        self.tracks.setEnabled(bool(state.languages))
        index = self.tracks.findData(state.current) if state.current is not None else 0
        self.tracks.setCurrentIndex(max(0, index))

    def current_text(self) -> str:
        return self.tracks.currentText()

    def _on_activated(self, index: int) -> None:
        self.chosen.emit(self.tracks.itemData(index))
