"""Elapsed time that can be stopped and started, measured on the monotonic clock."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Stopwatch:
    carried: float = 0.0
    """Seconds counted before the current run (earlier runs, or a restored state)."""
    since: float | None = None
    """Monotonic reading when the current run began; None while stopped."""

    @property
    def running(self) -> bool:
        return self.since is not None

    def start(self, now: float) -> None:
        if self.since is None:
            self.since = now

    def stop(self, now: float) -> None:
        self.carried = self.elapsed(now)
        self.since = None

    def elapsed(self, now: float) -> float:
        if self.since is None:
            return self.carried
        # A clock that claims to be monotonic but is not must still never make time negative.
        return self.carried + max(0.0, now - self.since)
