"""Ending a session and closing it by keyboard: Ctrl+E asks while steps remain (Esc keeps
the session going), the attendance and evaluation counts typed into their pages, and the
summary PDF exported through the save dialog. Judged by the database and the file.

One app for the module. The close-out test ends the session itself when the Ctrl+E test has
not, so either runs alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.hands import closeout, dialogs, kept, keys, leader, pixels, room
from tests.hands.app import App, launched
from tests.hands.desk import Desk

pytestmark = pytest.mark.hands

FIRST_STEP = "grund-1-vad-ar-kultur/valkommen"
WOMEN, MEN = 7, 5  # a one-digit first count: typed into "0", it must not become 70
# The first evaluation question ("kunskap"): Ja, mycket · Ja, lite · Nej
KNOWLEDGE = (6, 4, 2)


@pytest.fixture(scope="module")
def session(desk: Desk, tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    with launched(desk, tmp_path_factory.mktemp("closeout") / "app") as app:
        leader.run_a_session(app)
        app.until(lambda: kept.current_step(app.home) == FIRST_STEP, "the first step kept")
        yield app


def test_ctrl_e_asks_while_steps_remain_and_esc_keeps_the_session(session: App) -> None:
    app = session
    console = app.console()
    card = room.settled(app)
    keys.press(app.desk, "ctrl+e")
    question = dialogs.appears(app, dialogs.END_TITLE)
    pixels.keep(pixels.grab(app.desk, question.box), "closeout-end-question")
    keys.press(app.desk, "Escape")
    dialogs.closed(app, question, console)
    assert kept.session_status(app.home) == "running", "Esc ended the session"
    assert kept.current_step(app.home) == FIRST_STEP, "Esc moved the session"
    app.until(lambda: room.same_as(app, card), "the step's card still on the projector")

    closeout.end_by_keyboard(app, console)
    pixels.keep(pixels.grab(app.desk, console.box), "closeout-attendance")


def test_close_out_by_keyboard_down_to_the_summary_pdf(
    session: App, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = session
    console = app.console()
    if kept.session_status(app.home) == "running":
        closeout.end_by_keyboard(app, console)
    closeout.attendance_page(app, console)
    closeout.type_counts(app, console, WOMEN, MEN)
    closeout.save_page(app)
    closeout.evaluation_page(app, console)
    app.until(lambda: kept.attendance(app.home), "the attendance in the database")
    assert (kept.attendance(app.home)["women"], kept.attendance(app.home)["men"]) == (
        WOMEN,
        MEN,
    ), f"attendance kept as {kept.attendance(app.home)}"

    closeout.type_counts(app, console, *KNOWLEDGE)
    pixels.keep(pixels.grab(app.desk, console.box), "closeout-evaluation")
    closeout.save_page(app)
    closeout.last_page(app, console)
    counts = app.until(lambda: kept.evaluation_counts(app.home), "the evaluation in the database")
    assert [counts[("kunskap", option)] for option in range(3)] == list(KNOWLEDGE)
    pixels.keep(pixels.grab(app.desk, console.box), "closeout-last-page")

    target = tmp_path_factory.mktemp("summary") / "sammanfattning.pdf"
    closeout.export_summary(app, console, target)
    app.until(lambda: (str(target), "pdf") in kept.exports(app.home), "the export recorded")
    assert target.read_bytes().startswith(b"%PDF"), f"{target} is not a PDF"
