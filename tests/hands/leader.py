"""A leader's way from a fresh start to a running session, by keyboard only."""

from __future__ import annotations

from tests.hands import kept, keys, library, run_sheet
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


def go_to_step(app: App, key: str) -> None:
    """PageDown or PageUp, one step at a time, until the session is at step ``key`` (of the
    plan it was started with). One step at a time: a film's pause question would take a
    PageDown for itself, and the database shows each move."""
    plan = kept.session_plan(app.home) or {"steps": []}
    order = [step["key"] for step in plan["steps"] if not step["skipped"]]
    while (now := kept.current_step(app.home)) != key:
        assert now in order and key in order, f"{now} or {key} is not in the plan {order}"
        keys.press(app.desk, "Next" if order.index(now) < order.index(key) else "Prior")
        app.until(lambda: kept.current_step(app.home) != now, f"a step on from {now}")
