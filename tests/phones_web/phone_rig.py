"""A session with the phones on, on real parts: a real SQLite file behind the real storage
gateway, the real PhoneRoom and the real aiohttp server on 127.0.0.1, and ``Phone``, a small
HTTP client that keeps its cookie like a phone's browser. Also the harness later tests start
from (the browser test, the load benchmark): ``phone_session()``."""

from __future__ import annotations

import http.client
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

from facilitator.core.application.phone_room import PhoneRoom
from facilitator.core.application.session_service import SessionService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import FakeClock
from facilitator.core.phones.credentials import RoomKeys
from facilitator.phones_web.server import PhoneServer
from tests.core.application.rig import example_plan, fake_clock, open_storage, sessions

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "resources" / "locale"


class Owner:
    """Stands in for the GUI thread with an ``InlineExecutor``: whatever touches the gateway
    runs under one lock, whichever thread asks."""

    def __init__(self) -> None:
        self.lock = threading.RLock()

    def hop(self, work: Callable[[], None]) -> None:
        with self.lock:
            work()


@dataclass
class PhoneSession:
    storage: StorageGateway
    service: SessionService
    room: PhoneRoom
    server: PhoneServer
    clock: FakeClock
    owner: Owner

    @property
    def port(self) -> int:
        listening = self.server.listening
        assert listening is not None
        return listening.port

    def phone(self, **headers: str) -> Phone:
        return Phone(self.port, headers)

    def rows(
        self, sql: str = "SELECT text, option_index, status FROM phone_answers"
    ) -> list[tuple]:
        with sqlite3.connect(f"file:{self.storage.database_file}?mode=ro", uri=True) as db:
            return list(db.execute(sql))


@contextmanager
def phone_session(
    code: str = "482913",
    commit_timeout: float = 10.0,
    storage: StorageGateway | None = None,
    hop: Callable[[Callable[[], None]], None] | None = None,
) -> Iterator[PhoneSession]:
    """A running session with the phones on; the server stopped at the end."""
    owner = Owner()
    storage = storage or open_storage()
    clock = fake_clock()
    plan, modules = example_plan()
    service = sessions(storage, clock).begin(plan, modules)
    room = PhoneRoom(
        storage,
        service.recording.session_uuid,
        clock,
        hop or owner.hop,
        reflections=service.reflections,
        keys=RoomKeys(code=code),
    )
    server = PhoneServer(
        room, "127.0.0.1", port=0, locale_dir=LOCALE, commit_timeout=commit_timeout
    )
    server.start()
    try:
        yield PhoneSession(storage, service, room, server, clock, owner)
    finally:
        server.stop()


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: str

    def hidden(self) -> dict[str, str]:
        """The form's hidden fields, as a browser would send them back."""
        return {
            unescape(name): unescape(value)
            for name, value in re.findall(
                r'<input type="hidden" name="([^"]*)" value="([^"]*)">', self.body
            )
        }


@dataclass
class Phone:
    port: int
    headers: dict[str, str] = field(default_factory=dict)
    cookie: str | None = None

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {**self.headers, **(headers or {})}
        if body is not None:
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if self.cookie:
            sent["Cookie"] = f"facilitator_phone={self.cookie}"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            got = {k.lower(): v for k, v in response.getheaders()}
        finally:
            connection.close()
        found = re.search(r"facilitator_phone=([^;]*)", got.get("set-cookie", ""))
        if found:
            self.cookie = found.group(1).strip('"') or None
        return Reply(response.status, got, text)

    def get(self, path: str = "/") -> Reply:
        return self.request("GET", path)

    def post(self, path: str, fields: dict[str, str]) -> Reply:
        return self.request("POST", path, urlencode(fields).encode("utf-8"))

    def join(self, code: str) -> Reply:
        return self.post("/join", {"code": code})

    def answer(self, text: str) -> Reply:
        form = self.get("/").hidden()
        return self.post("/answer", {**form, "answer": text})
