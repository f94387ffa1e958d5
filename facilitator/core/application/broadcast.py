"""A typed, Qt-free signal: how the services announce a change to whoever listens.

Services live in the core and may not know Qt, yet the UI must hear from them; a receiver
connected for one session must also be let go when that session ends, so ``connect`` returns a
``Subscription`` to cancel, and ``Subscriptions`` cancels a whole lifetime's worth at once.
Callbacks run on the caller's thread: the services are used from the GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Subscription:
    def __init__(self, cancel: Callable[[], None]) -> None:
        self._cancel: Callable[[], None] | None = cancel

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel()
            self._cancel = None


class Broadcast(Generic[T]):
    def __init__(self) -> None:
        self._receivers: list[Callable[[T], None]] = []

    def connect(self, receiver: Callable[[T], None]) -> Subscription:
        self._receivers.append(receiver)
        return Subscription(lambda: self._remove(receiver))

    def _remove(self, receiver: Callable[[T], None]) -> None:
        if receiver in self._receivers:
            self._receivers.remove(receiver)

    def emit(self, value: T) -> None:
        # A copy: a receiver may cancel its own or another subscription while being called.
        for receiver in list(self._receivers):
            receiver(value)

    @property
    def receivers(self) -> int:
        return len(self._receivers)


class Subscriptions:
    """Everything one owner connected, cancelled together when the owner's life ends."""

    def __init__(self) -> None:
        self._held: list[Subscription] = []

    def connect(self, broadcast: Broadcast[T], receiver: Callable[[T], None]) -> None:
        self._held.append(broadcast.connect(receiver))

    def cancel_all(self) -> None:
        held, self._held = self._held, []
        for subscription in held:
            subscription.cancel()
