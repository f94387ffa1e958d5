"""Waiting for a condition with a deadline. Between looks the test waits on the app process
itself, so a crash ends the wait at once instead of at the deadline."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# How long one wait on the process lasts between looks: short enough to notice a change within
# a frame or two, long enough to leave both cores to the app.
LOOK_EVERY = 0.05


class GaveUp(AssertionError):
    """The condition did not come true in time."""


class AppExited(AssertionError):
    """The app ended while a test waited for something else."""


def until(
    look: Callable[[], T | bool | None],
    what: str,
    app: subprocess.Popen[str],
    timeout: float = 15.0,
) -> T:
    """Look until ``look`` returns something truthy and return it; fail after ``timeout``
    seconds, naming ``what`` was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        seen = look()
        if seen:
            return seen  # type: ignore[return-value]
        if time.monotonic() > deadline:
            raise GaveUp(f"gave up after {timeout:.0f} s waiting for {what}")
        try:
            code = app.wait(timeout=LOOK_EVERY)
        except subprocess.TimeoutExpired:
            continue
        raise AppExited(f"the app exited (code {code}) while waiting for {what}")
