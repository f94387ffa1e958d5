"""A process that hosts a phone session as the app does, for tests that kill it:

    FACILITATOR_HOME=/tmp/x python -m tests.phones_web.phone_host [QUESTION]

A real SQLite file under FACILITATOR_HOME, the real ``StorageGateway`` on the app's own
``SerialWriter`` (one worker thread, results handed back to the main thread) inside a
``QCoreApplication`` standing in for the GUI thread, the real ``PhoneRoom`` reaching that
thread through a queued signal, and the real ``PhoneServer`` on 127.0.0.1 on its own thread.
Once the session is recorded and a prompt is open, one line of JSON on stdout: the port, the
room code, the session and the database file. Then it serves until it is killed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from facilitator.core.application.phone_room import PhoneRoom
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import SystemClock
from facilitator.core.paths import resolve_paths
from facilitator.core.phones.credentials import RoomKeys
from facilitator.core.phones.question import prompt
from facilitator.phones_web.server import PhoneServer
from facilitator.ui.serial_writer import SerialWriter
from tests.core.application.rig import example_plan
from tests.phones_web.phone_rig import LOCALE

CODE = "482913"
STEP = "m/samtal"


class MainThread(QObject):
    """``on_storage_thread`` as the console provides it: a queued signal to the GUI thread."""

    _work = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._work.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def hop(self, work: Callable[[], None]) -> None:
        self._work.emit(work)

    def _run(self, work: Callable[[], None]) -> None:
        work()


def main(question: str) -> int:
    app = QCoreApplication(sys.argv[:1])
    paths = resolve_paths(portable=False)
    paths.ensure()
    writer = SerialWriter(app)
    storage = StorageGateway(writer, paths)
    main_thread = MainThread()
    clock = SystemClock()
    kept: list[object] = []

    def serve(_opened: object) -> None:
        plan, modules = example_plan()
        service = Sessions(storage, clock).begin(plan, modules)
        room = PhoneRoom(
            storage,
            service.recording.session_uuid,
            clock,
            main_thread.hop,
            reflections=service.reflections,
            keys=RoomKeys(code=CODE),
        )
        room.open_question(prompt(STEP, question))
        server = PhoneServer(room, "127.0.0.1", port=0, locale_dir=LOCALE)
        listening = server.start()
        kept.extend((service, room, server))

        def announce() -> None:
            # Behind the session's own first writes on the serial writer: it is on disk.
            ready = {
                "port": listening.port,
                "code": CODE,
                "session": room.session_uuid,
                "database": str(storage.database_file),
            }
            print(json.dumps(ready), flush=True)

        storage.phone_answers_for(room.session_uuid, lambda _answers: announce())

    storage.opened.connect(serve)
    storage.refused_at_open.connect(lambda message: app.exit(2))
    storage.open()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "Vad tar du med dig?"))
