"""The one serial executor (``facilitator.core.application.executor.SerialExecutor``): one
worker for every database operation, in the order they were asked for.

The GUI thread never waits for the disk. A write that fails because the disk is full, the
folder read-only or the file locked stays first in the queue (nothing after it overtakes it)
and is retried with growing pauses; the data waits in memory meanwhile and the leader is told.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.storage.errors import StorageError

log = logging.getLogger(__name__)

RETRY_MS = (1000, 2000, 5000, 10000, 30000)


@dataclass
class _Write:
    work: Callable[[], Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None


class _Relay(QObject):
    done = Signal(object)  # whatever the work returned
    failed = Signal(Exception)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # every failure goes back to the GUI thread to decide
            self._relay.failed.emit(error)
            return
        self._relay.done.emit(result)


class SerialWriter(QObject):
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A Swedish message: what happened, and that nothing is lost yet.
        self.trouble: Broadcast[str] = Broadcast()
        self.recovered: Broadcast[None] = Broadcast()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._queue: deque[_Write] = deque()
        self._busy = False
        self._failures = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._start_next)
        self._held = False

    @property
    def pending(self) -> int:
        return len(self._queue)

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self._queue.append(_Write(work, on_done, on_error))
        self._start_next()

    def _start_next(self) -> None:
        if self._busy or self._held or self._retry.isActive():
            return
        if not self._queue:
            self.idle.emit()
            return
        self._busy = True
        self._pool.start(_Job(self._queue[0].work, self._relay))

    def _finished(self, result: Any) -> None:
        write = self._queue.popleft()
        self._busy = False
        if self._failures:
            self._failures = 0
            self.recovered.emit(None)
        if write.on_done is not None:
            write.on_done(result)
        self._start_next()

    def _failed(self, error: Any) -> None:
        self._busy = False
        if not isinstance(error, StorageError):
            # Not something a retry fixes (a bug, a database that never opened): the caller
            # hears of it; the queue goes on.
            write = self._queue.popleft()
            if write.on_error is not None:
                write.on_error(error)
            else:
                # By type only: an error's text can carry what the group wrote.
                log.error("A database operation failed: %s", type(error).__name__)
            self._start_next()
            return
        delay = RETRY_MS[min(self._failures, len(RETRY_MS) - 1)]
        self._failures += 1
        log.warning("Database write failed (%s); retrying in %d ms", type(error).__name__, delay)
        self.trouble.emit(error.message)
        self._retry.start(delay)

    def flush(self) -> int:
        """At shutdown: finish every queued write on this thread. Returns how many were not
        saved (the log has each).

        A disk that refuses writes (locked, full) refuses them at shutdown too, each only after
        SQLite's busy timeout: once one has failed, the rest are not tried, so quitting is not
        held up for seconds per write. What the leader typed is then still unsaved in the
        session's ledger, and in the recovery journal for the next start."""
        self._held = True
        self._retry.stop()
        self._pool.waitForDone()
        # Deliver the result of the write that was in flight (queued to this object).
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)
        failed = 0
        refusing = self._failures > 0
        while self._queue:
            write = self._queue.popleft()
            if refusing:
                failed += 1
                continue
            try:
                result = write.work()
            except StorageError as error:
                log.error("A write could not be saved at shutdown: %s", type(error).__name__)
                failed += 1
                refusing = True
                continue
            except Exception as error:
                log.error("A write failed at shutdown: %s", type(error).__name__)
                failed += 1
                continue
            if write.on_done is not None:
                write.on_done(result)
        return failed
