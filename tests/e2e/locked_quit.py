"""Quitting while another process holds the database locked, shared by the suite and `make
soak` (100 rounds): start the real app, start a session, lock the database from another
process, reflect three times, end the app (quit, SIGTERM or SIGKILL), let go of the lock, start
again — and every reflection the app accepted must be in the database, word for word."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.e2e.kill_resume import MODULE, TIMEOUT, DrivenApp, on_disk

ENDINGS = ("quit", "sigterm", "sigkill")

_HOLD = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
if sys.argv[2] == "readers-too":
    # In WAL mode an exclusive transaction still lets others read; this keeps them out too.
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
connection.execute("CREATE TABLE IF NOT EXISTS lock_holder (x)")
print("locked", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


class LockHolder:
    """Another program holding the database file exclusively until ``release``: writers are
    kept out, and with ``readers_too`` everyone (the app cannot even open it)."""

    def __init__(self, database: Path, *, readers_too: bool = False) -> None:
        mode = "readers-too" if readers_too else "writers"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _HOLD, str(database), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "locked":
            raise RuntimeError("the lock holder did not get its lock")

    def release(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            self.proc.wait(timeout=TIMEOUT)


@dataclass
class LockedQuitResult:
    rounds: int = 0
    accepted: dict[str, str] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    journals_left: int = 0
    quit_seconds: list[float] = field(default_factory=list)


def database_of(home: Path) -> Path:
    return home / "data" / "facilitator.sqlite3"


def one_round(home: Path, ending: str, result: LockedQuitResult, number: int) -> None:
    app = DrivenApp(home)
    holder: LockHolder | None = None
    try:
        app.wait_for("ready")
        app.wait_for("interrupted", "no_interrupted")
        app.send(do="plan", modules=[MODULE], minutes=75)
        app.wait_for("planned")
        app.send(do="start", rehearse=True)
        app.wait_for("started")
        holder = LockHolder(database_of(home))
        texts = {}
        for index in range(3):
            text = f"Runda {number} ({ending}), rad {index}: vi frågar i stället för att gissa."
            app.send(do="reflect", kind="note", text=text)
            texts[app.wait_for("accepted")["uuid"]] = text
        result.accepted.update(texts)
        began = time.perf_counter()
        if ending == "quit":
            app.send(do="quit")
        elif ending == "sigterm":
            app.proc.send_signal(signal.SIGTERM)
        else:
            app.proc.send_signal(signal.SIGKILL)
        app.proc.wait(timeout=TIMEOUT)
        result.quit_seconds.append(time.perf_counter() - began)
    finally:
        if app.proc.poll() is None:
            app.kill()
        if holder is not None:
            holder.release()
    # The next start brings the journal into the database before it looks for sessions.
    again = DrivenApp(home)
    try:
        again.wait_for("ready")
        again.wait_for("interrupted", "no_interrupted")
        again.send(do="quit")
        again.proc.wait(timeout=TIMEOUT)
    finally:
        if again.proc.poll() is None:
            again.kill()
    disk = on_disk(home)
    result.lost.extend(uuid for uuid, text in texts.items() if disk.get(uuid) != text)
    result.journals_left += len(list((home / "data" / "recovery").glob("*.jsonl")))
    result.rounds += 1


def rounds(home: Path, count: int) -> LockedQuitResult:
    result = LockedQuitResult()
    for number in range(count):
        one_round(home, ENDINGS[number % len(ENDINGS)], result, number)
    return result


def reflections_in_order(home: Path) -> list[str]:
    with sqlite3.connect(f"file:{database_of(home)}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT text FROM reflections ORDER BY created_at, id")
        return [text for (text,) in rows]
