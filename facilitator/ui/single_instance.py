"""The second start on the same data folder: it asks the running app to come to the front (a
local socket, named after the folder) and says so, instead of opening a second window on the
same database.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from facilitator.core.i18n import _
from facilitator.core.paths import folder_key

log = logging.getLogger(__name__)

KNOCK = b"raise\n"
WAIT_MS = 1000


def server_name(data_dir: Path) -> str:
    digest = folder_key(data_dir)
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return f"facilitator-{user}-{digest}"


class FrontDoor(QObject):
    """In the running app: when a second start knocks, the window comes to the front."""

    def __init__(self, data_dir: Path, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        # A socket left by an app that was killed: ours to replace, since we hold the lock.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("No front door for a second start: %s", self._server.errorString())
        self._server.newConnection.connect(self._knocked)

    def _knocked(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            socket.close()
            window = self._window
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()


def hand_over(data_dir: Path, *, interactive: bool) -> int:
    """In the second start: bring the running app forward and say so. Exit code 1."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    raised = socket.waitForConnected(WAIT_MS)
    if raised:
        socket.write(KNOCK)
        socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
    text = _(
        "Facilitator är redan öppet på den här datorn med samma datamapp ({folder}). "
        "Två fönster på samma data skulle kunna skriva över varandras sessioner, så det här "
        "startas inte."
    ).format(folder=data_dir)
    more = (
        _("Det öppna fönstret har tagits fram.")
        if raised
        else _("Leta efter det öppna fönstret i aktivitetsfältet.")
    )
    sys.stderr.write(f"{text} {more}\n")
    if interactive and QApplication.instance() is not None:
        QMessageBox.information(None, _("Facilitator är redan öppet"), f"{text}\n\n{more}")
    return 1
