"""What the group and the leader wrote never reaches the log file, on the happy path or any
failure path around it, and what is stored is the cleaned text.

Before: a reflection with a lone surrogate (pasted from a broken document) made SQLite refuse
the whole write with a ``UnicodeEncodeError`` whose repr carries the full text; the write was
dropped while the console showed it as pending. Here a session runs through the application
layer on the real serial writer, with a real log file, hostile text everywhere the leader can
type, the database locked by another program during a save, a deletion held back by a reader,
and an unexpected error in a background job and in the excepthook; then the log file is read
back byte for byte.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from facilitator.core.application.sessions import Sessions
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.logsetup import configure_logging
from facilitator.core.paths import resolve_paths
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import ReflectionKind
from facilitator.ui.errors import ExceptionHook
from facilitator.ui.serial_writer import SerialWriter
from facilitator.ui.tasks import BackgroundTasks
from tests.core.application.rig import example_plan, fake_clock

# Distinctive words, each typed once, so finding one in the log can only mean a leak.
TYPED = {
    "surrogate": "Blåbärsris\ud800Tystnadslöfte",
    "nul": "Granskog\x00Vattenfall",
    "controls": "Kvällsdopp\x07\x1b[31m\x85Rönnbärssylt",
    "edit": "Ändrad\udfffMyrstacksmöte",
    "note": "Privat\x00Hjortronmyren",
    "place": "Fjällstuga\x0bSorsele",
    "leader": "Ledaren\ud83dÖstersund",
    "deleted": "Raderas\x1fStensötamål",
    "locked": "Låst\x00Kantarellskogen",
}
WORDS = [
    "Blåbärsris",
    "Tystnadslöfte",
    "Granskog",
    "Vattenfall",
    "Kvällsdopp",
    "Rönnbärssylt",
    "Myrstacksmöte",
    "Hjortronmyren",
    "Fjällstuga",
    "Sorsele",
    "Östersund",
    "Stensötamål",
    "Kantarellskogen",
]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    file = tmp_path / "logs" / "facilitator.log"
    configure_logging(file, logging.DEBUG)
    yield file
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
            handler.close()


def test_typed_text_is_stored_clean_and_never_reaches_the_log(
    log_file: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = resolve_paths()
    paths.ensure()
    # A short busy timeout: the locked database fails the save at once and is retried.
    storage = StorageGateway(
        SerialWriter(), paths, open_with=lambda p: open_database(p, busy_timeout_ms=50)
    )
    storage.open()
    qtbot.waitUntil(lambda: storage.is_open, timeout=10_000)
    plan, modules = example_plan()
    service = Sessions(storage, fake_clock()).begin(
        plan, modules, place=TYPED["place"], leader=TYPED["leader"]
    )
    ledger = service.reflections
    first = ledger.submit(ReflectionKind.QUOTE, TYPED["surrogate"])
    ledger.submit(ReflectionKind.NOTE, TYPED["nul"])
    ledger.submit(ReflectionKind.NOTE, TYPED["controls"])
    doomed = ledger.submit(ReflectionKind.NOTE, TYPED["deleted"])
    assert first is not None and doomed is not None
    ledger.edit(first, TYPED["edit"], ReflectionKind.QUOTE)
    service.notes.write(service.engine.current_key or "", TYPED["note"])
    service.notes.flush()
    qtbot.waitUntil(lambda: storage.pending == 0, timeout=10_000)

    database = paths.database_file
    troubles: list[str] = []
    storage.trouble.connect(troubles.append)
    locker = sqlite3.connect(database, timeout=0.05)
    locker.execute("BEGIN EXCLUSIVE")  # another program holds the file during a save
    try:
        locked = ledger.submit(ReflectionKind.NOTE, TYPED["locked"])
        qtbot.waitUntil(lambda: bool(troubles), timeout=10_000)
    finally:
        locker.rollback()
        locker.close()
    qtbot.waitUntil(lambda: storage.pending == 0, timeout=10_000)

    reader = sqlite3.connect(database, isolation_level=None)
    reader.execute("BEGIN")  # a second window reads while a reflection is deleted
    reader.execute("SELECT count(*) FROM reflections").fetchone()
    ledger.delete(doomed)
    qtbot.waitUntil(lambda: storage.pending == 0, timeout=10_000)
    reader.execute("ROLLBACK")
    reader.close()

    def render() -> None:
        raise ValueError(f"cannot draw {TYPED['nul']!r}")

    tasks = BackgroundTasks()
    failures: list[Exception] = []
    tasks.run(render, lambda _result: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    monkeypatch.setattr("facilitator.ui.errors.QMessageBox.exec", lambda _box: 0)
    try:
        TYPED["surrogate"].encode("utf-8")
    except UnicodeEncodeError as error:
        assert "Tystnadslöfte" in repr(error)  # what used to be logged
        ExceptionHook(log_file)(type(error), error, error.__traceback__)

    service.end()
    qtbot.waitUntil(lambda: storage.pending == 0, timeout=10_000)
    assert locked is not None
    storage.close()

    logged = log_file.read_bytes()
    assert b"Unexpected error: UnicodeEncodeError" in logged  # the log was written to
    leaked = [word for word in WORDS if word.encode() in logged]
    assert leaked == [], logged.decode("utf-8", "replace")

    with closing(sqlite3.connect(database)) as connection:
        texts = sorted(row[0] for row in connection.execute("SELECT text FROM reflections"))
        place, leader = connection.execute("SELECT place, leader_name FROM sessions").fetchone()
        notes = [row[0] for row in connection.execute("SELECT text FROM private_notes")]
    assert texts == sorted(
        [
            "ÄndradMyrstacksmöte",
            "GranskogVattenfall",
            "Kvällsdopp[31mRönnbärssylt",
            "LåstKantarellskogen",
        ]
    )
    assert (place, leader, notes) == (
        "FjällstugaSorsele",
        "LedarenÖstersund",
        ["PrivatHjortronmyren"],
    )
