"""Progress and cancellation for long exports, without any UI: the caller passes two plain
callables (the UI wraps its progress bar and its Cancel button in them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.core.i18n import _

Progress = Callable[[float], None]
"""Called with the share done, 0.0 … 1.0, from the thread doing the export."""

IsCancelled = Callable[[], bool]
"""Asked between pieces of work; True stops the export and nothing is written."""


class ExportCancelled(Exception):
    """The export was cancelled; no output file was left behind."""

    def __init__(self) -> None:
        super().__init__(_("Exporten avbröts."))


@dataclass
class Steps:
    """Maps the steps of one export onto a share of the whole, and checks for cancel."""

    progress: Progress | None = None
    is_cancelled: IsCancelled | None = None
    start: float = 0.0
    end: float = 1.0

    def report(self, share: float) -> None:
        self.check()
        if self.progress is not None:
            clamped = min(1.0, max(0.0, share))
            self.progress(self.start + (self.end - self.start) * clamped)

    def check(self) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise ExportCancelled

    def part(self, start: float, end: float) -> Steps:
        """The same callbacks for a stretch [start, end] of this one."""
        span = self.end - self.start
        return Steps(
            self.progress,
            self.is_cancelled,
            self.start + span * start,
            self.start + span * end,
        )
