"""The process around the app: is there a display, the Qt application, the data folder's lock
(a second start hands over to the first), the scripted driver, and the way out. The CLI calls
``run_app``; the app itself is composed in ``facilitator.app``."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from facilitator.app import Application
from facilitator.core import i18n
from facilitator.startup import Startup, prepare
from facilitator.ui.leaving import leave
from facilitator.ui.process_guard import claim_folder, guard_process
from facilitator.ui.qt_setup import display_problem, install_qt_translation


def run_app(
    *,
    startup: Startup | None = None,
    portable: bool = False,
    language: str | None = None,
    exit_when_ready: bool = False,
    ready_then_wait: bool = False,
    drive: bool = False,
    argv: Sequence[str] = (),
) -> int:
    if startup is None:
        startup = prepare(portable, language)
    problem = display_problem(os.environ, sys.platform)
    if problem:
        # Without this, Qt aborts the process with a message about platform plugins.
        sys.stderr.write(problem + "\n")
        return 1
    qapp = QApplication(list(argv) or sys.argv[:1])
    qapp.setApplicationName("Facilitator")
    install_qt_translation(qapp, i18n.active_language())
    data_dir = startup.paths.data_dir
    lock = claim_folder(data_dir)  # held while the app runs
    if lock is None:
        from facilitator.ui.single_instance import hand_over

        return hand_over(data_dir, interactive=not (drive or exit_when_ready or ready_then_wait))
    application = Application(qapp, startup, interactive=not drive)
    guard_process(
        application, application.window, application.quit_now, data_dir, application.assembled
    )
    if drive:
        from facilitator.ui.driver import Driver

        def attach() -> None:
            # Once the parts exist: the driver listens, then says ready.
            assert application.services is not None and application.parts is not None
            Driver(application.services, application.parts)

        application.assembled.connect(attach)
        application.start([], exit_when_ready=False)
    else:
        application.start(startup.problems, exit_when_ready, ready_then_wait)
    code = qapp.exec()
    # Everything durable is done once shutdown has run (see ui/leaving.py).
    return leave(code) if application.shut_down else code
