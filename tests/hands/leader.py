"""A leader's ways by keyboard only: from a fresh start to a running session, and from step
to step in it."""

from __future__ import annotations

from tests.hands import kept, keys, library, pixels, room, run_sheet
from tests.hands.app import App
from tests.hands.desk import Box
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


def step_heading(console: Window) -> Box:
    """The console's heading: the current step's title (left of the clock, which ticks)."""
    b = console.box
    return Box(b.left, b.top, b.width // 2, 80)


def go_to_step(app: App, key: str) -> None:
    """PageDown or PageUp, one press at a time, until the session is at step ``key`` (of the
    plan it was started with)."""
    console = app.console()
    # The session's first place reaches the file a moment after the session is on screen.
    app.until(lambda: kept.current_step(app.home) is not None, "the session's step on disk")
    plan = kept.session_plan(app.home) or {"steps": []}
    order = [step["key"] for step in plan["steps"] if not step["skipped"]]
    while (now := kept.current_step(app.home)) != key:
        assert now is not None and now in order and key in order, f"{now} or {key} not in {order}"
        press_once(app, console, now, "Next" if order.index(now) < order.index(key) else "Prior")


def press_once(app: App, console: Window, now: str, key: str) -> None:
    """Press ``key`` (Next or Prior) at step ``now`` and wait for what it does. Not every
    press moves: a card too long for one screen turns its page first, and at a film's pause
    question PageDown plays on. So the projector changes; only when the console's heading
    changed too did the step, and then the database shows it."""
    heading = pixels.grab(app.desk, step_heading(console))
    before = room.settled(app)
    keys.press(app.desk, key)
    app.until(lambda: room.changed_from(app, before), f"a step or a page on from {now}")
    room.settled(app)
    if pixels.changed_share(heading, pixels.grab(app.desk, step_heading(console))) > 0:
        app.until(lambda: kept.current_step(app.home) != now, f"a step on from {now}")
