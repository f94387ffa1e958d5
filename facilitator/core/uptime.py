"""How long this process has been alive, for `--exit-when-ready`'s ready_ms."""

from __future__ import annotations

import os
import time
from pathlib import Path

_IMPORTED_AT = time.perf_counter()


def seconds_since_process_start() -> float:
    """Time since the OS created this process (Linux), else since this module was imported."""
    try:
        stat = Path("/proc/self/stat").read_text()
        # Field 22 (starttime) counts clock ticks since boot; fields after the command name.
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks = int(fields[19])
        hz = os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / hz
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - _IMPORTED_AT
