"""After rows are deleted: making sure their text is gone from the disk, and saying so only
when it is.

With ``secure_delete=ON`` SQLite zeroes a deleted row where it lay, but in WAL mode the zeroed
page is first written to the ``-wal``; the main file keeps the old page, text and all, until a
checkpoint copies the new one over it. A checkpoint cannot do that while another connection (a
second window, a backup tool, a viewer) still reads the older snapshot, and until the ``-wal``
is reset it also holds earlier page images with the text. So a scrub counts as complete only
when all of these hold:

1. a TRUNCATE checkpoint returned busy=0 and the ``-wal`` is empty (or gone);
2. none of the deleted texts is found in the bytes of the database file or its ``-wal``
   (a text the live rows still hold elsewhere, or one shorter than ``MIN_NEEDLE_BYTES``, which
   could match by chance, is not searched for);
3. every backup copy is overwritten and removed.

When it is not complete, a marker file next to the database records that an erasure is
pending (it holds no text), and ``finish_pending`` tries again: later in the same run, and at
the next start. The deleted texts are kept only in memory for the later byte check; a new run
cannot know them, so there the checkpoint and the backups decide (SQLite guarantees the zeroed
pages are in the main file once the whole ``-wal`` has been checkpointed).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import exc as sa_exc

from facilitator.core.storage.backups import backup_files, purge_backups, sync_folder
from facilitator.core.storage.errors import StorageError
from facilitator.core.storage.transactions import Transactions, driver_of

log = logging.getLogger(__name__)

MIN_NEEDLE_BYTES = 8
# Short: a reader that holds the checkpoint back is not waited out here (the writes behind
# this one would wait with it); the scrub is tried again later instead.
CHECKPOINT_WAIT_MS = 250
MARKER_SUFFIX = ".erasure-pending"


def marker_for(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + MARKER_SUFFIX)


class Scrubber:
    def __init__(self, transactions: Transactions, database_file: Path, backup_dir: Path) -> None:
        self._tx = transactions
        self._file = database_file
        self._wal = database_file.with_name(database_file.name + "-wal")
        self._marker = marker_for(database_file)
        self._backup_dir = backup_dir
        self._needles: set[bytes] = set()

    @property
    def pending(self) -> bool:
        """An erasure was held back (in this run or an earlier one) and is not finished."""
        return bool(self._needles) or self._marker.exists()

    def scrub(self, deleted_texts: Iterable[str]) -> bool:
        """Rows holding ``deleted_texts`` were just deleted: clear their traces from the disk.
        True when they are gone from the database file, its -wal and every backup."""
        for text in deleted_texts:
            needle = text.encode("utf-8", "surrogatepass")
            if len(needle) >= MIN_NEEDLE_BYTES:
                self._needles.add(needle)
        return self._attempt()

    def finish_pending(self) -> bool:
        """Try again to finish an erasure that was held back; True when nothing is pending."""
        if not self.pending:
            return True
        return self._attempt()

    def _attempt(self) -> bool:
        complete = self._checkpointed() and self._backups_gone() and not self._left_on_disk()
        if complete:
            self._needles.clear()
            self._unmark()
        else:
            self._mark()
        return complete

    def _checkpointed(self) -> bool:
        try:
            with self._tx.engine.connect() as connection:
                driver = driver_of(connection)
                waited = _one(driver, "PRAGMA busy_timeout")
                driver.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}").close()
                try:
                    # Outside any transaction, which a checkpoint requires.
                    busy = _one(driver, "PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    driver.execute(f"PRAGMA busy_timeout={int(waited)}").close()
        except (sa_exc.DBAPIError, sqlite3.Error, StorageError) as error:
            log.warning("checkpoint after a deletion failed (%s)", type(error).__name__)
            return False
        if busy != 0:
            log.warning("checkpoint after a deletion was held back by another connection")
            return False
        try:
            return self._wal.stat().st_size == 0
        except FileNotFoundError:
            return True

    def _backups_gone(self) -> bool:
        try:
            removed = purge_backups(self._backup_dir)
        except OSError as error:
            log.warning(
                "a backup copy could not be removed after a deletion (%s)", type(error).__name__
            )
            return False
        if removed:
            log.info("removed %d backup file(s) after a deletion", removed)
        return not backup_files(self._backup_dir)

    def _left_on_disk(self) -> bool:
        if not self._needles:
            return False
        on_disk = _bytes_of(self._file) + b"\0" + _bytes_of(self._wal)
        found = {needle for needle in self._needles if needle in on_disk}
        if not found:
            return False
        try:
            still_live = self._held_by_live_rows(found)
        except StorageError as error:
            log.warning("could not compare with the rows still stored (%s)", type(error).__name__)
            return True
        self._needles -= still_live
        left = found - still_live
        if left:
            log.warning("%d deleted text(s) still found in the database file", len(left))
        return bool(left)

    def _held_by_live_rows(self, needles: set[bytes]) -> set[bytes]:
        """Those of ``needles`` that a row still in the database holds (another reflection
        with the same words, a step title): found in the file for a good reason."""
        held: set[bytes] = set()
        with self._tx.read() as connection:
            driver = driver_of(connection)
            tables = [
                row[0]
                for row in driver.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            ]
            for table in ["sqlite_master", *tables]:
                cursor = driver.execute(f'SELECT * FROM "{table.replace(chr(34), chr(34) * 2)}"')
                try:
                    for row in cursor:
                        for value in row:
                            if isinstance(value, str):
                                encoded = value.encode("utf-8", "surrogatepass")
                                held |= {n for n in needles - held if n in encoded}
                finally:
                    cursor.close()
                if held == needles:
                    break
        return held

    def _mark(self) -> None:
        try:
            fd = os.open(self._marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                # No text of what was deleted: only that an erasure waits to be finished.
                os.write(fd, b"An erasure is not finished; Facilitator finishes it at start.\n")
                os.fsync(fd)
            finally:
                os.close(fd)
            sync_folder(self._marker.parent)
        except OSError as error:
            log.warning("could not record a pending erasure (%s)", type(error).__name__)

    def _unmark(self) -> None:
        try:
            if self._marker.exists():
                self._marker.unlink()
                sync_folder(self._marker.parent)
        except OSError as error:
            log.warning("could not remove the pending-erasure marker (%s)", type(error).__name__)


def _one(driver: sqlite3.Connection, statement: str) -> int:
    cursor = driver.execute(statement)
    try:
        row = cursor.fetchone()
    finally:
        cursor.close()
    return int(row[0]) if row is not None else 1


def _bytes_of(file: Path) -> bytes:
    try:
        return file.read_bytes()
    except FileNotFoundError:
        return b""
