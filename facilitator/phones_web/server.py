"""The phone server's life: its own thread with its own asyncio loop (never the GUI's), bound
to the room's address, stopped with the session.

Start it when a session runs with "Deltagarna svarar på mobilen" on; ``stop`` ends the room
first, so a request still arriving on an open connection is told "Sessionen är slut", then
closes the server and joins its thread."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from facilitator.core.application.phone_room import PhoneRoom
from facilitator.phones_web.network import LOOPBACK, PORT_TRIES, PREFERRED_PORT
from facilitator.phones_web.pages import Catalogues
from facilitator.phones_web.qr import qr_png, qr_svg
from facilitator.phones_web.web_app import COMMIT_TIMEOUT_S, make_app

log = logging.getLogger(__name__)

_START_TIMEOUT_S = 10.0
_STOP_TIMEOUT_S = 5.0


class PhoneServerError(Exception):
    """The server could not start (no free port, the address is gone)."""


@dataclass(frozen=True)
class Listening:
    host: str
    port: int

    @property
    def address(self) -> str:
        """The short address for the projector card and the QR code."""
        return f"http://{self.host}:{self.port}/"


class PhoneServer:
    def __init__(
        self,
        room: PhoneRoom,
        host: str,
        port: int | None = PREFERRED_PORT,
        locale_dir: Path | None = None,
        commit_timeout: float = COMMIT_TIMEOUT_S,
    ) -> None:
        """``host``: the address to listen on (``network.lan_address()`` in the app,
        127.0.0.1 in tests). ``port``: tried first, then the next few; None or 0 lets the
        system choose (tests)."""
        self._room = room
        self._host = host
        self._port = port
        self._catalogues = Catalogues(locale_dir)
        self._timeout = commit_timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._listening: Listening | None = None

    @property
    def listening(self) -> Listening | None:
        return self._listening

    @property
    def address(self) -> str:
        if self._listening is None:
            raise PhoneServerError("not started")
        return self._listening.address

    def qr_svg(self) -> bytes:
        return qr_svg(self.address)

    def qr_png(self) -> bytes:
        return qr_png(self.address)

    def start(self) -> Listening:
        """Bind and serve; returns once the socket is listening (a few milliseconds), so the
        card can show the address at once. Raises ``PhoneServerError`` when it cannot."""
        if self._thread is not None:
            raise PhoneServerError("already started")
        ready = threading.Event()
        outcome: list[Listening | BaseException] = []
        loop = asyncio.new_event_loop()
        self._loop = loop

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                outcome.append(loop.run_until_complete(self._bind()))
            except BaseException as error:
                outcome.append(error)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._thread = threading.Thread(target=run, name="phone-server", daemon=True)
        self._thread.start()
        if not ready.wait(_START_TIMEOUT_S) or not outcome:
            raise PhoneServerError("the phone server did not start")
        result = outcome[0]
        if isinstance(result, BaseException):
            self._thread.join()
            self._thread = None
            raise PhoneServerError(str(result)) from result
        self._listening = result
        log.info("Phone server listening on %s:%d", result.host, result.port)
        return result

    async def _bind(self) -> Listening:
        ports = [0] if not self._port else [self._port + i for i in range(PORT_TRIES)]
        last: OSError | None = None
        for port in ports:
            hosts = {f"{self._host}:{port}"}
            app = make_app(self._room, self._catalogues, hosts, self._timeout)
            runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
            await runner.setup()
            site = web.TCPSite(runner, self._host, port, reuse_address=False)
            try:
                await site.start()
            except OSError as error:
                await runner.cleanup()
                last = error
                if error.errno == errno.EADDRINUSE:
                    continue
                raise
            bound = _bound_port(runner) or port
            # A chosen port is only known now: serve the Host header under it too.
            hosts.add(f"{self._host}:{bound}")
            if self._host == LOOPBACK:
                hosts.add(f"localhost:{bound}")
            self._runner = runner
            return Listening(self._host, bound)
        raise PhoneServerError("no free port") from last

    def stop(self) -> None:
        """End the room, close the server and its connections, join the thread. Safe to
        call twice, and before ``start``."""
        self._room.end()
        loop, thread, runner = self._loop, self._thread, self._runner
        self._thread = self._runner = self._loop = None
        self._listening = None
        if loop is None or thread is None:
            return
        if runner is not None and loop.is_running():
            done = asyncio.run_coroutine_threadsafe(runner.cleanup(), loop)
            with contextlib.suppress(Exception):
                done.result(_STOP_TIMEOUT_S)
        if loop.is_running():
            loop.call_soon_threadsafe(loop.stop)
        thread.join(_STOP_TIMEOUT_S)


def _bound_port(runner: web.AppRunner) -> int | None:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return None
