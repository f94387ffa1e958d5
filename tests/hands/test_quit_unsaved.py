"""Ctrl+Q while another program holds the database: the leader is told that changes have not
reached the database and where they are kept, Enter ("Vänta") keeps the app running, and once
the other program lets go the reflections land and the app quits as usual — nothing typed is
lost (issue 15: queued reflections used to vanish on quit under a locked database)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.locked_quit import LockHolder, database_of
from tests.hands import dialogs, entry, kept, keys, leader, pixels
from tests.hands.app import launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

UNSAVED_TITLE = "^Allt .+r inte sparat i databasen$"  # "Allt är inte sparat i databasen"
TEXTS = ("vi fragar forst", "tystnad kan betyda mycket", "ingen gissar")


def test_ctrl_q_under_a_held_lock_asks_enter_waits_and_nothing_is_lost(
    desk: Desk, tmp_path: Path
) -> None:
    home = tmp_path / "app"
    with launched(desk, home) as app:
        console = leader.run_a_session(app)
        holder = LockHolder(database_of(home))
        try:
            for text in TEXTS:
                entry.focus_reflection_entry(app, console)
                keys.type_text(desk, text)
                keys.press(desk, "Return")
            log = home / "logs" / "facilitator.log"
            app.until(
                lambda: "Database write failed" in log.read_text(encoding="utf-8"),
                "the locked database refusing a write",
            )
            assert not any(text for _s, _k, text in kept.reflections(home) if text in TEXTS)

            keys.press(desk, "ctrl+q")
            question = dialogs.appears(app, UNSAVED_TITLE)
            pixels.keep(pixels.grab(desk, question.box), "quit-unsaved-question")
            keys.press(desk, "Return")  # the default: "Vänta"
            dialogs.closed(app, question, console)
            assert app.proc.poll() is None, "Vänta quit the app"
        finally:
            holder.release()
        app.until(
            lambda: {t for _s, _k, t in kept.reflections(home)} >= set(TEXTS),
            "the three reflections in the database once the lock is gone",
            timeout=45.0,
        )
        keys.press(desk, "ctrl+q")
        question = dialogs.appears(app, dialogs.QUIT_TITLE)  # nothing unsaved: the usual one
        dialogs.choose_action(app, question)
        try:
            app.proc.wait(timeout=5.0)
        except subprocess.TimeoutExpired:
            raise AssertionError("the app still runs after Avsluta appen") from None
    assert not list((home / "data" / "recovery").glob("*.jsonl")), "a journal was left behind"
