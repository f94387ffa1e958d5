"""Kill -9 during a burst of answers: every answer whose phone was told "Skickat" is in the
database afterwards, byte for byte, and the app opens it again.

The host is a real process (``tests/phones_web/phone_host.py``: the app's serial writer in a
Qt event loop, the real storage gateway, room and server). Twenty phones, each its own device
cookie and thread, send several answers each; the host is SIGKILLed once a given number of
them has been told "Skickat" — at a different point in each of the five runs — with many
posts still in flight."""

from __future__ import annotations

import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from facilitator.core.application.executor import InlineExecutor
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.paths import resolve_paths
from facilitator.core.storage.phone_records import PhoneAnswer
from tests.phones_web.phone_rig import ROOT, Phone

pytestmark = pytest.mark.timeout(120)

PHONES = 20
ANSWERS_EACH = 6
KILL_AFTER = (7, 23, 41, 62, 90)
"""How many answers have been told "Skickat" when the host is killed, run by run."""


@dataclass
class Burst:
    """What the phones were told, gathered from their threads."""

    kill_after: int
    told_skickat: list[str] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    time_to_kill: threading.Event = field(default_factory=threading.Event)

    def heard(self, text: str, status: int, body: str) -> None:
        with self.lock:
            if status == 200 and "Skickat" in body:
                self.told_skickat.append(text)
                if len(self.told_skickat) >= self.kill_after:
                    self.time_to_kill.set()
            else:
                self.refused.append((status, text))


def answer_text(phone: int, n: int) -> str:
    # Every answer its own, with what a byte-level mix-up would show: å, a dash, an emoji,
    # markup, a line break, spaces inside.
    return f"Telefon {phone:02d} svar {n}: åäö – 🙂 <b>&amp;</b>\nandra raden  slut"


def run_phone(port: int, code: str, number: int, burst: Burst) -> None:
    phone = Phone(port)
    try:
        assert phone.join(code).status == 303
        for n in range(ANSWERS_EACH):
            text = answer_text(number, n)
            reply = phone.answer(text)
            burst.heard(text, reply.status, reply.body)
    except (OSError, http.client.HTTPException):
        return  # the host is gone: this phone was told nothing more


def start_host(home: Path) -> tuple[subprocess.Popen[str], dict[str, str | int]]:
    env = {**os.environ, "FACILITATOR_HOME": str(home), "PYTHONPATH": str(ROOT)}
    host = subprocess.Popen(
        [sys.executable, "-m", "tests.phones_web.phone_host", "Vad tar du med dig?"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert host.stdout is not None
    line = host.stdout.readline()
    if not line:
        host.kill()
        raise AssertionError(f"the host did not start: {host.communicate()[1]}")
    return host, json.loads(line)


def reopened(home: Path, monkeypatch: pytest.MonkeyPatch, session: str) -> list[PhoneAnswer]:
    """The answers as the app reads them at its next start."""
    monkeypatch.setenv("FACILITATOR_HOME", str(home))
    storage = StorageGateway(InlineExecutor(), resolve_paths(portable=False))
    storage.open()
    assert storage.is_open
    found: list[tuple[PhoneAnswer, ...]] = []
    storage.phone_answers_for(session, found.append)
    return list(found[0])


@pytest.mark.parametrize("kill_after", KILL_AFTER)
def test_every_answer_told_skickat_survives_a_kill_9_in_the_burst(
    kill_after: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "host"
    host, ready = start_host(home)
    burst = Burst(kill_after)
    phones = [
        threading.Thread(target=run_phone, args=(int(ready["port"]), ready["code"], n, burst))
        for n in range(PHONES)
    ]
    try:
        for phone in phones:
            phone.start()
        assert burst.time_to_kill.wait(60), "the phones never got that far"
        host.send_signal(signal.SIGKILL)
        host.wait(30)
    finally:
        if host.poll() is None:
            host.kill()
            host.wait(30)
        for phone in phones:
            phone.join(60)
    assert host.returncode == -signal.SIGKILL
    with burst.lock:
        told = list(burst.told_skickat)
    assert len(told) >= kill_after and burst.refused == []
    assert len(told) < PHONES * ANSWERS_EACH, "the burst ended before the kill"

    # Straight from the file, as SQLite left it.
    database = Path(str(ready["database"]))
    with sqlite3.connect(database) as db:
        on_disk = [row[0] for row in db.execute("SELECT text FROM phone_answers")]
    assert [t for t in told if t not in on_disk] == []
    assert len(on_disk) == len(set(on_disk))  # nothing stored twice

    # And as the app sees them after the restart.
    answers = reopened(home, monkeypatch, str(ready["session"]))
    assert {a.text for a in answers} >= set(told)
    assert all(a.text in on_disk for a in answers)
