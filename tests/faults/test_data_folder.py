"""A data folder the app cannot write to, a damaged database and one from a newer version: the
leader gets a Swedish message (from `prepare` before the window, and from the storage gateway's
``failed``, which the app shows), no file is changed by a single byte, and writes asked for
meanwhile fail at once with that message instead of waiting in a queue that never moves (the
session keeps the text in memory: tests/core/application/test_reflection_ledger.py).

Running as root, permission bits do not stop a write, so the unwritable folder is made the way
that stops root too: a regular file sits where the data folder's parent should be."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from facilitator.core.application.storage_gateway import StorageGateway, StorageUnavailable
from facilitator.core.paths import AppPaths, resolve_paths
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import ModuleRef
from facilitator.core.storage.repository import Repository
from facilitator.startup import prepare
from facilitator.ui.serial_writer import SerialWriter


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (the database, its -wal, backups) and its sha256."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _open_store(paths: AppPaths, qtbot: Any) -> tuple[StorageGateway, str]:
    store = StorageGateway(SerialWriter(), paths)
    failed: list[str] = []
    store.failed.connect(failed.append)
    store.open()
    qtbot.waitUntil(lambda: bool(failed), timeout=20_000)
    assert not store.is_open
    return store, failed[0]


def _kept_in_memory(store: StorageGateway) -> None:
    """A read or write asked for now fails at once with the reason, never hangs in a queue."""
    errors: list[Exception] = []
    store.session_detail("any", lambda _detail: None, errors.append)
    assert store.pending == 0
    assert len(errors) == 1 and isinstance(errors[0], StorageUnavailable)
    assert errors[0].message == store.problem


def test_a_data_folder_that_cannot_be_written_is_told_before_and_after_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    blocker = tmp_path / "usb-stick"
    blocker.write_bytes(b"not a folder\n")
    monkeypatch.setenv("FACILITATOR_HOME", str(blocker))

    startup = prepare(portable=False, language="sv")
    data_dir = blocker / "data"
    assert startup.problems == [
        f"Datamappen {data_dir} går inte att skriva till (Not a directory). Det du skriver "
        "under sessionen kan inte sparas förrän det är löst."
    ]

    store, message = _open_store(startup.paths, qtbot)
    assert message == (
        "Databasen kunde inte öppnas. Filen har inte ändrats. Kontakta IT-stödet och visa "
        f"den här filen: {startup.paths.database_file}"
    )
    _kept_in_memory(store)
    assert blocker.read_bytes() == b"not a folder\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permission bits")
def test_a_read_only_data_folder_for_an_ordinary_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("FACILITATOR_HOME", str(home))
    paths = resolve_paths()
    paths.ensure()
    paths.data_dir.chmod(0o500)
    try:
        store, message = _open_store(paths, qtbot)
        assert "Kontrollera att mappen inte är skrivskyddad" in message
        _kept_in_memory(store)
    finally:
        paths.data_dir.chmod(0o700)


def _too_new(paths: AppPaths) -> None:
    with open_database(paths) as database:
        Repository.of(database).sessions.create(
            title="Framtidens session",
            plan_json="{}",
            modules=[ModuleRef("m", "9.0", "sha256:x", "M")],
        )
        with database.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))


def _damaged(paths: AppPaths) -> None:
    with open_database(paths) as database:
        repo = Repository.of(database)
        for number in range(40):
            repo.sessions.create(title=f"Träff {number} " + "x" * 1500, plan_json="{}", modules=[])
    damaged = bytearray(paths.database_file.read_bytes())
    damaged[8192:20480] = b"\xa5" * (20480 - 8192)  # past page 1: header and schema survive
    paths.database_file.write_bytes(bytes(damaged))


def _not_a_database(paths: AppPaths) -> None:
    paths.database_file.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_damaged, "Databasfilen är skadad eller är inte en Facilitator-databas"),
        (_not_a_database, "Databasfilen är skadad eller är inte en Facilitator-databas"),
        (_too_new, "Databasen har skapats av en nyare version av Facilitator"),
    ],
    ids=["damaged-pages", "garbled-header", "newer-version"],
)
def test_a_database_the_app_cannot_use_is_refused_untouched(
    make: Any, expected: str, facilitator_home: Path, qtbot: Any
) -> None:
    startup = prepare(portable=False, language="sv")
    assert startup.problems == []
    make(startup.paths)
    before = _fingerprint(startup.paths.data_dir)
    assert "facilitator.sqlite3" in before

    store, message = _open_store(startup.paths, qtbot)
    assert message.startswith(expected)
    assert str(startup.paths.database_file) in message
    assert "har inte ändrats" in message
    # The backups folder is named only where there is a backup to restore.
    assert "säkerhetskopior" not in message
    _kept_in_memory(store)
    # Byte for byte, and no backup made. Reading a WAL-mode file (even read-only) leaves
    # SQLite's empty -wal and its -shm index beside it: bookkeeping that holds no data.
    after = _fingerprint(startup.paths.data_dir)
    assert {name: after[name] for name in before} == before
    extra = set(after) - set(before)
    assert extra <= {"facilitator.sqlite3-wal", "facilitator.sqlite3-shm"}
    wal = startup.paths.database_file.with_name("facilitator.sqlite3-wal")
    assert not wal.exists() or wal.stat().st_size == 0
