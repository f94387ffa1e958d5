"""The app keeps glibc from holding on to what films freed (facilitator/malloc_arenas.py; the
effect on a four-hour session is measured by `make soak`): its entry point limits the malloc
arenas to two, counted here with glibc's own malloc_info in a fresh process where sixteen
threads allocate at once; and leaving a film step gives freed memory back to the system."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import ctypes, sys, threading
if sys.argv[1] == "limited":
    from facilitator.malloc_arenas import limit_malloc_arenas
    limit_malloc_arenas()
barrier = threading.Barrier(16)
def work():
    barrier.wait()
    kept = [bytearray(4096) for _ in range(2000)]
    barrier.wait()
threads = [threading.Thread(target=work) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
handle = libc.fopen(sys.argv[2].encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(handle))
libc.fclose(ctypes.c_void_p(handle))
"""


def _arenas(tmp_path: Path, mode: str) -> int:
    report = tmp_path / f"{mode}.xml"
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    subprocess.run([sys.executable, "-c", SCRIPT, mode, str(report)], cwd=ROOT, env=env, check=True)
    return report.read_text().count("<heap nr=")


GLIBC = pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="glibc only",
)


@GLIBC
def test_the_app_keeps_to_two_malloc_arenas(tmp_path: Path) -> None:
    assert _arenas(tmp_path, "default") > 2  # what the threads would take
    assert _arenas(tmp_path, "limited") <= 2


RELEASE = """
from facilitator.malloc_arenas import release_freed_memory
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
blocks = [bytearray(8192) for _ in range(20000)]  # 160 MB from malloc's heap
kept = blocks[::16]  # a few stay, so glibc cannot simply shrink the heap's end
del blocks
before = rss()
release_freed_memory()
print(before, rss())
"""


@GLIBC
def test_freed_memory_goes_back_to_the_system() -> None:
    done = subprocess.run(
        [sys.executable, "-c", RELEASE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    before, after = (int(word) for word in done.stdout.split())
    assert before - after > 100  # MB
