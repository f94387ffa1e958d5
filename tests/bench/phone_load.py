"""Sixty phones answering at once (issue 20): the real server on loopback, the real PhoneRoom
hopping to the GUI thread, the real storage gateway on the app's serial writer, a real SQLite
file. An aiohttp client in a process of its own joins 60 phones, then every phone sends its answers
at the same moment, ROUNDS times. Measured: each answer's round trip (p99), the GUI's longest
event-loop stall while it happens, and whether every answer told "Skickat" is on disk.

The baseline is the same load, from the same client, against a bare aiohttp server in this
process that answers "Skickat" at once without storing anything, while the GUI thread runs
the same stall probe: what HTTP on loopback costs on this machine. Targets: p99 ≤ 200 ms, the
longest stall ≤ 50 ms, nothing lost."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from html import unescape
from typing import Any

from tests.bench.common import ROOT, BenchResult

PHONES = 60
ROUNDS = 5
CODE = "482913"
P99_TARGET_MS = 200.0
STALL_TARGET_MS = 50.0
PROBE_MS = 5
HIDDEN = re.compile(r'<input type="hidden" name="([^"]*)" value="([^"]*)">')


@dataclass
class Load:
    trips_ms: list[float]
    sent: list[str]
    """The texts the server answered with "Skickat"."""
    refused: int


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def _phones(port: int, phones: int, rounds: int) -> Load:
    import aiohttp

    base = f"http://127.0.0.1:{port}"
    trips: list[float] = []
    sent: list[str] = []
    refused = 0
    connector = aiohttp.TCPConnector(limit=0)
    sessions = [
        aiohttp.ClientSession(
            base_url=base,
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=connector,
            connector_owner=False,
        )
        for _ in range(phones)
    ]
    try:
        for session in sessions:
            async with session.post("/join", data={"code": CODE}) as reply:
                await reply.read()

        async def answer(n: int, session: aiohttp.ClientSession, round_: int) -> None:
            nonlocal refused
            async with session.get("/") as page:
                form = {unescape(k): unescape(v) for k, v in HIDDEN.findall(await page.text())}
            text = f"Telefon {n} svar {round_}: vi lyssnar för att förstå"
            start = time.perf_counter()
            async with session.post("/answer", data={**form, "answer": text}) as reply:
                body = await reply.text()
            trips.append((time.perf_counter() - start) * 1000)
            if reply.status == 200 and "Skickat" in body:
                sent.append(text)
            else:
                refused += 1

        for round_ in range(rounds):
            await asyncio.gather(*(answer(n, s, round_) for n, s in enumerate(sessions)))
    finally:
        for session in sessions:
            await session.close()
        await connector.close()
    return Load(trips, sent, refused)


def _phones_elsewhere(port: int) -> Load:
    """The phones in a process of their own, as real phones are: their client's work must not
    take the app's interpreter lock and show up as the GUI's stall."""
    import subprocess

    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.phone_load",
            "--phones",
            str(port),
            str(PHONES),
            str(ROUNDS),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Load(**json.loads(out.strip().splitlines()[-1]))


def _in_thread(work: Callable[[], Load], done: Callable[[Load], None]) -> threading.Thread:
    def run() -> None:
        done(work())

    thread = threading.Thread(target=run, name="phones", daemon=True)
    thread.start()
    return thread


def _while_probing(start_load: Callable[[Callable[[Load], None]], None]) -> tuple[Load, float]:
    """Run the load on its thread while the GUI thread probes its own stalls; both end when
    the load has."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    clock = QElapsedTimer()
    clock.start()
    last = [0]
    worst = [0.0]
    result: list[Load] = []
    loop = QEventLoop()

    def probe() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], float(now - last[0] - PROBE_MS))
        last[0] = now
        if result:
            loop.quit()

    timer = QTimer()
    timer.setInterval(PROBE_MS)
    timer.timeout.connect(probe)
    timer.start()
    start_load(result.append)
    loop.exec()
    timer.stop()
    return result[0], worst[0]


def _bare_server() -> tuple[int, Callable[[], None]]:
    """aiohttp on its own loop and thread, answering each post with "Skickat" at once."""
    from aiohttp import web

    async def page(_request: web.Request) -> web.Response:
        return web.Response(
            text='<form><input type="hidden" name="nonce" value="x"></form>',
            content_type="text/html",
        )

    async def post(_request: web.Request) -> web.Response:
        await _request.post()
        return web.Response(text="Skickat", content_type="text/html")

    app = web.Application()
    app.add_routes([web.get("/", page), web.post("/join", post), web.post("/answer", post)])
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app)
    ready = threading.Event()
    port = [0]

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        loop.run_until_complete(site.start())
        port[0] = runner.addresses[0][1]
        ready.set()
        loop.run_forever()

    threading.Thread(target=serve, name="bare-server", daemon=True).start()
    ready.wait(10)

    def stop() -> None:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)

    return port[0], stop


