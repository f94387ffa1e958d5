"""The line to the database every operation goes through: the one serial executor, the open
(retried while the database is locked, read-only or on a full disk), the recovery journal, and
the rule that reads never wait behind a database that is not taking writes.

Every write of a running session is first forced into the recovery journal
(``RecoveryJournal``), then queued; the journal lets go of it once it is committed. So what the
leader typed survives a database that is locked, full or missing, and any way the process ends.

The database opens on the executor too, first in line, and replays earlier runs' journals
before anything else. When it is locked, read-only or on a full disk, the executor retries the
open with growing pauses and the writes wait behind it, landing in order once it opens. When it
cannot be opened at all (damaged, too new), writes stay in the journal for a later start.
Reads fail at once instead, with ``StorageUnavailable``, whose message says why.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.executor import Failed, SerialExecutor
from facilitator.core.application.journal_ops import JournalEntry
from facilitator.core.application.open_problems import OpenRefused, open_problem
from facilitator.core.application.recovery_journal import RecoveryJournal
from facilitator.core.i18n import _
from facilitator.core.paths import AppPaths
from facilitator.core.storage.errors import DatabaseOpenError, StorageError

if TYPE_CHECKING:
    from facilitator.core.storage.database import Database
    from facilitator.core.storage.repository import Repository

log = logging.getLogger(__name__)

T = TypeVar("T")


class StorageUnavailable(Exception):
    """The database never opened; ``message`` is the Swedish reason shown to the leader."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StorageLine:
    def __init__(
        self,
        executor: SerialExecutor,
        paths: AppPaths,
        open_with: Callable[[AppPaths], Database] | None = None,
        journal: RecoveryJournal | None = None,
    ) -> None:
        self._executor = executor
        self._paths = paths
        self._open_with = open_with
        self._journal = journal
        self._database: Database | None = None
        self._repository: Repository | None = None
        self._problem: str | None = None
        self._waiting: str | None = None
        self._failing = False
        self.closed = False
        """Shut down: nothing more will be written by this run."""
        self.opened: Broadcast[None] = Broadcast()
        self.failed: Broadcast[str] = Broadcast()
        self.refused_at_open: Broadcast[str] = Broadcast()
        """The database is there but refused to open (locked, read-only, full); retrying."""
        executor.trouble.connect(self._trouble)
        executor.recovered.connect(self._recovered)

    # --- life ------------------------------------------------------------------------------

    @property
    def trouble(self) -> Broadcast[str]:
        """A write is waiting for the disk (full, read-only, locked); it will be retried."""
        return self._executor.trouble

    @property
    def recovered(self) -> Broadcast[None]:
        return self._executor.recovered

    @property
    def is_open(self) -> bool:
        return self._repository is not None

    @property
    def problem(self) -> str | None:
        """Why the database is not available, once opening it failed."""
        return self._problem

    @property
    def refusal(self) -> str | None:
        """Why the database takes no writes now: it cannot open, or refuses to (retrying)."""
        return self._problem or self._waiting

    @property
    def pending(self) -> int:
        return self._executor.pending

    @property
    def opening(self) -> bool:
        """Not open yet, and nothing has refused: the open is on its way (it starts once the
        library is usable), and whatever is queued behind it will land."""
        return not self.is_open and self.refusal is None and not self._failing and not self.closed

    @property
    def taking_writes(self) -> bool:
        """Open, and the last write went through."""
        return self.is_open and not self._failing

    @property
    def journal(self) -> RecoveryJournal | None:
        return self._journal

    @property
    def database_file(self) -> Path:
        return self._paths.database_file

    def open(self) -> None:
        self._executor.submit(self._open, self._opened)

    def _open(self) -> tuple[Database, Repository] | str:
        """On the executor. A database that is locked, read-only or on a full disk raises
        ``OpenRefused`` (the executor retries it, the writes waiting behind); one that can
        never open here returns its message (nothing to retry).

        SQLAlchemy is first imported here, off the GUI thread and after the library is usable
        (decision 0004): nothing the window needs before then imports it."""
        from facilitator.core.storage.database import open_database
        from facilitator.core.storage.repository import Repository

        try:
            database = (self._open_with or open_database)(self._paths)
        except StorageError as error:
            raise OpenRefused(open_problem(error, self._paths)) from error
        except DatabaseOpenError as error:
            return open_problem(error, self._paths)
        except Exception as error:
            log.error("The database could not be opened: %s", type(error).__name__)
            return open_problem(DatabaseOpenError(self._paths.database_file), self._paths)
        if self._journal is not None:
            try:
                self._journal.replay(database)
            except StorageError as error:
                database.close()
                raise OpenRefused(open_problem(error, self._paths)) from error
        return database, Repository.of(database)

    def _opened(self, result: tuple[Database, Repository] | str) -> None:
        self._waiting = None
        if isinstance(result, str):
            self._problem = result
            self.failed.emit(result)
            return
        self._database, self._repository = result
        if self._database.backup_file is not None:
            log.info("Database migrated; backup at %s", self._database.backup_file)
        self.opened.emit(None)

    def close(self) -> int:
        """At shutdown: every queued write reaches the disk (or is counted as lost)."""
        self.closed = True
        lost = self._executor.flush()
        if self._database is not None:
            self._database.close()
            self._database = None
            self._repository = None
        return lost

    def _trouble(self, message: str) -> None:
        self._failing = True
        if not self.is_open and self._waiting is None:
            self._waiting = message
            self.refused_at_open.emit(message)

    def _recovered(self, _none: None) -> None:
        self._failing = False

    def _run(
        self,
        work: Callable[[Repository], T],
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        if self._problem is not None:
            if failed is not None:
                failed(StorageUnavailable(self._problem))
            return
        self._executor.submit(lambda: work(self._repo()), done, failed)

    def _read(
        self,
        work: Callable[[Repository], T],
        done: Callable[[T], None],
        failed: Failed | None = None,
    ) -> None:
        """A read fails at once while the database takes no writes: queued behind a write
        that keeps failing, it would wait for as long as the lock or the full disk lasts."""
        reason = self._problem or self._waiting
        if reason is None and self._failing:
            reason = _("Databasen tar inte emot något just nu. Försök igen om en stund.")
        if reason is not None:
            if failed is not None:
                failed(StorageUnavailable(reason))
            return
        self._run(work, done, failed)

    def _write(
        self,
        entry: Callable[[], JournalEntry],
        work: Callable[[Repository], T],
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
    ) -> None:
        """Journalled first (forced to the disk), then queued; settled once committed. A write
        that fails here stays in the journal for the next start."""
        journal = self._journal
        number = journal.append(entry()) if journal is not None else None

        def committed(result: T) -> None:
            if journal is not None:
                journal.settle(number)
            if done is not None:
                done(result)

        def not_committed(error: Exception) -> None:
            # Still in the journal: the next start brings it in.
            if failed is not None:
                failed(error)

        self._run(work, committed, not_committed)

    def _repo(self) -> Repository:
        if self._repository is None:
            raise StorageUnavailable(self.refusal or "the database is not open")
        return self._repository
