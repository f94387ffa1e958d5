"""Each presenter-clicker key in a running session, pressed for real, judged by what the room
sees and by what the database says of the session (its step, paused or not, extra minutes).
One app for the module; every test starts from the first step with nothing over it (see
`at_first_step`), so the tests may run in any order or alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PIL import Image

from tests.hands import kept, keys, leader, pixels, room
from tests.hands.app import App, launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

MODULE = "grund-1-vad-ar-kultur"
FIRST_STEP = f"{MODULE}/valkommen"
SECOND_STEP = f"{MODULE}/ordet-kultur"


@pytest.fixture(scope="module")
def session(desk: Desk, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with launched(desk, tmp_path_factory.mktemp("clicker") / "app") as app:
        leader.run_a_session(app)
        app.until(lambda: kept.current_step(app.home) == FIRST_STEP, "the first step kept")
        yield app


@pytest.fixture(scope="module")
def first_card(session: App) -> Image.Image:
    """What the room sees on the first step (a text card without a countdown)."""
    return room.settled(session)


@pytest.fixture
def at_first_step(session: App, first_card: Image.Image) -> App:
    """Back to the first step with the card showing, whatever an earlier test left: out of a
    pause, PageUp to the start, then one step on and back, which also lifts a black screen or
    the rules."""
    if kept.engine_state(session.home).get("state") == "paused":
        keys.press(session.desk, "p")
        session.until(lambda: kept.engine_state(session.home)["state"] == "running", "running")
    while (step := kept.current_step(session.home)) != FIRST_STEP:
        keys.press(session.desk, "Prior")
        session.until(lambda: kept.current_step(session.home) != step, "a step back")
    keys.press(session.desk, "Next")
    session.until(lambda: kept.current_step(session.home) == SECOND_STEP, "the second step")
    keys.press(session.desk, "Prior")
    session.until(lambda: kept.current_step(session.home) == FIRST_STEP, "the first step")
    session.until(lambda: room.same_as(session, first_card), "the first card on the projector")
    return session


@pytest.mark.parametrize("key", ["Next", "Right", "space"], ids=["PageDown", "Right", "Space"])
def test_forward_keys_move_to_the_next_step(
    at_first_step: App, first_card: Image.Image, key: str
) -> None:
    app = at_first_step
    keys.press(app.desk, key)
    app.until(lambda: kept.current_step(app.home) == SECOND_STEP, "the next step kept")
    shown = app.until(lambda: room.changed_from(app, first_card), "the next card")
    assert pixels.has_text(shown) and not pixels.is_black(shown)


@pytest.mark.parametrize("key", ["Prior", "Left"], ids=["PageUp", "Left"])
def test_back_keys_return_to_the_step_before(
    at_first_step: App, first_card: Image.Image, key: str
) -> None:
    app = at_first_step
    keys.press(app.desk, "Next")
    app.until(lambda: kept.current_step(app.home) == SECOND_STEP, "the second step")
    app.until(lambda: room.changed_from(app, first_card), "the second card")
    keys.press(app.desk, key)
    app.until(lambda: kept.current_step(app.home) == FIRST_STEP, "the first step again")
    app.until(lambda: room.same_as(app, first_card), "the first card again")


@pytest.mark.parametrize("key", ["b", "period"], ids=["B", "."])
def test_black_screen_keys_toggle(at_first_step: App, first_card: Image.Image, key: str) -> None:
    app = at_first_step
    keys.press(app.desk, key)
    pixels.keep(app.until(lambda: room.black(app), "a black projector"), f"clicker-black-{key}")
    keys.press(app.desk, key)
    app.until(lambda: room.same_as(app, first_card), "the card back after a second press")
    assert kept.current_step(app.home) == FIRST_STEP, "blacking out moved the session"


def test_r_shows_the_conversation_rules_and_hides_them(
    at_first_step: App, first_card: Image.Image
) -> None:
    app = at_first_step
    keys.press(app.desk, "r")
    app.until(lambda: room.changed_from(app, first_card), "the rules card")
    rules = room.settled(app)
    pixels.keep(rules, "clicker-rules")
    assert pixels.has_text(rules) and not pixels.is_black(rules)
    keys.press(app.desk, "r")
    app.until(lambda: room.same_as(app, first_card), "the step's card back")


def test_p_pauses_and_resumes(at_first_step: App, first_card: Image.Image) -> None:
    app = at_first_step
    keys.press(app.desk, "p")
    app.until(lambda: kept.engine_state(app.home)["state"] == "paused", "the pause kept")
    paused = app.until(lambda: room.changed_from(app, first_card), "the pause card")
    pixels.keep(room.settled(app), "clicker-pause")
    assert pixels.has_text(paused) and not pixels.is_black(paused)
    keys.press(app.desk, "p")
    app.until(lambda: kept.engine_state(app.home)["state"] == "running", "running again")
    app.until(lambda: room.same_as(app, first_card), "the step's card back")


def test_plus_gives_the_step_one_more_minute(at_first_step: App) -> None:
    app = at_first_step

    def extended() -> int:
        return int(kept.engine_state(app.home)["steps"][FIRST_STEP]["extended_seconds"])

    before = extended()
    keys.press(app.desk, "plus")
    app.until(lambda: extended() == before + 60, "one more minute kept for the step")
