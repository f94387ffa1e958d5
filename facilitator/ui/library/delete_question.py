"""Before a session is deleted for real: which one, that it cannot be undone, and which files
exported from it are still on disk, with the choice to delete those too (off by default: a
summary already sent on may be the only copy the leader keeps)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from facilitator.core.dates import format_date
from facilitator.core.i18n import _, active_language, ngettext
from facilitator.core.storage.records import SessionRecord

# More than this many files are summed up as "… och 3 till", so the box fits on the screen.
LISTED_FILES = 8


def listed_by_folder(files: Sequence[Path]) -> str:
    """Each folder once, its files by name under it: whole paths would wrap mid-name."""
    folders: dict[Path, list[str]] = {}
    for path in files:
        folders.setdefault(path.parent, []).append(path.name)
    text = ""
    for folder, names in folders.items():
        text += "\n" + _("I mappen {folder}:").format(folder=folder)
        text += "".join(f"\n• {name}" for name in names)
    return text


class DeleteSessionQuestion(QMessageBox):
    def __init__(
        self, parent: QWidget | None, session: SessionRecord, files: Sequence[Path]
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(_("Ta bort sessionen?"))
        when = format_date(session.started_at or session.created_at, active_language())
        facts = [f"”{session.title}”", session.place, when]
        self.setText(", ".join(fact for fact in facts if fact))
        informative = _(
            "Sessionen och alla dess reflektioner raderas på riktigt, även ur "
            "säkerhetskopiorna. Det går inte att återställa dem."
        )
        self.files_box: QCheckBox | None = None
        if files:
            informative += "\n\n" + ngettext(
                "Den här filen exporterades från sessionen och finns kvar:",
                "De här filerna exporterades från sessionen och finns kvar:",
                len(files),
            )
            informative += listed_by_folder(files[:LISTED_FILES])
            if len(files) > LISTED_FILES:
                more = len(files) - LISTED_FILES
                informative += "\n" + _("… och {n} till").format(n=more)
            self.files_box = QCheckBox(
                ngettext(
                    "Ta också bort den exporterade filen",
                    "Ta också bort de {n} exporterade filerna",
                    len(files),
                ).format(n=len(files))
            )
            self.setCheckBox(self.files_box)
        self.setInformativeText(informative)
        self.delete_button = self.addButton(
            _("Ta bort för gott"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = self.addButton(_("Avbryt"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(keep)
        self.setEscapeButton(keep)

    @property
    def confirmed(self) -> bool:
        return self.clickedButton() is self.delete_button

    @property
    def delete_files(self) -> bool:
        return self.confirmed and self.files_box is not None and self.files_box.isChecked()
