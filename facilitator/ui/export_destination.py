"""Where an export goes. The leader chooses with a file dialog that opens in the folder used
last (the Documents folder the first time), and the folder is remembered in the settings. A
file that exists already is never replaced without asking: the leader may replace it, or save
under a numbered name ("… (2).pdf"), which is the default."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.export.file_names import ExportFiles
from facilitator.core.i18n import _, ngettext


class Conflict(Enum):
    RENAME = "rename"
    REPLACE = "replace"
    CANCEL = "cancel"


def documents_folder() -> Path:
    """The Documents folder, or the home folder where there is none: given a folder that does
    not exist, the save dialog opened in the app's working directory (the program's folder)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    return folder if folder.is_dir() else Path.home()


class ExportDestination:
    def __init__(self, parent: QWidget, settings: SettingsService) -> None:
        self._parent = parent
        self._settings = settings

    def start_folder(self) -> Path:
        remembered = self._settings.current.export_folder
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return documents_folder()

    def file(self, caption: str, stem: str, ending: str, file_filter: str) -> ExportFiles | None:
        """One file, chosen with a save dialog; None when the leader cancels."""
        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent,
            caption,
            str(self.start_folder() / f"{stem}{ending}"),
            file_filter,
            "",
            # We ask ourselves, with a third choice the dialog lacks: a new name.
            QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return None
        return self._settle(ExportFiles.chosen(Path(chosen), ending))

    def file_in_format(
        self, caption: str, stem: str, formats: Sequence[tuple[str, str]]
    ) -> ExportFiles | None:
        """One file in one of ``formats`` ((ending, dialog filter), the first the default),
        chosen with a save dialog: the ending the leader typed decides, else the filter
        chosen. None when the leader cancels."""
        chosen, selected = QFileDialog.getSaveFileName(
            self._parent,
            caption,
            str(self.start_folder() / f"{stem}{formats[0][0]}"),
            ";;".join(file_filter for _ending, file_filter in formats),
            "",
            QFileDialog.Option.DontConfirmOverwrite,
        )
        if not chosen:
            return None
        ending = chosen_ending(Path(chosen), selected, formats)
        return self._settle(ExportFiles.chosen(Path(chosen), ending))

    def folder(self, caption: str, stem: str, endings: tuple[str, ...]) -> ExportFiles | None:
        """Several files named after ``stem``, in a folder the leader chooses."""
        chosen = QFileDialog.getExistingDirectory(self._parent, caption, str(self.start_folder()))
        if not chosen:
            return None
        return self._settle(ExportFiles(Path(chosen), stem, endings))

    def _settle(self, files: ExportFiles) -> ExportFiles | None:
        self._settings.change(export_folder=str(files.folder))
        if not files.existing():
            return files
        answer = ask_about_existing(self._parent, files)
        if answer is Conflict.RENAME:
            return files.renumbered()
        return files if answer is Conflict.REPLACE else None


def chosen_ending(path: Path, selected_filter: str, formats: Sequence[tuple[str, str]]) -> str:
    """The format of a file chosen in a save dialog: by the ending typed, else by the filter
    chosen, else the first."""
    for ending, _filter in formats:
        if path.name.lower().endswith(ending.lower()):
            return ending
    for ending, file_filter in formats:
        if selected_filter and selected_filter == file_filter:
            return ending
    return formats[0][0]


class ExistingFilesQuestion(QMessageBox):
    """Replace, save under a new name, or cancel: the safe new name is the default."""

    def __init__(self, parent: QWidget | None, files: ExportFiles) -> None:
        super().__init__(parent)
        existing = files.existing()
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(_("Filen finns redan"))
        names = "\n".join(f"• {path.name}" for path in existing)
        self.setText(
            ngettext(
                "Det finns redan en fil med det namnet i {folder}:\n{names}",
                "Det finns redan filer med de namnen i {folder}:\n{names}",
                len(existing),
            ).format(folder=files.folder, names=names)
        )
        self.setInformativeText(
            _("Spara med ett nytt namn, så finns båda kvar. Eller ersätt den gamla filen.")
        )
        new_name = files.renumbered().paths[0].name
        self.rename_button = self.addButton(
            _("Spara som ”{name}”").format(name=new_name), QMessageBox.ButtonRole.AcceptRole
        )
        self.replace_button = self.addButton(_("Ersätt"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.rename_button)
        self.setEscapeButton(cancel)

    def answer(self) -> Conflict:
        clicked = self.clickedButton()
        if clicked is self.rename_button:
            return Conflict.RENAME
        if clicked is self.replace_button:
            return Conflict.REPLACE
        return Conflict.CANCEL


def ask_about_existing(parent: QWidget | None, files: ExportFiles) -> Conflict:
    question = ExistingFilesQuestion(parent, files)
    question.exec()
    return question.answer()
