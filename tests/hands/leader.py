"""A leader's way from a fresh start to a running session, by keyboard only."""

from __future__ import annotations

from tests.hands import keys, library, run_sheet
from tests.hands.app import App
from tests.hands.windows import Window


def run_a_session(app: App, position: int = 2) -> Window:
    """Library → the ``position``-th module at its default length → run sheet as it comes →
    F5. Returns the console window."""
    console = library.wait_until_usable(app)
    keys.focus(app.desk, console.id)
    library.choose_module(app, console, position)
    library.open_planner(app, console)
    run_sheet.start_session(app)
    return console
