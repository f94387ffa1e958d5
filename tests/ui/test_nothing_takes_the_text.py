"""When neither the database nor a recovery file takes what is typed, the console says so at
once — and no later retry message from the database covers it up; once the journal takes
writes again, the database's own trouble is what the leader reads."""

from __future__ import annotations

from typing import Any

from facilitator.app import Application
from tests.app_in_process import start_session


def test_the_nowhere_message_outranks_the_databases_until_the_journal_works(
    application: Application, qtbot: Any
) -> None:
    app = application
    assert app.services is not None
    running = start_session(app, qtbot)
    journal = app.services.storage.journal
    assert journal is not None
    text = running.console.notices.text

    journal.refusing.emit(True)
    assert "inte sparas någonstans" in text.text()
    app.services.storage.trouble.emit("Databasen används av ett annat program.")
    assert "inte sparas någonstans" in text.text()

    journal.refusing.emit(False)
    assert text.text() == "Databasen används av ett annat program."
