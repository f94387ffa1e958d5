"""The planner asks where the session is held and (optionally) who leads it; both are
remembered for the next plan and recorded with the session, so the summary says where."""

from __future__ import annotations

import sqlite3

from tests.ui.test_planner_length import plan_in_planner


def test_place_and_leader_are_asked_remembered_and_recorded(qtbot, application) -> None:
    planner = plan_in_planner(application, qtbot)
    assert planner.place() == "" and planner.leader() == ""
    planner.place_edit.setText("  Kalmar, Stadshuset ")
    planner.leader_edit.setText("Amina Hassan")
    with qtbot.waitSignal(application.parts.launcher.opened, timeout=10_000):
        application.parts.planning.start(True)
    running = application.parts.launcher.current
    assert running is not None
    settings = application.services.settings.current
    assert (settings.last_place, settings.leader_name) == ("Kalmar, Stadshuset", "Amina Hassan")
    running.service.end()
    qtbot.waitUntil(lambda: application.services.storage.pending == 0, timeout=10_000)
    with sqlite3.connect(f"file:{application.services.paths.database_file}?mode=ro", uri=True) as c:
        assert c.execute("SELECT place, leader_name FROM sessions").fetchall() == [
            ("Kalmar, Stadshuset", "Amina Hassan")
        ]
    planner = plan_in_planner(application, qtbot, 45)  # the next plan offers the same again
    assert (planner.place(), planner.leader()) == ("Kalmar, Stadshuset", "Amina Hassan")
