"""Work off the GUI thread: results and errors come back as queued signals on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from facilitator.core.logsetup import without_content

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)  # whatever the work returned
    failed = Signal(Exception)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported to the caller, who decides what the user sees
            log.error("Background work failed: %s", without_content(error))
            self._report("failed", error)
            return
        self._report("done", result)

    def _report(self, signal: str, value: object) -> None:
        try:
            getattr(self._relay, signal).emit(value)
        except RuntimeError:
            # The owner, and with it the relay, was destroyed while the work ran (a window
            # closed, the app shutting down): the result is dropped, as BackgroundTasks.run
            # promises.
            log.debug("Background work finished after its owner was gone")


class BackgroundTasks(QObject):
    """A pool for independent work (loading, validating, exporting)."""

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """``owner``: when it is destroyed before the work ends, the result is dropped instead
        of reaching widgets that are gone."""
        # The relay lives on the GUI thread, so its signals are delivered there.
        relay = _Relay(owner or self)
        self._relays.add(relay)
        relay.destroyed.connect(lambda: self._relays.discard(relay))

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            on_done(result)

        def fail(error: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if on_error is not None:
                on_error(error)

        relay.done.connect(finish)
        relay.failed.connect(fail)
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """For shutdown and tests: block until queued work is finished."""
        return self._pool.waitForDone(msecs)
