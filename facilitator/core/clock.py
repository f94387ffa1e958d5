"""Time as a collaborator: the engine asks a Clock, tests pass a FakeClock."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""
        ...

    def now(self) -> datetime:
        """Local wall-clock time, timezone-aware; may jump (daylight saving, user change)."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


class FakeClock:
    """A clock that moves only when told to. Wall time and monotonic time move together
    unless a test jumps the wall clock on its own (a system time change)."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._mono = 1000.0
        self._wall = start

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)
