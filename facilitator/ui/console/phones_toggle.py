"""The console's "Mobilsvar" (Ctrl+M): the setting "Deltagarna svarar på mobilen" as a button
that shows whether it is on by its fill and by a tick in its words. Not a clicker's key: turning
the phones on or off is a deliberate choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from facilitator.core.i18n import _
from facilitator.ui.accessible import set_text_named
from facilitator.ui.widgets.command_button import CommandButton


class PhonesToggle(CommandButton):
    def __init__(self, window: QWidget) -> None:
        """``window``: where Ctrl+M works (the console page, in any of its modes)."""
        super().__init__(parent=window)
        self.setObjectName("phonesToggle")
        self.setCheckable(True)
        self.setToolTip(_("Deltagarna svarar på mobilen: på eller av (Ctrl+M)"))
        self.setMinimumHeight(48)
        self.toggled.connect(self._show)
        key = QShortcut(QKeySequence("Ctrl+M"), window)
        key.setContext(Qt.ShortcutContext.WindowShortcut)
        key.activated.connect(self.click)
        self._show(False)

    def show_on(self, on: bool) -> None:
        """The setting as it stands (changed here, in the run sheet, or remembered): shown,
        not announced as a change."""
        self.blockSignals(True)
        self.setChecked(on)
        self.blockSignals(False)
        self._show(on)

    def _show(self, on: bool) -> None:
        set_text_named(self, ("✓ " if on else "") + _("Mobilsvar"))
