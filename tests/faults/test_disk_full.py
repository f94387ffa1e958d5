"""The disk fills up during a session: the leader is told in Swedish, what was typed waits in
the serial writer's queue, and once there is room again it reaches the disk — nothing lost.

The full disk is real SQLite behaviour: ``PRAGMA max_page_count`` caps the app's own database
file at the size it has, so the next write that needs a page fails with SQLITE_FULL, exactly
as on a full disk. The pragma lasts only as long as a connection, so it is applied to every
connection the app's engine opens until the cap is lifted."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import Qt

from facilitator.app import Application
from facilitator.ui.serial_writer import RETRY_MS
from tests.app_in_process import panel_of, reflections_on_disk, start_session

# Long enough to need overflow pages: the capped file has no room for it.
LONG = ("Vi pratade länge om tystnad, tid och att fråga hellre än att gissa. " * 400).strip()


class PageCap:
    """``max_page_count`` on every connection of an Engine, switchable."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self._engine = engine
        self.pages: int | None = None
        event.listen(engine, "connect", self._apply)

    def _apply(self, dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if self.pages is not None:
            dbapi_connection.execute(f"PRAGMA max_page_count={self.pages}")

    def set(self, pages: int | None) -> None:
        self.pages = pages
        # Pooled connections predate the change; the next write opens a new one.
        self._engine.dispose()


def _page_count(engine: Any) -> int:
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())


def type_reflection(panel: Any, qtbot: Any, text: str) -> None:
    panel.entry.setPlainText(text)
    qtbot.keyClick(panel.entry, Qt.Key.Key_Return)


def test_disk_full_keeps_the_words_and_saves_them_once_there_is_room(
    application: Application, qtbot: Any
) -> None:
    app = application
    running = start_session(app, qtbot)
    panel = panel_of(running)
    database = app.services.paths.database_file
    engine = app.services.storage._database.engine  # the app's own: the cap applies to its writes
    cap = PageCap(engine)
    type_reflection(panel, qtbot, "Sparad innan disken blev full.")
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    before = reflections_on_disk(database)
    assert list(before.values()) == ["Sparad innan disken blev full."]

    cap.set(_page_count(engine))
    troubles: list[str] = []
    app.services.storage.trouble.connect(troubles.append)
    recovered: list[None] = []
    app.services.storage.recovered.connect(recovered.append)
    type_reflection(panel, qtbot, LONG)
    qtbot.waitUntil(lambda: len(troubles) == 1, timeout=10_000)
    message = troubles[0]
    assert message.startswith("Disken är full, så det senaste kunde inte sparas.")
    assert "det du skrev finns kvar i programmet" in message
    console = running.console
    assert console.notices.isVisible()
    assert console.notices.text.text() == message
    assert panel.save_state.text() == "Inte sparat ännu – försöker igen"
    # A second reflection typed meanwhile waits behind the first; the next retry fails too.
    type_reflection(panel, qtbot, "Skriven medan disken var full.")
    qtbot.waitUntil(lambda: len(troubles) == 2, timeout=RETRY_MS[0] + 10_000)
    assert panel.save_state.text() == "Inte sparat ännu – försöker igen"
    assert app.services.storage.pending == 2  # both kept, none dropped
    assert reflections_on_disk(database) == before  # nothing half-written

    # Room again: the retry (after RETRY_MS) lands both writes, in the order typed.
    cap.set(None)
    qtbot.waitUntil(lambda: bool(recovered), timeout=RETRY_MS[2] + 10_000)
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    after = reflections_on_disk(database)
    assert sorted(after.values()) == sorted(
        ["Sparad innan disken blev full.", LONG, "Skriven medan disken var full."]
    )
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        order = [row[0] for row in connection.execute("SELECT text FROM reflections ORDER BY id")]
    assert order[1:] == [LONG, "Skriven medan disken var full."]
    assert not console.notices.isVisible()
    qtbot.waitUntil(lambda: panel.save_state.text() == "Sparat", timeout=5_000)
