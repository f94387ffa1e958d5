"""The database held locked by another process: nothing the app accepted is lost, however it
ends, and a start under the lock waits for the database instead of giving up on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.kill_resume import MODULE, DrivenApp
from tests.e2e.locked_quit import (
    ENDINGS,
    LockedQuitResult,
    LockHolder,
    database_of,
    one_round,
    reflections_in_order,
)


@pytest.mark.parametrize("ending", ENDINGS)
def test_three_reflections_under_a_held_lock_survive_the_end_of_the_app(
    tmp_path: Path, ending: str
) -> None:
    result = LockedQuitResult()
    one_round(tmp_path / "home", ending, result, 0)
    assert len(result.accepted) == 3
    assert result.lost == []
    assert result.journals_left == 0  # replayed into the database, then removed
    # The database's busy timeout is the most a locked database holds the quit up.
    assert result.quit_seconds[0] < 10


def test_a_start_under_a_held_lock_waits_and_then_saves_in_order(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = DrivenApp(home)  # creates the database
    first.wait_for("ready")
    first.wait_for("no_interrupted")
    first.send(do="quit")
    first.proc.wait(timeout=60)

    holder = LockHolder(database_of(home), readers_too=True)
    app = DrivenApp(home)
    try:
        app.wait_for("ready")
        waiting = app.wait_for("storage_waiting")["message"]
        assert "används av ett annat program" in waiting
        assert "försöker öppna den igen" in waiting
        app.send(do="plan", modules=[MODULE], minutes=75)
        app.wait_for("planned")
        app.send(do="start", rehearse=True)
        app.wait_for("started")
        texts = [f"Rad {n} medan databasen var låst." for n in range(3)]
        for text in texts:
            app.send(do="reflect", kind="note", text=text)
            app.wait_for("accepted")
        holder.release()
        saved = [app.wait_for("saved")["text"] for _ in texts]
        assert saved == texts
        assert reflections_in_order(home) == texts
        app.send(do="quit")
        app.proc.wait(timeout=60)
    finally:
        holder.release()
        if app.proc.poll() is None:
            app.kill()
