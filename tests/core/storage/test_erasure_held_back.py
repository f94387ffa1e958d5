"""A deletion that another connection holds back: the rows go at once, but "complete" only once
the text is gone from the database file, its -wal and every backup; until then it is pending
(recorded on disk, with no text in the record) and finished at the next opportunity."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from facilitator.core.clock import FakeClock
from facilitator.core.storage.backups import make_backup
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.repository import Repository
from facilitator.core.storage.scrub import marker_for
from tests.core.storage.helpers import draft, new_session, raw_bytes

MARKER = "Kastanjeträdet-Vindeln-5521"


@contextmanager
def reader_holding_a_snapshot(db_file: Path) -> Iterator[None]:
    """A second window or a viewer: a read transaction open on the file."""
    reader = sqlite3.connect(db_file, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM reflections").fetchone()
        yield
        reader.execute("ROLLBACK")
    finally:
        reader.close()


def every_byte(db_file: Path, backup_dir: Path) -> bytes:
    folder = sorted(backup_dir.iterdir()) if backup_dir.is_dir() else []
    return raw_bytes(db_file) + b"".join(p.read_bytes() for p in folder if p.is_file())


def _saved_to_the_main_file_with_a_backup(
    repo: Repository, database: Database, backup_dir: Path, clock: FakeClock
) -> tuple[str, str]:
    """The session's uuid and the doomed reflection's."""
    session = new_session(repo)
    repo.reflections.save(draft(session, "Det här får stå kvar"))
    gone = repo.reflections.save(draft(session, f"Hon sa: {MARKER}"))
    database.engine.dispose()  # the last connection closes: the -wal goes into the main file
    make_backup(database.file, backup_dir, clock.now())
    assert MARKER.encode() in database.file.read_bytes()
    return session.uuid, gone.uuid


def test_a_reader_holds_the_erasure_back_until_it_lets_go(
    repo: Repository, database: Database, db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    session, gone = _saved_to_the_main_file_with_a_backup(repo, database, backup_dir, clock)
    with reader_holding_a_snapshot(db_file):
        outcome = repo.erasure.erase_reflection(gone)
        assert outcome.found and not outcome.complete
        assert repo.erasure.pending
        assert MARKER.encode() in db_file.read_bytes()  # what the UI must not call deleted
        assert repo.erasure.finish_pending() is False  # still held
    marker = marker_for(db_file)
    assert marker.exists() and MARKER.encode() not in marker.read_bytes()
    assert [r.text for r in repo.reflections.for_session(session)] == ["Det här får stå kvar"]

    assert repo.erasure.finish_pending() is True
    assert not repo.erasure.pending and not marker.exists()
    assert MARKER.encode() not in every_byte(db_file, backup_dir)


def test_a_pending_erasure_is_finished_at_the_next_start(
    repo: Repository, database: Database, db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    _session, gone = _saved_to_the_main_file_with_a_backup(repo, database, backup_dir, clock)
    with reader_holding_a_snapshot(db_file):
        assert repo.erasure.erase_reflection(gone).complete is False
        database.close()  # the app quits while the reader still reads
    with open_database(db_file, backup_dir, clock.now) as again:
        erasure = Repository.of(again).erasure
        assert erasure.pending
        assert erasure.finish_pending() is True
        assert not marker_for(db_file).exists()
        assert MARKER.encode() not in every_byte(db_file, backup_dir)


def test_an_unhindered_erasure_is_complete_at_once(
    repo: Repository, database: Database, db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    session, gone = _saved_to_the_main_file_with_a_backup(repo, database, backup_dir, clock)
    outcome = repo.erasure.erase_reflection(gone)
    assert outcome.found and outcome.complete
    assert not marker_for(db_file).exists()
    assert MARKER.encode() not in every_byte(db_file, backup_dir)
    assert repo.erasure.erase_reflection(gone).found is False
    assert repo.erasure.erase_session(session).complete is True


def test_a_deleted_text_that_another_row_still_holds_does_not_keep_it_pending(
    repo: Repository, db_file: Path
) -> None:
    session = new_session(repo)
    repo.reflections.save(draft(session, f"Två sa samma sak: {MARKER}"))
    twin = repo.reflections.save(draft(session, MARKER))
    assert repo.erasure.erase_reflection(twin.uuid).complete is True
    assert not repo.erasure.pending
    assert MARKER.encode() in raw_bytes(db_file)  # in the reflection that stays


def test_erasing_a_session_held_back_names_nothing_and_finishes_later(
    repo: Repository, db_file: Path, backup_dir: Path
) -> None:
    session = new_session(repo, f"Träff {MARKER}", place="Vindeln", leader_name="Sanna")
    repo.reflections.save(draft(session, "Ett citat som ska bort helt"))
    repo.private_notes.save(session.uuid, "", "Min egen anteckning om gruppen")
    with reader_holding_a_snapshot(db_file):
        outcome = repo.erasure.erase_session(session.uuid)
    assert outcome.found and not outcome.complete
    assert repo.erasure.finish_pending() is True
    left = every_byte(db_file, backup_dir)
    for text in (MARKER, "Ett citat som ska bort helt", "Min egen anteckning om gruppen"):
        assert text.encode() not in left
