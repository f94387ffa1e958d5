"""Import a module pack (.fmod) from a USB stick: off the GUI thread with a progress bar and
cancel; an older or equal version is installed only after the leader confirms."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator.core.content.importer import ImportOutcome, ImportResult, import_pack
from facilitator.core.content.media_probe import MediaProbe
from facilitator.core.content.pack_format import PackError
from facilitator.core.i18n import _
from facilitator.ui.tasks import BackgroundTasks
from facilitator.ui.widgets.work_progress import WorkProgress


class ModuleImporter(QObject):
    imported = Signal(ImportResult)

    def __init__(
        self,
        parent: QWidget,
        tasks: BackgroundTasks,
        modules_dir: Path,
        probe: Callable[[], MediaProbe | None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._modules_dir = modules_dir
        self._probe = probe

    def choose(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self._parent, _("Importera modul"), str(Path.home()), _("Modulfiler (*.fmod)")
        )
        self.run_all([Path(name) for name in names])

    def run_all(self, packs: list[Path]) -> None:
        for pack in packs:
            self.run(pack)

    def run(self, pack: Path, replace: bool = False) -> None:
        progress = WorkProgress(
            self._parent, _("Importera modul"), _("Importerar {name}…").format(name=pack.name)
        )
        modules_dir = self._modules_dir
        probe = self._probe

        def work() -> ImportResult:
            return import_pack(
                pack,
                modules_dir,
                replace=replace,
                probe=probe(),
                progress=progress.report,
                cancel=progress.is_cancelled,
            )

        def done(result: ImportResult) -> None:
            progress.close()
            if result.outcome == ImportOutcome.NEEDS_CONFIRMATION:
                answer = QMessageBox.question(
                    self._parent,
                    _("Importera modul"),
                    result.message,
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer == QMessageBox.StandardButton.Yes:
                    self.run(pack, replace=True)
                return
            QMessageBox.information(self._parent, _("Importera modul"), result.message)
            self.imported.emit(result)

        def failed(error: Exception) -> None:
            progress.close()
            if isinstance(error, PackError):
                details = "\n".join(f"• {p.describe()}" for p in list(error.problems)[:10])
                text = error.message + (f"\n\n{details}" if details else "")
            else:
                text = _("Modulen kunde inte importeras: {error}").format(error=error)
            QMessageBox.warning(self._parent, _("Modulen importerades inte"), text)

        self._tasks.run(work, done, failed, owner=self)
