"""A yes-or-no question before something that cannot be undone.

QMessageBox's standard buttons would read "Yes" and "No": the app ships no Qt translation, and
the Swedish UI must not carry English leftovers. So the buttons are named after what they do,
and the safe choice is the default (Enter and Esc both keep things as they are).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.core.i18n import _


def confirm(parent: QWidget | None, title: str, text: str, informative: str, action: str) -> bool:
    """True only when the leader chose ``action`` (for example "Ta bort")."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is go
