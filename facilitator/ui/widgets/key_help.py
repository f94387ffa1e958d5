"""The key overlay (? or F1): every action and its key, for the leader with a clicker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from facilitator.core.i18n import N_, _
from facilitator.core.storage.records import ReflectionKind

# (action, keys); words among the keys are marked for translation, key names are not.
KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Nästa steg"), ("PageDown", "→", N_("mellanslag"))),
    (N_("Föregående steg"), ("PageUp", "←")),
    (N_("Svart bild på projektorn (av/på)"), ("B", ".")),
    (N_("Samtalsreglerna på projektorn (av/på)"), ("R",)),
    (N_("Pausa eller fortsätta"), ("P",)),
    (N_("En minut till på steget"), ("+",)),
    (N_("Nästa fas i samtalet (1-2-4-alla, par, varvet runt)"), ("N",)),
    (N_("Starta eller fortsätta sessionen"), ("F5",)),
    (N_("Lämna helskärm på projektorn"), ("Esc",)),
    (N_("Avsluta sessionen (frågar först om steg återstår)"), ("Ctrl+E",)),
    (N_("Film: spela eller pausa"), ("K", N_("mellanslag under film"))),
    (N_("Film: kapitlet från början"), ("Home",)),
    (N_("Film: tio sekunder bakåt / framåt"), ("J", "L")),
    (N_("Film: byt undertexter (av, sedan varje språk)"), ("S",)),
    (N_("Film: filmens text att läsa (Esc stänger)"), ("T",)),
    (N_("Spara en reflektion och gå tillbaka till klickerläge"), ("Enter",)),
    (N_("Lämna skrivrutan, texten finns kvar (skrivläge)"), ("Esc",)),
    (N_("Reflektionens typ: {kinds}"), ("Ctrl+1 … Ctrl+4",)),
    (N_("Visa kortkommandon"), ("?", "F1")),
)


def _kind_words() -> str:
    return ", ".join(kind.label.lower() for kind in ReflectionKind)


class KeyHelp(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Kortkommandon"))
        layout = QVBoxLayout(self)
        heading = QLabel(_("Kortkommandon"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for row, (action, keys) in enumerate(KEYS):
            what = QLabel(_(action).format(kinds=_kind_words()))
            which = QLabel(" · ".join(_(key) for key in keys))
            which.setStyleSheet("font-weight: 600;")
            which.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            grid.addWidget(what, row, 0)
            grid.addWidget(which, row, 1)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Stäng"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
