"""One running session's phones (issue 20): the room, made with the session, and its web
server, which runs only while "Deltagarna svarar på mobilen" is on and the session runs. The
room asks the phones what the step on screen asks (core/application/phone_questions.py).

Everything here happens on the GUI thread; the server answers on its own thread and reaches
the room's storage through ``GuiThread`` (decision 0016)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from facilitator.core.application.broadcast import Subscriptions
from facilitator.core.application.phone_questions import evaluation_keys, phone_question
from facilitator.core.application.phone_room import PhoneRoom
from facilitator.core.application.session_service import SessionService, StepEntered
from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import Clock
from facilitator.core.i18n import _
from facilitator.core.settings import Settings
from facilitator.ui.gui_thread import GuiThread

if TYPE_CHECKING:
    # aiohttp is imported when the phones are first turned on, not with the console.
    from facilitator.phones_web.server import PhoneServer

log = logging.getLogger(__name__)

LINGER_MS = 30_000
"""After the session's end the pages still answer "Sessionen är slut" this long: a phone's
page (its script checks every few seconds) or a reload learns the session is over."""

MakeServer = Callable[[PhoneRoom, str], "PhoneServer"]
"""(room, the address to listen on) → a server not yet started."""


class SessionPhones:
    def __init__(
        self,
        service: SessionService,
        storage: StorageGateway,
        settings: SettingsService,
        clock: Clock,
        choose_address: Callable[[], str | None],
        make_server: MakeServer,
        tell: Callable[[str], None],
        changed: Callable[[], None],
    ) -> None:
        """``choose_address``: the laptop's address on the room's network (None: none);
        ``tell``: a notice for the leader; ``changed``: the server started or stopped (the
        projector's join panel comes or goes)."""
        self._service = service
        self._settings = settings
        self._choose_address = choose_address
        self._make_server = make_server
        self._tell = tell
        self._changed = changed
        self._hop = GuiThread()
        self.room = PhoneRoom(
            storage, service.session_uuid, clock, self._hop.run_soon, service.reflections
        )
        modules = [m.manifest for m in service.modules.values()]
        self._keys = evaluation_keys(modules, service.engine.initial_plan)
        self._server: PhoneServer | None = None
        self._subscriptions = Subscriptions()
        self._subscriptions.connect(service.step_entered, self._entered)
        self._subscriptions.connect(settings.changed, self._follow)
        self.room.load()  # a resumed session: the answers its phones sent before
        self._ask(service.engine.current_key)
        self._on = False
        if settings.current.phones_on:  # nothing on screen yet to redraw
            self._on = True
            self._start()

    @property
    def address(self) -> str | None:
        """Where the phones reach the server; None while it does not run."""
        return self._server.address if self._server is not None else None

    def close(self, linger_ms: int = 0) -> None:
        """The session is over: every page says so from now on, and the server stops after
        ``linger_ms`` (time for the open pages to learn it); at once when the app quits."""
        self._subscriptions.cancel_all()
        self.room.end()
        if linger_ms and self._server is not None:
            QTimer.singleShot(linger_ms, self._stop)
        else:
            self._stop()

    def _follow(self, settings: Settings) -> None:
        if settings.phones_on == self._on:
            return
        self._on = settings.phones_on
        if self._on:
            self._start()
        else:
            self._stop()
        self._changed()

    def _start(self) -> None:
        address = self._choose_address()
        if address is None:
            self._tell(
                _(
                    "Mobilsvar fungerar inte just nu: datorn är inte ansluten till något "
                    "nätverk. Anslut den till rummets wifi, eller starta datorns mobila "
                    "hotspot, och slå på Mobilsvar igen."
                )
            )
            self._settings.change(phones_on=False)
            return
        from facilitator.phones_web.server import PhoneServerError  # noqa: PLC0415

        self.room.reopen()
        server = self._make_server(self.room, address)
        try:
            server.start()
        except PhoneServerError as error:
            log.warning("The phone server did not start on %s: %s", address, error)
            self._tell(
                _(
                    "Mobilsvar kunde inte startas på {address}. Sessionen fortsätter som "
                    "vanligt; gruppen kan svara muntligt."
                ).format(address=address)
            )
            self._settings.change(phones_on=False)
            return
        self._server = server
        self._ask(self._service.engine.current_key)

    def _stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def _entered(self, entered: StepEntered) -> None:
        self._ask(entered.key)

    def _ask(self, key: str | None) -> None:
        self.room.open_question(phone_question(key, self._service.content(key), self._keys))
