"""Grund 1's film step with real keys, judged by the projector's pixels and the database: the
film plays, Space pauses and plays it, it stops at its pause point with the question (a card
in place of the letterboxed film), PageDown plays on, and at the film's end PageDown moves on.
Leaving the film mid-way and coming back continues it where it was, not from 0:00. And while
the film plays, the console stays on the laptop's monitor.

One app for the module; each test first goes to the film step (and, where it matters, back to
the film's start with J), so the tests may run in any order or alone. L skips ten seconds, so
the film's 3:37 take seconds, not minutes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hands import film, kept, keys, leader, pixels, room, windows
from tests.hands.app import App, launched
from tests.hands.desk import LAPTOP, Desk
from tests.hands.windows import Window

pytestmark = pytest.mark.hands

MODULE = "grund-1-vad-ar-kultur"
FILM_STEP = f"{MODULE}/film"
NEXT_STEP = f"{MODULE}/larde-mig"
# Skips land a few seconds before the pause point and the end (film.py); the film plays on.
TO_THE_PAUSE_POINT = 20.0


@pytest.fixture(scope="module")
def session(desk: Desk, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with launched(desk, tmp_path_factory.mktemp("film") / "app") as app:
        leader.run_a_session(app)
        yield app


@pytest.fixture
def console(session: App) -> Window:
    return session.console()


@pytest.fixture
def film_playing(session: App, console: Window) -> App:
    """On the film step with the film on the projector, wherever in the film it is."""
    leader.go_to_step(session, FILM_STEP)
    session.until(lambda: film.showing_film(session), "the film on the projector")
    return session


@pytest.fixture
def film_from_start(film_playing: App) -> App:
    """The film from its start, whatever an earlier test left: J to 0:00 and out to the next
    step at once (a film left at its start is not remembered), then back, so the projector
    shows the film's first picture and nothing older."""
    app = film_playing
    film.skip(app, 0, from_the_start=True)
    keys.press(app.desk, "Next")
    app.until(lambda: kept.current_step(app.home) == NEXT_STEP, "the next step kept")
    app.until(lambda: film.showing_card(app), "the next step's card")
    keys.press(app.desk, "Prior")
    app.until(lambda: kept.current_step(app.home) == FILM_STEP, "the film step again")
    app.until(lambda: film.showing_film(app), "the film from its start")
    return app


def test_film_plays_pauses_asks_its_question_and_moves_on_at_its_end(
    film_from_start: App, console: Window
) -> None:
    app = film_from_start
    pixels.keep(film.plays(app, console, "from the start"), "film-1-playing")

    keys.press(app.desk, "space")
    pixels.keep(film.stands_still(app, console, "after Space"), "film-2-paused")
    keys.press(app.desk, "space")
    film.plays(app, console, "after Space again")

    # From 0:00 (the checks above took seconds of film), to a little before the pause point.
    film.skip(app, film.SKIPS_TO_BEFORE_THE_PAUSE_POINT, from_the_start=True)
    question = app.until(
        lambda: film.showing_card(app), "the pause question", timeout=TO_THE_PAUSE_POINT
    )
    pixels.keep(room.settled(app), "film-3-pause-question")
    assert kept.current_step(app.home) == FILM_STEP, "the pause point moved the session"

    keys.press(app.desk, "Next")  # at the question: play on, stay on the step
    pixels.keep(film.plays(app, console, "after PageDown at the question"), "film-4-plays-on")
    assert kept.current_step(app.home) == FILM_STEP, "PageDown at the question left the film"

    film.skip(app, film.SKIPS_TO_BEFORE_THE_END)
    end = app.until(
        lambda: (
            (card := film.showing_card(app)) is not None
            and pixels.changed_share(question, card) > room.NEW_CARD_SHARE
            and card
        ),
        "the question after the film",
        timeout=TO_THE_PAUSE_POINT,
    )
    pixels.keep(room.settled(app), "film-5-question-after")
    assert kept.current_step(app.home) == FILM_STEP, "the film's end moved the session"

    keys.press(app.desk, "Next")
    app.until(lambda: kept.current_step(app.home) == NEXT_STEP, "the next step kept")
    shown = app.until(lambda: room.changed_from(app, end), "the next step's card")
    assert not film.letterboxed(shown), "the film still shows on the next step"


def test_back_to_a_film_left_mid_way_continues_where_it_was(
    film_from_start: App, console: Window
) -> None:
    app = film_from_start
    start = film.slide(app.until(lambda: film.showing_film(app), "the film's first picture"))
    pixels.keep(start, "film-back-1-start")
    film.skip(app, 3)  # to about 0:30, another picture than the first (which lasts 20 s)
    left = app.until(
        lambda: (
            (now := film.showing_film(app)) is not None
            and pixels.changed_share(start, film.slide(now)) > room.NEW_CARD_SHARE
            and now
        ),
        "the film 30 s on",
    )
    pixels.keep(left, "film-back-2-left-at")

    keys.press(app.desk, "Next")
    app.until(lambda: kept.current_step(app.home) == NEXT_STEP, "the next step kept")
    app.until(lambda: film.showing_card(app), "the next step's card")
    keys.press(app.desk, "Prior")
    app.until(lambda: kept.current_step(app.home) == FILM_STEP, "the film step again")
    back = app.until(lambda: film.showing_film(app), "the film again")
    pixels.keep(back, "film-back-3-again")
    assert pixels.changed_share(start, film.slide(back)) > room.NEW_CARD_SHARE, (
        "the film began again from 0:00"
    )
    assert pixels.changed_share(film.slide(left), film.slide(back)) < room.NEW_CARD_SHARE / 3, (
        "the film is not where it was left"
    )


def test_console_stays_on_the_laptop_while_the_film_plays(
    film_playing: App, console: Window
) -> None:
    app = film_playing
    film.clock_ticks(app, console, "for the layout")
    now = windows.geometry(app.desk, console.id)
    pixels.keep(pixels.grab(app.desk), "film-layout-desk")
    assert now is not None, "the console window went away"
    assert now.width <= LAPTOP.width, f"the console ({now}) is wider than the laptop's monitor"
    assert LAPTOP.contains(now), f"the console ({now}) left the laptop's monitor {LAPTOP}"
