"""The group answers from their phones (issue 20), walked as a leader with a keyboard, a
clicker and a mouse: the phones turned on in the run sheet, the projector's QR code and room
code read off its pixels, phones answering over HTTP while the leader steers and types. What
the room sees and what is lost: the clicker never approves; Tab+Enter and a click do; typing
is not disturbed by arriving answers; Mobilsvar off and on keeps the code, the cookies and the
waiting answers; after Ctrl+Q and after kill -9 the server is gone with the process, and the
answers still waiting are back in the leader's list when the session continues; at the end
the phone's page says the session is over."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.hands import (
    closeout,
    entry,
    focus,
    kept,
    keys,
    leader,
    library,
    phones,
    pixels,
    room,
    run_sheet,
)
from tests.hands.app import App, launched
from tests.hands.desk import Desk
from tests.hands.test_quit import continue_at_start, quit_by_keyboard
from tests.hands.windows import Window
from tests.phones_web.phone_rig import Phone

pytestmark = pytest.mark.hands

MODULE = "grund-1-vad-ar-kultur"
PROMPT_STEP = f"{MODULE}/ordet-kultur"
REFLECTION = "vi pratar om kultur"


@pytest.fixture(autouse=True)
def _phones_here(monkeypatch: pytest.MonkeyPatch) -> None:
    missing = phones.missing_tools()
    if missing:
        pytest.skip(f"reading the projector's join panel needs {', '.join(missing)}")
    monkeypatch.setenv("FACILITATOR_PHONES_ADDRESS", phones.ADDRESS)


def statuses(home: Path) -> dict[str, str]:
    return dict(kept.rows(home, "SELECT text, status FROM phone_answers WHERE text IS NOT NULL"))


def turn_phones_on_in_the_run_sheet(app: App, console: Window) -> None:
    """Tab from the step table to "Deltagarna svarar på mobilen" (a check box: a short, wide
    frame on the bottom row) and tick it with Space; the choice is remembered."""
    for _ in range(15):
        frame = focus.move(app, console)
        if frame.height < 25 and frame.width > 150 and frame.top > console.box.height - 80:
            break
    keys.press(app.desk, "space")
    settings = app.home / "config" / "settings.toml"
    app.until(lambda: settings.exists() and "phones_on = true" in settings.read_text(), "phones on")


def join_from_the_projector(app: App) -> Phone:
    """A participant scans the QR code and types the code the projector shows."""
    address = app.until(lambda: phones.scanned_address(app), "a readable QR code")
    assert address.startswith(f"http://{phones.ADDRESS}:"), address
    code = app.until(lambda: phones.room_code(app), "a readable room code")
    phone = Phone(phones.port_of(address))
    assert phone.join(code).status == 303
    return phone


def send(phone: Phone, text: str) -> None:
    reply = phone.answer(text)
    assert reply.status == 200 and "Skickat" in reply.body, reply.body[:400]


def approve_oldest_by_keys(app: App, console: Window, home: Path, text: str) -> None:
    """Tab to the oldest waiting answer's "Visa för gruppen", Enter: the room sees it."""
    before = room.settled(app)
    phones.tab_to_first_answer(app, console)
    keys.press(app.desk, "Return")
    app.until(lambda: statuses(home).get(text) == "approved", f"{text!r} approved")
    app.until(lambda: room.changed_from(app, before), "the approved answer on the projector")


def test_phones_with_keys_clicker_and_mouse_through_quit_and_kill(
    desk: Desk, tmp_path: Path
) -> None:
    home = tmp_path / "app"
    with launched(desk, home) as app:
        console = library.wait_until_usable(app)
        keys.focus(desk, console.id)
        library.choose_module(app, console, 2)
        library.open_planner(app, console)
        turn_phones_on_in_the_run_sheet(app, console)

        run_sheet.start_session(app)
        keys.press(desk, "Next")
        app.until(lambda: kept.current_step(home) == PROMPT_STEP, "the prompt step")
        phone = join_from_the_projector(app)
        port = phone.port
        pixels.keep(pixels.projector(desk), "phones-1-join-panel")
        send(phone, "mat och musik")
        send(phone, "vanor")
        app.until(lambda: len(statuses(home)) == 2, "two answers kept")

        # The clicker's keys steer; none of them says yes to an answer.
        keys.press(desk, "b")
        app.until(lambda: room.black(app), "B to black the projector")
        keys.press(desk, "period")
        app.until(lambda: room.showing_text(app), "'.' to bring the picture back")
        keys.press(desk, "Next")
        app.until(lambda: kept.current_step(home) != PROMPT_STEP, "PageDown to the next step")
        keys.press(desk, "Left")
        app.until(lambda: kept.current_step(home) == PROMPT_STEP, "Left back to the prompt")
        assert set(statuses(home).values()) == {"pending"}, "a clicker key approved an answer"

        # Tab and Enter, then a click: the room sees each, as a reflection.
        approve_oldest_by_keys(app, console, home, "mat och musik")
        button = app.until(lambda: focus.frame(app, console), "the keyboard on the next answer")
        phones.click(app, button)
        app.until(lambda: statuses(home).get("vanor") == "approved", "the click approved")
        shown = [r[2] for r in kept.reflections(home) if r[0] == PROMPT_STEP]
        assert shown == ["mat och musik", "vanor"]

        # Typing while answers arrive: no letter lost, the keyboard stays in the entry.
        entry.focus_reflection_entry(app, console)
        keys.type_text(desk, "vi pratar")
        send(phone, "ett")
        keys.type_text(desk, " om kultur")
        keys.press(desk, "Return")
        app.until(
            lambda: (PROMPT_STEP, "note", REFLECTION) in kept.reflections(home),
            "the whole reflection, typed while an answer arrived",
        )

        # Mobilsvar off and on: the code, the cookie and the waiting answer hold.
        keys.press(desk, "ctrl+m")
        app.until(lambda: not phones.port_open(port), "the server stopped by Ctrl+M")
        keys.press(desk, "ctrl+m")
        app.until(lambda: phones.port_open(port), "the server back by Ctrl+M")
        send(phone, "språk")  # the same cookie, no new code typed
        app.until(lambda: statuses(home).get("språk") == "pending", "an answer after on again")
        quit_by_keyboard(app)
        assert not phones.port_open(port), "the phones' server outlived the app"

    with launched(desk, home) as app:
        continue_at_start(app)
        console = app.console()
        phone = join_from_the_projector(app)  # a new start: a new code
        approve_oldest_by_keys(app, console, home, "ett")  # waited through the quit
        send(phone, "efter omstart")
        os.kill(app.proc.pid, signal.SIGKILL)
        app.proc.wait(timeout=10)
        assert not phones.port_open(phone.port), "the port still answers after kill -9"

    with launched(desk, home) as app:
        continue_at_start(app)
        console = app.console()
        phone = join_from_the_projector(app)
        approve_oldest_by_keys(app, console, home, "språk")
        approve_oldest_by_keys(app, console, home, "efter omstart")  # waited through kill -9
        leader.go_to_step(app, f"{MODULE}/avslutning")
        keys.press(desk, "Next")  # on the last step: the close-out, without a question
        closeout.attendance_page(app, console)
        assert "Sessionen är slut" in phone.get("/").body
    try:
        phone.get("/")
    except OSError:
        return
    raise AssertionError("the phones' page still answers after the app has closed")
