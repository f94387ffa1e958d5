"""After an export: say what was written where, offer to open the folder, and when the folder
cannot be opened (no file manager on this computer), say so with the path to copy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from facilitator.core.i18n import _, ngettext

# Opens a folder in the file manager; False when nothing could (Qt's own answer).
OpenUrl = Callable[[QUrl], bool]


class WrittenMessage(QMessageBox):
    """ "Sparat": each file by name, then the folder they are in."""

    def __init__(self, parent: QWidget | None, paths: Sequence[Path]) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(_("Exporten är klar"))
        names = "\n".join(f"• {path.name}" for path in paths)
        self.setText(
            ngettext(
                "Den här filen är sparad:\n{names}",
                "De här filerna är sparade:\n{names}",
                len(paths),
            ).format(names=names)
        )
        self.setInformativeText(_("I mappen {folder}").format(folder=paths[0].parent))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(_("Öppna mappen"))
        self.addButton(self.open_button, QMessageBox.ButtonRole.AcceptRole)
        close = self.addButton(_("Stäng"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(close)
        self.setEscapeButton(close)


class FolderNotOpened(QMessageBox):
    """What happened, what it means, what to do: the files are safe, here is the path."""

    def __init__(self, parent: QWidget | None, folder: Path) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(_("Mappen gick inte att öppna"))
        self.setText(_("Datorn har inget program som kan visa mappen. Filerna är sparade ändå."))
        self.setInformativeText(
            _("Kopiera sökvägen och öppna mappen på annat sätt:\n{folder}").format(folder=folder)
        )
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(_("Kopiera sökvägen"))
        self.addButton(self.copy_button, QMessageBox.ButtonRole.ActionRole)
        # An action button would close the box without this: copying is its whole job.
        self.copy_button.clicked.connect(lambda: copy_path(folder))
        close = self.addButton(_("Stäng"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(close)


def copy_path(folder: Path) -> None:
    QGuiApplication.clipboard().setText(str(folder))


def tell_written(
    parent: QWidget | None, paths: Sequence[Path], open_url: OpenUrl = QDesktopServices.openUrl
) -> None:
    message = WrittenMessage(parent, paths)
    message.exec()
    if message.clickedButton() is message.open_button:
        open_folder(parent, paths[0].parent, open_url)


def open_folder(parent: QWidget | None, folder: Path, open_url: OpenUrl) -> bool:
    if open_url(QUrl.fromLocalFile(str(folder))):
        return True
    FolderNotOpened(parent, folder).exec()
    return False
