"""Start the real app process and wait (by reading its output, not by sleeping) until ready."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def running_app(
    env: dict[str, str], *args: str, log: Path | None = None
) -> Iterator[subprocess.Popen[str]]:
    """With ``log``, the app's standard error and (after the ready line) its standard output
    go to that file, so a long run can never block on a full pipe nobody reads."""
    log_file: IO[str] | None = log.open("w", encoding="utf-8") if log is not None else None
    proc = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--ready-then-wait", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log_file if log_file is not None else subprocess.PIPE,
        text=True,
    )
    drain: threading.Thread | None = None
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if line.startswith("first_paint_ms="):
            line = proc.stdout.readline()  # then the library is usable
        if line.startswith("ready_ms="):
            line = proc.stdout.readline()  # then every part assembled and the database open
        if not line.startswith("storage_ms="):
            proc.kill()
            _, err = proc.communicate(timeout=10)
            if log is not None:
                err = log.read_text(encoding="utf-8")
            raise RuntimeError(f"the app did not become ready: {line!r} {err}")
        if log_file is not None:
            drain = threading.Thread(
                target=shutil.copyfileobj, args=(proc.stdout, log_file), daemon=True
            )
            drain.start()
        yield proc
    finally:
        if proc.poll() is None:
            assert proc.stdin is not None
            proc.stdin.close()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if drain is not None:
            drain.join(timeout=10)  # the app has exited: its output ends
        if log_file is not None:
            log_file.close()
