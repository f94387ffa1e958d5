"""History through the real storage gateway on its serial writer: list, open, delete for real."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.paths import resolve_paths
from facilitator.core.settings import Settings, SettingsStore
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import (
    HistoryQuery,
    ReflectionDraft,
    ReflectionKind,
    SessionLifecycle,
)
from facilitator.core.storage.repository import Repository
from facilitator.ui.export_runner import ExportRunner
from facilitator.ui.library import history_controller
from facilitator.ui.library.history_controller import HistoryController
from facilitator.ui.library.history_page import SessionHistoryPage
from facilitator.ui.serial_writer import SerialWriter
from facilitator.ui.tasks import BackgroundTasks


def test_history_lists_opens_and_deletes(qtbot, facilitator_home: Path, monkeypatch) -> None:
    paths = resolve_paths()
    paths.ensure()
    tasks = BackgroundTasks()
    seed = open_database(paths)
    repo = Repository.of(seed)
    for title in ("Tisdagsgruppen", "Onsdagsgruppen"):
        record = repo.sessions.create(title=title, plan_json="{}", modules=(), place="Kalmar")
        repo.sessions.set_status(record.uuid, SessionLifecycle.FINISHED)
        repo.reflections.save(
            ReflectionDraft(
                f"r-{title}", record.uuid, "m/a", ReflectionKind.QUOTE, f"Citat från {title}"
            )
        )
    victim = repo.history.page(HistoryQuery(text="Tisdag")).items[0].uuid
    seed.close()
    storage = StorageGateway(SerialWriter(), paths)
    opened: list[None] = []
    storage.opened.connect(opened.append)
    storage.open()
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    page = SessionHistoryPage()
    qtbot.addWidget(page)
    settings = SettingsService(SettingsStore(paths.settings_file), Settings())
    controller = HistoryController(
        page,
        storage,
        ExportRunner(tasks, page),
        paths.export_dir,
        lambda: lambda m, v: None,
        settings,
    )
    page.show()
    controller.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    monkeypatch.setattr(history_controller, "confirm", lambda *a, **k: True)
    assert controller.delete(victim)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    storage.close()
    tasks.wait()
    with sqlite3.connect(paths.database_file) as connection:
        left = {uuid for (uuid,) in connection.execute("SELECT uuid FROM sessions")}
        texts = [text for (text,) in connection.execute("SELECT text FROM reflections")]
    assert victim not in left and len(left) == 1
    assert texts == ["Citat från Onsdagsgruppen"]
