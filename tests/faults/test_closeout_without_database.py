"""The close-out while the database takes nothing (held by another program): it goes through
to its last page instead of waiting forever on the evaluation page, and says why the parking
lot is empty; what was counted waits in the recovery journal."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.app import Application
from facilitator.core.storage.records import AttendanceCounts
from tests.app_in_process import panel_of, start_session
from tests.e2e.locked_quit import LockHolder
from tests.faults.test_disk_full import type_reflection


def test_the_close_out_reaches_its_end_while_the_database_is_held(
    application: Application, qtbot: Any
) -> None:
    app = application
    assert app.services is not None and app.parts is not None
    running = start_session(app, qtbot)
    session = running.service.session_uuid
    modules = running.service.modules
    holder = LockHolder(app.services.paths.database_file)
    try:
        troubles: list[str] = []
        app.services.storage.trouble.connect(troubles.append)
        type_reflection(panel_of(running), qtbot, "Vad betyder tystnad i ett möte?")
        qtbot.waitUntil(lambda: bool(troubles), timeout=20_000)

        closeout = app.parts.closeout
        closeout.begin(session, modules, running.service.engine.initial_plan)
        closeout.attendance.saved.emit(AttendanceCounts(women=4, men=3))
        closeout.evaluation.skipped.emit()
        qtbot.waitUntil(lambda: app.window.current_page() is closeout.parking, timeout=2_000)
        notice = QApplication.activeModalWidget() or next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        )
        assert isinstance(notice, QMessageBox)
        assert "Parkeringen kunde inte visas" in notice.windowTitle()
        notice.close()
        journal = app.services.storage.journal
        assert journal is not None
        ops = [json.loads(line)["op"] for line in journal.file.read_text().splitlines()]
        assert "attendance" in ops and "reflection" in ops
    finally:
        holder.release()
