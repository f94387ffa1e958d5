"""The end of the process, once the app has shut down in order.

The interpreter's own teardown after the event loop ends took ≈ 0.45 s of pure CPU (issue 16:
strace shows no system call in it): freeing every module of a large import graph (SQLAlchemy,
pydantic, the UI) and every Qt wrapper one by one, for memory the operating system takes back
at once anyway. So the app leaves with ``os._exit`` — but only after ``Application.shutdown``
has finished, which is what makes that safe:

- every queued database write has been run or counted as lost (``StorageLine.close`` flushes
  the serial writer), and the database is closed, so SQLite has checkpointed its WAL; what
  the disk refused stays in the recovery journal, which is fsynced as it is written;
- background work (exports, module imports, checks) has ended: ``BackgroundTasks.wait``;
- the running session's place is saved and libVLC released (``UiParts.shutdown``);
- settings and the catalog cache are written when they change, each by an atomic replace;
- the log and the standard streams are flushed here;
- the folder's lock goes with the process, as after a crash (``core/instance_lock.py``), and
  the next start replaces the front door's socket file (``ui/single_instance.py``).

No ``atexit`` handler of ours has work to do; nothing else in the process holds data.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from typing import NoReturn


def leave(code: int) -> NoReturn:
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        # A stream closed by whoever started us: nothing more can be said on it.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
