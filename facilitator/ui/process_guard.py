"""What guards the app's process as a whole: one app per data folder (a second start hands
over to the first), and termination signals that quit as the leader would.

Part of the start-up path, so QtNetwork (the front door's local server) is imported only
once the app is assembled, after the first paint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QWidget

from facilitator.core.instance_lock import InstanceLock

log = logging.getLogger(__name__)


def claim_folder(data_dir: Path) -> InstanceLock | None:
    """The folder's lock, held by this process; None when another app holds it."""
    lock = InstanceLock(data_dir / "facilitator.lock")
    try:
        return lock if lock.acquire() else None
    except OSError as error:
        # A folder the lock cannot be made in cannot hold the database either: the app
        # starts, and the database's open says what is wrong.
        log.warning("No instance lock in %s: %s", data_dir, error.strerror)
        return lock


def guard_process(
    owner: QObject,
    window: QWidget,
    quit_now: Callable[[], None],
    data_dir: Path,
    assembled: SignalInstance,
) -> None:
    from facilitator.ui.termination import TerminationWatch

    TerminationWatch(quit_now, owner)
    # Once assembled: the local server's module is not needed for the first paint.
    assembled.connect(lambda: _open_front_door(owner, window, data_dir))


def _open_front_door(owner: QObject, window: QWidget, data_dir: Path) -> None:
    from facilitator.ui.single_instance import FrontDoor

    FrontDoor(data_dir, window, owner)
