"""The app's database: opened off the GUI thread at start-up (migrating after a backup),
with one serial writer for every write. Until it is open, writes wait in memory."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from facilitator.core.paths import AppPaths
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.errors import DatabaseOpenError, StorageError
from facilitator.core.storage.repository import Repository
from facilitator.ui.serial_writer import SerialWriter
from facilitator.ui.tasks import BackgroundTasks

log = logging.getLogger(__name__)


class SessionStore(QObject):
    opened = Signal()
    failed = Signal(str)

    def __init__(
        self, paths: AppPaths, tasks: BackgroundTasks, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._paths = paths
        self._tasks = tasks
        self.writer = SerialWriter(self)
        self._database: Database | None = None
        self._repository: Repository | None = None

    @property
    def is_open(self) -> bool:
        return self._repository is not None

    def repository(self) -> Repository:
        """For work queued on the writer or the background pool, which runs only once open."""
        if self._repository is None:
            raise RuntimeError("the database is not open yet")
        return self._repository

    def open(self) -> None:
        self._tasks.run(lambda: open_database(self._paths), self._opened, self._open_failed)

    def _opened(self, database: Database) -> None:
        self._database = database
        self._repository = Repository.of(database)
        if database.backup_file is not None:
            log.info("Database migrated; backup at %s", database.backup_file)
        self.writer.open()
        self.opened.emit()

    def _open_failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseOpenError | StorageError):
            self.failed.emit(error.message)
        else:
            # Never a bare English error text: the leader gets the Swedish one with the file.
            log.error("The database could not be opened: %r", error)
            self.failed.emit(DatabaseOpenError(self._paths.database_file, str(error)).message)

    def read(self, work: Callable[[Repository], Any], done: Callable[[Any], None]) -> None:
        """A read in order with the writes before it."""
        self.writer.submit(lambda: work(self.repository()), done)

    def close(self) -> None:
        if self.is_open:
            self.writer.flush()
        if self._database is not None:
            self._database.close()
            self._database = None
            self._repository = None
