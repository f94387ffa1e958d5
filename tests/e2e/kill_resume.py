"""The kill-and-resume run shared by the suite (≥ 20 runs) and `make soak` (200 runs): start
the real app process, feed it reflections, SIGKILL it at a random moment, start it again, and
compare what it said was saved with what is on disk."""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MODULE = "grund-1-vad-ar-kultur"
TIMEOUT = 60.0


class DrivenApp:
    """The app with --drive: JSON commands in, JSON events out. By default the source tree's
    app with its data in ``home``; ``command``, ``env`` and ``cwd`` start another (the
    installed bundle, tests/bundle/release_check.py)."""

    def __init__(
        self,
        home: Path,
        command: list[str] | None = None,
        env: dict[str, str] | None = None,
        cwd: Path = ROOT,
        timeout: float = TIMEOUT,
    ) -> None:
        if env is None:
            env = dict(os.environ)
            env["FACILITATOR_HOME"] = str(home)
            env["QT_QPA_PLATFORM"] = "offscreen"
            env["QT_LOGGING_RULES"] = "qt.qpa.*=false"
        self.timeout = timeout
        self.proc = subprocess.Popen(
            command or [sys.executable, "-m", "facilitator", "--drive"],
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            bufsize=1,
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                self.events.put(json.loads(line))
            except json.JSONDecodeError:
                continue
        self.events.put({"event": "exited"})

    def send(self, **command: Any) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"do": command.pop("do"), **command}) + "\n")
        self.proc.stdin.flush()

    def wait_for(self, *names: str) -> dict[str, Any]:
        while True:
            event = self.events.get(timeout=self.timeout)
            if event["event"] in names:
                return event
            if event["event"] in ("error", "exited"):
                raise RuntimeError(f"the app reported {event}")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=TIMEOUT)


@dataclass
class SoakResult:
    runs: int = 0
    saved: dict[str, str] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    resumed: int = 0


def on_disk(home: Path) -> dict[str, str]:
    database = home / "data" / "facilitator.sqlite3"
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return dict(connection.execute("SELECT uuid, text FROM reflections").fetchall())


def one_run(home: Path, rng: random.Random, result: SoakResult, number: int) -> None:
    app = DrivenApp(home)
    try:
        app.wait_for("ready")
        first = app.wait_for("interrupted", "no_interrupted")
        if first["event"] == "interrupted":
            app.send(do="resume")
            result.resumed += 1
        else:
            app.send(do="plan", modules=[MODULE], minutes=75)
            app.wait_for("planned")
            app.send(do="start", rehearse=True)
        left = app.wait_for("started")["left"]
        count = rng.randint(1, 6)
        for index in range(count):
            # "next" on the last step would end the session: the leader stays on it instead.
            if rng.random() < 0.3 and left > 0:
                app.send(do="next")
                left -= 1
            app.send(
                do="reflect",
                kind=rng.choice(["note", "quote", "parking", "action"]),
                text=f"Körning {number}, rad {index}: åäö {rng.random():.6f}",
            )
        # Collect what the app reports as saved until the random moment of the kill.
        saves_before_kill = rng.randint(0, count)
        for _ in range(saves_before_kill):
            event = app.wait_for("saved")
            result.saved[event["uuid"]] = event["text"]
    finally:
        app.kill()
    # Whatever was reported saved before the kill must be on disk, word for word.
    while not app.events.empty():
        event = app.events.get_nowait()
        if event.get("event") == "saved":
            result.saved[event["uuid"]] = event["text"]
    disk = on_disk(home)
    result.lost.extend(uuid for uuid, text in result.saved.items() if disk.get(uuid) != text)
    result.runs += 1


def soak(home: Path, runs: int, seed: int = 2026) -> SoakResult:
    rng = random.Random(seed)
    result = SoakResult()
    for number in range(runs):
        one_run(home, rng, result, number)
    return result
