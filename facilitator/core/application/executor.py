"""What the storage gateway needs from the one serial executor: run work in order, off the
caller's thread, and hand each result (or error) back on the caller's thread.

The Qt implementation is ``facilitator.ui.serial_writer.SerialWriter``; Qt-free tests use
``InlineExecutor``, which runs each piece of work at once. A write failing with a ``StorageError`` (disk full, read-only, locked) is
kept first in line and retried by the executor, which announces ``trouble`` and ``recovered``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.storage.errors import StorageError

T = TypeVar("T")

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class SerialExecutor(Protocol):
    trouble: Broadcast[str]
    recovered: Broadcast[None]

    def submit(
        self, work: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None: ...

    @property
    def pending(self) -> int: ...

    def flush(self) -> int:
        """Run what is still queued on this thread (at shutdown); the number that failed."""
        ...


class InlineExecutor:
    """Runs each piece of work at once on the calling thread (Qt-free tests, scripts).
    A storage error is reported, not retried: there is no later to retry in."""

    def __init__(self) -> None:
        self.trouble: Broadcast[str] = Broadcast()
        self.recovered: Broadcast[None] = Broadcast()

    def submit(
        self, work: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        try:
            result = work()
        except StorageError as error:
            self.trouble.emit(error.message)
            if on_error is not None:
                on_error(error)
            return
        except Exception as error:
            if on_error is None:
                raise
            on_error(error)
            return
        if on_done is not None:
            on_done(result)

    @property
    def pending(self) -> int:
        return 0

    def flush(self) -> int:
        return 0