def measure() -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="bench-phones-"))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from facilitator.core.application.phone_room import PhoneRoom
    from facilitator.core.application.storage_gateway import StorageGateway
    from facilitator.core.clock import SystemClock
    from facilitator.core.paths import resolve_paths
    from facilitator.core.phones.credentials import RoomKeys
    from facilitator.core.phones.question import prompt
    from facilitator.phones_web.server import PhoneServer
    from facilitator.ui.gui_thread import GuiThread
    from facilitator.ui.serial_writer import SerialWriter
    from tests.core.application.rig import example_plan, sessions

    _qapp = QApplication.instance() or QApplication(sys.argv[:1])
    paths = resolve_paths(portable=False)
    paths.ensure()
    storage = StorageGateway(SerialWriter(), paths)
    storage.open()
    wait = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(lambda: wait.quit() if storage.is_open else None)
    poll.start()
    QTimer.singleShot(20_000, wait.quit)
    wait.exec()
    poll.stop()
    assert storage.is_open, "the database did not open"
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    hop = GuiThread()
    room = PhoneRoom(
        storage,
        service.session_uuid,
        SystemClock(),
        hop.run_soon,
        reflections=service.reflections,
        keys=RoomKeys(code=CODE),
    )
    server = PhoneServer(room, "127.0.0.1", port=0, locale_dir=ROOT / "resources" / "locale")
    server.start()
    room.open_question(prompt("m/samtal", "Vad tar du med dig från filmen?"))
    listening = server.listening
    assert listening is not None

    def ours(done: Callable[[Load], None]) -> None:
        _in_thread(lambda: _phones_elsewhere(listening.port), done)

    load, stall = _while_probing(ours)
    server.stop()
    # What the phones were told is sent: on disk, read by a second reader of the file.
    wait = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(lambda: wait.quit() if storage.pending == 0 else None)
    poll.start()
    wait.exec()
    poll.stop()
    with sqlite3.connect(f"file:{storage.database_file}?mode=ro", uri=True) as db:
        stored = {row[0] for row in db.execute("SELECT text FROM phone_answers")}
    lost = [text for text in load.sent if text not in stored]

    bare_port, stop_bare = _bare_server()

    def bare(done: Callable[[Load], None]) -> None:
        _in_thread(lambda: _phones_elsewhere(bare_port), done)

    base, base_stall = _while_probing(bare)
    stop_bare()
    return {
        "p99": percentile(load.trips_ms, 0.99),
        "median": percentile(load.trips_ms, 0.5),
        "stall": stall,
        "answers": len(load.trips_ms),
        "sent": len(load.sent),
        "refused": load.refused,
        "lost": len(lost),
        "base_p99": percentile(base.trips_ms, 0.99),
        "base_stall": base_stall,
    }


def results(m: dict[str, Any], phones: int = PHONES) -> list[BenchResult]:
    ratio = m["p99"] / m["base_p99"] if m["base_p99"] else None
    every = m["sent"] == m["answers"] and m["lost"] == 0
    return [
        BenchResult(
            f"phones, {phones} at once: answer round trip p99",
            f"{m['p99']:.0f} ms (median {m['median']:.0f}; {m['sent']} of {m['answers']} "
            f"Skickat, {m['lost']} lost)",
            f"bare aiohttp {m['base_p99']:.0f} ms",
            ratio,
            f"≤ {P99_TARGET_MS:.0f} ms, every answer on disk",
            m["p99"] <= P99_TARGET_MS and every,
        ),
        BenchResult(
            f"phones, {phones} at once: GUI's longest stall",
            f"{m['stall']:.0f} ms",
            f"same probe, bare server {m['base_stall']:.0f} ms",
            m["stall"] / m["base_stall"] if m["base_stall"] > 0 else None,
            f"≤ {STALL_TARGET_MS:.0f} ms",
            m["stall"] <= STALL_TARGET_MS,
        ),
    ]


def run() -> list[BenchResult]:
    """In a fresh process: its own database, Qt and server."""
    import subprocess

    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.phone_load", "--child", str(PHONES), str(ROUNDS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return results(json.loads(out.strip().splitlines()[-1]), PHONES)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--phones"]:
        port, PHONES, ROUNDS = (int(a) for a in sys.argv[2:5])
        print(json.dumps(asdict(asyncio.run(_phones(port, PHONES, ROUNDS)))))
    elif sys.argv[1:2] == ["--child"]:
        PHONES, ROUNDS = int(sys.argv[2]), int(sys.argv[3])
        print(json.dumps(measure()))
    else:
        for row in run():
            print(asdict(row))
