"""Counting events per key in a sliding window, against an injected clock.

Two uses: wrong room codes per client address (a guesser is slowed to a handful a minute) and
answers per device (a phone cannot flood the moderation list). Memory stays bounded: keys whose
events have all aged out are forgotten, and at most ``max_keys`` are tracked (the oldest go)."""

from __future__ import annotations

from collections import OrderedDict, deque

from facilitator.core.clock import Clock

WRONG_CODES_PER_MINUTE = 5
ANSWERS_PER_MINUTE = 20


class SlidingWindow:
    def __init__(
        self, clock: Clock, limit: int, window_seconds: float = 60.0, max_keys: int = 10_000
    ) -> None:
        self._clock = clock
        self._limit = limit
        self._window = window_seconds
        self._max_keys = max_keys
        self._events: OrderedDict[str, deque[float]] = OrderedDict()

    def blocked(self, key: str) -> bool:
        """True when ``key`` has used up its events in the current window."""
        events = self._fresh(key)
        return events is not None and len(events) >= self._limit

    def note(self, key: str) -> None:
        """Count one event for ``key`` now."""
        events = self._fresh(key)
        if events is None:
            events = deque()
            self._events[key] = events
            while len(self._events) > self._max_keys:
                self._events.popitem(last=False)
        events.append(self._clock.monotonic())

    def take(self, key: str) -> bool:
        """Count an event if there is room for it: False (and nothing counted) when blocked."""
        if self.blocked(key):
            return False
        self.note(key)
        return True

    def retry_after(self, key: str) -> int:
        """Whole seconds until ``key`` may try again (0 when it may now)."""
        events = self._fresh(key)
        if events is None or len(events) < self._limit:
            return 0
        return max(1, int(events[0] + self._window - self._clock.monotonic() + 0.999))

    def _fresh(self, key: str) -> deque[float] | None:
        events = self._events.get(key)
        if events is None:
            return None
        horizon = self._clock.monotonic() - self._window
        while events and events[0] <= horizon:
            events.popleft()
        if not events:
            del self._events[key]
            return None
        return events
