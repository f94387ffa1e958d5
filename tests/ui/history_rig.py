"""The history and its exports on real parts: a real SQLite file behind the storage gateway on
the Qt serial writer, real export functions writing real files. Only the dialogs that would
wait for a person are answered by the test (``Answers``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.paths import AppPaths, resolve_paths
from facilitator.core.settings import Settings, SettingsStore
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import (
    AttendanceCounts,
    ReflectionDraft,
    ReflectionKind,
    SessionLifecycle,
)
from facilitator.core.storage.repository import Repository
from facilitator.ui.export_destination import ExportDestination
from facilitator.ui.export_runner import ExportRunner
from facilitator.ui.library.history_controller import HistoryController
from facilitator.ui.library.history_page import SessionHistoryPage
from facilitator.ui.library.session_exports import SessionExporter
from facilitator.ui.serial_writer import SerialWriter
from facilitator.ui.tasks import BackgroundTasks


@dataclass
class Answers:
    """What the "leader" answers: the file or folder chosen, and a button per message box
    (by its text; a box not named gets Enter, its default button). Every box shown is kept."""

    file: Path | None = None
    folder: Path | None = None
    buttons: dict[str, str | None] = field(default_factory=dict)
    """The box's class name → the text of the button to press."""
    check_the_box: bool = False
    shown: list[QMessageBox] = field(default_factory=list)
    opened: list[QUrl] = field(default_factory=list)
    can_open_folders: bool = True
    file_dialog_start: Path = Path()
    """Where the last save dialog opened, with the file name it suggested."""

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save_file)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self._folder)
        # Through a lambda: the box must arrive as the argument, not be bound as self.
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._press(box))  # noqa: PLW0108
        monkeypatch.setattr(QMessageBox, "warning", self._warning)

    def open_url(self, url: QUrl) -> bool:
        self.opened.append(url)
        return self.can_open_folders

    def texts(self, kind: str) -> list[str]:
        return [
            f"{box.text()}\n{box.informativeText()}"
            for box in self.shown
            if type(box).__name__ == kind
        ]

    def _save_file(self, _parent, _caption, start: str, _filter, *_rest) -> tuple[str, str]:  # type: ignore[no-untyped-def]
        self.file_dialog_start = Path(start)
        return (str(self.file) if self.file else "", "")

    def _folder(self, _parent, _caption, _start) -> str:  # type: ignore[no-untyped-def]
        return str(self.folder) if self.folder else ""

    def _press(self, box: QMessageBox) -> int:
        self.shown.append(box)
        if box.checkBox() is not None:
            box.checkBox().setChecked(self.check_the_box)
        wanted = self.buttons.get(type(box).__name__)
        for button in box.buttons():
            if wanted is not None and button.text() == wanted:
                button.click()
                return 0
        default = box.defaultButton() or box.escapeButton()
        if default is not None:
            default.click()
        return 0

    def _warning(self, _parent, title: str, text: str, *_rest) -> QMessageBox.StandardButton:  # type: ignore[no-untyped-def]
        box = QMessageBox()
        box.setWindowTitle(title)
        box.setText(text)
        self.shown.append(box)
        return QMessageBox.StandardButton.Ok


@dataclass
class HistoryRig:
    paths: AppPaths
    storage: StorageGateway
    settings: SettingsService
    page: SessionHistoryPage
    controller: HistoryController
    runner: ExportRunner
    tasks: BackgroundTasks

    def close(self) -> None:
        self.storage.close()
        self.tasks.wait()


def seed(paths: AppPaths, titles: tuple[str, ...], rehearsal: str | None = None) -> list[str]:
    database = open_database(paths)
    repo = Repository.of(database)
    uuids = []
    for title in titles:
        record = repo.sessions.create(
            title=title,
            plan_json="{}",
            modules=(),
            place="Kalmar",
            rehearsal=title == rehearsal,
        )
        repo.sessions.set_status(record.uuid, SessionLifecycle.FINISHED)
        repo.reflections.save(
            ReflectionDraft(
                f"r-{title}", record.uuid, "m/a", ReflectionKind.QUOTE, f"Citat från {title}"
            )
        )
        repo.tallies.save_attendance(record.uuid, AttendanceCounts(women=4, men=3))
        uuids.append(record.uuid)
    database.close()
    return uuids


def history_rig(qtbot, answers: Answers) -> HistoryRig:  # type: ignore[no-untyped-def]
    paths = resolve_paths()
    paths.ensure()
    tasks = BackgroundTasks()
    storage = StorageGateway(SerialWriter(), paths)
    opened: list[None] = []
    storage.opened.connect(opened.append)
    storage.open()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    page = SessionHistoryPage()
    qtbot.addWidget(page)
    settings = SettingsService(SettingsStore(paths.settings_file), Settings())
    runner = ExportRunner(tasks, page, answers.open_url)
    exporter = SessionExporter(
        storage, runner, ExportDestination(page, settings), lambda: lambda m, v: None, settings
    )
    controller = HistoryController(page, storage, exporter)
    return HistoryRig(paths, storage, settings, page, controller, runner, tasks)
