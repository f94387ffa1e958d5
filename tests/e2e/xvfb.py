"""A private Xvfb server for tests that need real pixels."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


@contextmanager
def xvfb(width: int = 1280, height: int = 800, options: Sequence[str] = ()) -> Iterator[str]:
    """Yields the display (":N"). The server picks a free number itself (-displayfd), so
    parallel runs never collide; ``options`` go to Xvfb as they are (e.g. "-noreset")."""
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed (make test installs it)")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            *options,
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as reader:
            number = reader.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
