"""A real phone browser (Debian's headless Chromium through Selenium and chromedriver, at a
phone's size) joins a running session on 127.0.0.1 with the room code, answers a prompt and
an evaluation, and the answers are read back from the database and from the room (what the
console's moderation list shows). Also: without JavaScript, with the text size raised to 200 %,
every input labelled, ``lang``, and participant text never run as markup.

The question page's screenshot is written to ``$PHONE_PAGE_SHOT`` when set (for
docs/screenshots/phone-page.png), else into the test's temporary folder:

    PHONE_PAGE_SHOT=docs/screenshots/phone-page.png pytest tests/phones_web/test_browser.py
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from facilitator.core.phones.moderation import Moderation
from facilitator.core.phones.question import EvaluationItem, evaluation, prompt
from tests.phones_web.browser import (
    MISSING,
    NORMAL_FONT_PX,
    PHONE_WIDTH,
    arrive,
    button,
    by_label,
    lang,
    layout_problems,
    link,
    option,
    page_width,
    phone_browser,
    press,
    tap,
    unlabelled_inputs,
)
from tests.phones_web.phone_rig import PhoneSession, phone_session

pytestmark = [
    pytest.mark.skipif(MISSING is not None, reason=MISSING or ""),
    pytest.mark.timeout(60),
]

CODE = "482913"
QUESTION = prompt("m/samtal", "Vad tar du med dig från filmen?")
EVALUATION = evaluation(
    "m/utvardering",
    "Utvärdering",
    [
        EvaluationItem("kunskap", "Vet du mer nu än innan?", ("Ja", "Lite", "Nej")),
        EvaluationItem("nytta", "Har du nytta av det i jobbet?", ("Ja", "Nej")),
    ],
)
ANSWER = "Att fråga i stället för att gissa – och lyssna klart."
HOSTILE = (
    '<script>document.title="kört"</script><img src=x onerror="document.title=1">'
    '"><b id="injected">fet</b>'
)


def join(driver: Any, s: PhoneSession, activate: Callable[[Any], None] = tap) -> None:
    driver.get(f"http://127.0.0.1:{s.port}/")
    arrive(driver, "Gå med i samtalet")
    by_label(driver, "Rumskod").send_keys(CODE)
    activate(button(driver, "Gå med"))


def no_markup_ran(driver: Any) -> None:
    injected = driver.execute_script(
        # The page's own script (static/phone.js) is the one script there may be.
        "return [document.querySelectorAll("
        "'script:not([src=\"/static/phone.js\"]), img, b, #injected').length, document.title]"
    )
    assert injected[0] == 0
    assert "kört" not in injected[1] and injected[1] != "1"


def test_a_phone_browser_joins_answers_a_prompt_and_an_evaluation(tmp_path: Path) -> None:
    shot = Path(os.environ.get("PHONE_PAGE_SHOT") or tmp_path / "phone-page.png")
    with phone_session(code=CODE) as s, phone_browser() as phone:
        join(phone, s)
        arrive(phone, "Ingen fråga just nu – vänta på samtalsledaren")
        assert lang(phone) == "sv"

        # The leader's step asks the room; the phone sees it after "Uppdatera".
        s.room.open_question(QUESTION)
        link(phone, "Uppdatera").click()
        arrive(phone, "Din fråga")
        assert page_width(phone)[0] == PHONE_WIDTH
        assert unlabelled_inputs(phone) == []
        assert layout_problems(phone) == []
        field = by_label(phone, "Vad tar du med dig från filmen?")
        field.send_keys(ANSWER)
        shot.parent.mkdir(parents=True, exist_ok=True)
        phone.save_screenshot(str(shot))
        button(phone, "Skicka").click()
        arrive(phone, "Skickat")
        assert "Ditt svar är sparat." in phone.page_source
        assert s.rows() == [(ANSWER, None, "pending")]
        assert [(a.text, a.status) for a in s.room.answers()] == [(ANSWER, Moderation.PENDING)]

        # Typed markup is stored as typed and never becomes part of a page.
        link(phone, "Tillbaka till frågan").click()
        arrive(phone, "Din fråga")
        by_label(phone, "Vad tar du med dig från filmen?").send_keys(HOSTILE)
        button(phone, "Skicka").click()
        arrive(phone, "Skickat")
        no_markup_ran(phone)
        link(phone, "Tillbaka till frågan").click()
        arrive(phone, "Din fråga")
        no_markup_ran(phone)
        assert sorted(r[0] for r in s.rows()) == sorted([ANSWER, HOSTILE])
        assert HOSTILE in [a.text for a in s.room.answers()]

        # The evaluation: the items after "Uppdatera", one option tapped per item.
        s.room.open_question(EVALUATION)
        link(phone, "Uppdatera").click()
        arrive(phone, "Din fråga")
        assert unlabelled_inputs(phone) == []
        assert layout_problems(phone) == []
        option(phone, "Vet du mer nu än innan?", "Lite").click()
        option(phone, "Har du nytta av det i jobbet?", "Ja").click()
        button(phone, "Skicka").click()
        arrive(phone, "Skickat")
        chosen = "SELECT question_key, option_index, option_text, status FROM phone_answers"
        assert sorted(r for r in s.rows(chosen) if r[0]) == [
            ("kunskap", 1, "Lite", "approved"),
            ("nytta", 0, "Ja", "approved"),
        ]
        counted: list[Any] = []
        with s.owner.lock:
            s.room.evaluation_counts(counted.append)
        assert counted[0].devices == 1
        assert counted[0].count("kunskap", 1) == 1 and counted[0].count("nytta", 0) == 1
        assert {(a.question_key, a.option_text) for a in s.room.answers() if a.question_key} == {
            ("kunskap", "Lite"),
            ("nytta", "Ja"),
        }

        # English by the link, for someone who cannot read Swedish.
        link(phone, "In English").click()
        WebDriverWait(phone, 10).until(lambda d: lang(d) == "en")
        assert link(phone, "På svenska").get_attribute("lang") == "sv"
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_without_javascript_and_with_the_text_twice_as_large() -> None:
    """A phone with JavaScript off and its text size at 200 %, used from the keyboard (Enter on
    a button or link, Space on an option): the same answers arrive, nothing is cut off or on
    top of something else, and every tap target is still at least 44 × 44 px."""
    with (
        phone_session(code=CODE) as s,
        phone_browser(javascript=False, text_scale=2.0) as phone,
    ):
        # JavaScript really is off: a page's own script does not run.
        phone.get("data:text/html,<title>av</title><script>document.title='på'</script>")
        WebDriverWait(phone, 10).until(lambda d: d.title)
        assert phone.title == "av"
        join(phone, s, press)
        arrive(phone, "Ingen fråga just nu – vänta på samtalsledaren")
        h1 = "return getComputedStyle(document.querySelector('h1')).fontSize"
        assert phone.execute_script(h1) == f"{1.5 * 2 * NORMAL_FONT_PX:g}px"
        assert layout_problems(phone) == []

        s.room.open_question(QUESTION)
        press(link(phone, "Uppdatera"))
        arrive(phone, "Din fråga")
        assert layout_problems(phone) == []
        by_label(phone, "Vad tar du med dig från filmen?").send_keys(ANSWER)
        press(button(phone, "Skicka"))
        arrive(phone, "Skickat")
        assert layout_problems(phone) == []
        assert s.rows() == [(ANSWER, None, "pending")]

        s.room.open_question(EVALUATION)
        press(link(phone, "Tillbaka till frågan"))
        arrive(phone, "Din fråga")
        assert layout_problems(phone) == []
        radio = option(phone, "Vet du mer nu än innan?", "Nej")
        radio.find_element(By.TAG_NAME, "input").send_keys(Keys.SPACE)
        press(button(phone, "Skicka"))
        arrive(phone, "Skickat")
        chosen = "SELECT question_key, option_index FROM phone_answers WHERE question_key != ''"
        assert s.rows(chosen) == [("kunskap", 2)]


class HeldDisk:
    """The database held by another program for a while: writes wait until ``release``."""

    def __init__(self) -> None:
        self.held = True
        self.waiting: list[Callable[[], None]] = []
        self.lock = threading.RLock()

    def hop(self, work: Callable[[], None]) -> None:
        with self.lock:
            if self.held:
                self.waiting.append(work)
                return
            work()

    def release(self) -> None:
        with self.lock:
            self.held = False
            for work in self.waiting:
                work()


def test_typed_markup_comes_back_as_text_when_the_answer_must_be_sent_again() -> None:
    """The one page that shows a sent answer back: "Det gick inte att skicka – försök igen"
    carries it in its form, as text; "Försök igen" then stores it once, exactly as typed."""
    disk = HeldDisk()
    with phone_session(code=CODE, commit_timeout=1.0, hop=disk.hop) as s, phone_browser() as phone:
        s.room.open_question(QUESTION)
        join(phone, s)
        arrive(phone, "Din fråga")
        by_label(phone, "Vad tar du med dig från filmen?").send_keys(HOSTILE)
        button(phone, "Skicka").click()
        arrive(phone, "Det gick inte att skicka – försök igen")
        assert "Ditt svar är inte sparat." in phone.find_element(By.TAG_NAME, "main").text
        no_markup_ran(phone)
        kept = phone.find_element(By.CSS_SELECTOR, "input[type=hidden][name=answer]")
        assert kept.get_attribute("value") == HOSTILE
        assert s.rows() == []

        disk.release()  # the write that waited was given up on: dropped, not stored late
        assert s.rows() == []
        button(phone, "Försök igen").click()
        arrive(phone, "Skickat")
        no_markup_ran(phone)
        assert s.rows() == [(HOSTILE, None, "pending")]
        assert [a.text for a in s.room.answers()] == [HOSTILE]
