"""One place says "saved": a reflection is saving until its row is committed, and when the
database is not there it stays, unsaved, in memory to be copied elsewhere."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.core.application.executor import InlineExecutor
from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.storage_gateway import StorageGateway, StorageUnavailable
from facilitator.core.paths import resolve_paths
from facilitator.core.storage.records import ReflectionKind
from tests.core.application.rig import example_plan, fake_clock, open_storage, sessions


def rows(database: Path) -> list[str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return [row[0] for row in connection.execute("SELECT text FROM reflections")]


def test_saved_means_on_disk() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    uuid = service.reflections.submit(ReflectionKind.QUOTE, "  Vi är olika och lika  ")
    assert uuid is not None
    assert service.reflections.state_of(uuid) == SaveState.SAVED
    assert rows(storage.database_file) == ["Vi är olika och lika"]
    service.reflections.edit(uuid, "Vi är lika och olika", ReflectionKind.NOTE)
    assert rows(storage.database_file) == ["Vi är lika och olika"]
    service.reflections.delete(uuid)
    assert rows(storage.database_file) == []
    assert service.reflections.view().overall is None


def test_a_database_that_never_opened_fails_fast_and_keeps_the_text(tmp_path: Path) -> None:
    def refuse(_paths: object) -> object:
        raise OSError("the disk is gone")

    paths = resolve_paths(portable=False)
    storage = StorageGateway(InlineExecutor(), paths, open_with=refuse)  # type: ignore[arg-type]
    problems: list[str] = []
    storage.failed.connect(problems.append)
    storage.open()
    assert problems and storage.problem == problems[0]
    errors: list[Exception] = []
    storage.history_page(None, lambda _page: None)  # type: ignore[arg-type]
    storage.reflections_for("x", lambda _r: None)
    storage.session_detail("x", lambda _d: None, errors.append)
    assert isinstance(errors[0], StorageUnavailable)
    plan, modules = example_plan()
    service = Sessions(storage, fake_clock()).begin(plan, modules)
    uuid = service.reflections.submit(ReflectionKind.NOTE, "Det här får inte försvinna")
    assert uuid is not None
    assert service.reflections.state_of(uuid) == SaveState.UNSAVED
    assert [r.text for r in service.reflections.unsaved()] == ["Det här får inte försvinna"]
    assert service.reflections.view().overall == SaveState.UNSAVED


def test_trouble_and_recovery_move_only_what_is_on_its_way() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    saved = service.reflections.submit(ReflectionKind.NOTE, "sparad")
    assert saved is not None
    service.reflections.storage_trouble()
    assert service.reflections.state_of(saved) == SaveState.SAVED
