"""Deleting a reflection while a second window reads the database: the console does not call
it gone from the disk until it is. The ledger says "held back", finishes the erasure at the next
quiet moment once the reader lets go, and a pending erasure left at quit is finished at the next
start; the text is then in neither the database, its -wal nor a backup."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from facilitator.core.application.housekeeping import apply_retention
from facilitator.core.application.session_service import SessionService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.storage.backups import make_backup
from facilitator.core.storage.records import ReflectionKind
from facilitator.core.storage.scrub import marker_for
from facilitator.ui.console.notice_board import NoticeBoard
from facilitator.ui.console.reflection_controller import ReflectionController
from facilitator.ui.widgets.reflection_panel import ReflectionPanel
from tests.core.application.rig import example_plan, open_storage, sessions

MARKER = "Lingonriset-Arjeplog-7730"


def _on_disk(storage: StorageGateway) -> bytes:
    database = storage.database_file
    files = [database, database.with_name(database.name + "-wal")]
    backups = database.parent / "backups"
    if backups.is_dir():
        files += sorted(backups.iterdir())
    return b"".join(f.read_bytes() for f in files if f.is_file())


def _reader(database: Path) -> sqlite3.Connection:
    reader = sqlite3.connect(database, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM reflections").fetchone()
    return reader


def _typed_and_backed_up(storage: StorageGateway) -> tuple[SessionService, str]:
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    uuid = service.reflections.submit(ReflectionKind.NOTE, f"Någon sa {MARKER}")
    assert uuid is not None
    # A backup taken before a migration holds the text too.
    make_backup(storage.database_file, storage.database_file.parent / "backups", datetime.now(UTC))
    assert MARKER.encode() in _on_disk(storage)
    return service, uuid


def test_the_ledger_says_held_back_until_the_text_is_gone() -> None:
    storage = open_storage()
    service, uuid = _typed_and_backed_up(storage)
    ledger = service.reflections
    said: list[bool] = []
    ledger.erasure.connect(said.append)
    reader = _reader(storage.database_file)
    ledger.delete(uuid)
    assert said == [False]
    ledger.finish_erasure()  # a quiet moment while the reader still reads
    assert said == [False]
    reader.execute("ROLLBACK")
    reader.close()
    ledger.finish_erasure()
    assert said == [False, True]
    assert MARKER.encode() not in _on_disk(storage)
    assert not marker_for(storage.database_file).exists()
    storage.close()


def test_an_erasure_pending_at_quit_is_finished_at_the_next_start() -> None:
    storage = open_storage()
    service, uuid = _typed_and_backed_up(storage)
    reader = _reader(storage.database_file)
    service.reflections.delete(uuid)
    storage.close()  # the app quits while the other window still reads
    assert marker_for(storage.database_file).exists()
    reader.execute("ROLLBACK")
    reader.close()

    again = open_storage()
    apply_retention(again, None)  # what runs once the database has opened at start-up
    assert not marker_for(again.database_file).exists()
    assert MARKER.encode() not in _on_disk(again)
    again.close()


def test_the_console_says_plainly_that_the_text_is_not_yet_off_the_disk(qtbot: Any) -> None:
    storage = open_storage()
    service, uuid = _typed_and_backed_up(storage)
    panel, notices = ReflectionPanel(), NoticeBoard()
    qtbot.addWidget(panel)
    qtbot.addWidget(notices)
    ReflectionController(panel, service.reflections, notices)
    reader = _reader(storage.database_file)
    service.reflections.delete(uuid)
    assert notices.current is not None
    assert "ännu inte helt raderad från disken" in notices.current.text
    reader.execute("ROLLBACK")
    reader.close()
    service.reflections.finish_erasure()
    assert notices.current is None
    storage.close()
