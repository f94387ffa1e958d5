"""One protocol for long work (export, pack, import, film rendering), without any UI: the
caller passes two plain callables, and the UI wraps its progress bar and its Cancel button in
them. Both are called from the thread doing the work."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

Progress = Callable[[float], None]
"""Called with the share done, 0.0 … 1.0."""

IsCancelled = Callable[[], bool]
"""Asked between pieces of work; True stops it and nothing half-done is left behind."""


class WorkCancelled(Exception):
    """The person asked to stop; each kind of work says what that meant for it."""


@dataclass
class Steps:
    """Maps the steps of one piece of work onto a share of the whole, and checks for cancel."""

    progress: Progress | None = None
    is_cancelled: IsCancelled | None = None
    start: float = 0.0
    end: float = 1.0
    stopped: type[WorkCancelled] = WorkCancelled

    def report(self, share: float) -> None:
        self.check()
        if self.progress is not None:
            clamped = min(1.0, max(0.0, share))
            self.progress(self.start + (self.end - self.start) * clamped)

    def check(self) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise self.stopped

    def part(self, start: float, end: float) -> Steps:
        """The same callbacks for a stretch [start, end] of this one."""
        span = self.end - self.start
        return Steps(
            self.progress,
            self.is_cancelled,
            self.start + span * start,
            self.start + span * end,
            self.stopped,
        )


def share(done: int, total: int) -> float:
    return done / total if total else 1.0
