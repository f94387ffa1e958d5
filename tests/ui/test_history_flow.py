"""History through the real session store: list, open, delete for real."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.core.paths import resolve_paths
from facilitator.core.storage.records import (
    HistoryQuery,
    ReflectionDraft,
    ReflectionKind,
    SessionLifecycle,
)
from facilitator.ui.export_runner import ExportRunner
from facilitator.ui.library import history_controller
from facilitator.ui.library.history_controller import HistoryController
from facilitator.ui.library.history_page import SessionHistoryPage
from facilitator.ui.session_store import SessionStore
from facilitator.ui.tasks import BackgroundTasks


def test_history_lists_opens_and_deletes(qtbot, facilitator_home: Path, monkeypatch) -> None:
    paths = resolve_paths()
    paths.ensure()
    tasks = BackgroundTasks()
    store = SessionStore(paths, tasks)
    with qtbot.waitSignal(store.opened, timeout=20_000):
        store.open()
    repo = store.repository()
    for title in ("Tisdagsgruppen", "Onsdagsgruppen"):
        record = repo.sessions.create(title=title, plan_json="{}", modules=(), place="Kalmar")
        repo.sessions.set_status(record.uuid, SessionLifecycle.FINISHED)
        repo.reflections.save(
            ReflectionDraft(
                f"r-{title}", record.uuid, "m/a", ReflectionKind.QUOTE, f"Citat från {title}"
            )
        )
    page = SessionHistoryPage()
    qtbot.addWidget(page)
    controller = HistoryController(
        page, store, ExportRunner(tasks, page), paths.export_dir, lambda: lambda m, v: None
    )
    page.show()
    controller.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    victim = repo.history.page(HistoryQuery(text="Tisdag")).items[0].uuid
    monkeypatch.setattr(history_controller, "confirm", lambda *a, **k: True)
    assert controller.delete(victim)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    store.close()
    tasks.wait()
    with sqlite3.connect(paths.database_file) as connection:
        left = {uuid for (uuid,) in connection.execute("SELECT uuid FROM sessions")}
        texts = [text for (text,) in connection.execute("SELECT text FROM reflections")]
    assert victim not in left and len(left) == 1
    assert texts == ["Citat från Onsdagsgruppen"]
