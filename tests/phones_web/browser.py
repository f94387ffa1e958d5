"""A real phone browser for the tests: Debian's Chromium, headless, driven by Selenium through
the system's chromedriver, at a phone's size (390 × 844 CSS pixels, mobile emulation).

The machine has no network: Chromium is started with every outside connection it would try
on its own turned off (without them it waits on them), and with a fresh profile each time.
Raised text size is Chromium's own default font size setting, as a person raises it; the
page's sizes are in rem, so everything written in rem grows with it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
MISSING = (
    None
    if CHROMIUM and CHROMEDRIVER
    else "needs Debian's chromium and chromium-driver (.ci/system-packages test)"
)

PHONE_WIDTH, PHONE_HEIGHT = 390, 844
NORMAL_FONT_PX = 16
TAP_TARGET_PX = 44

_QUIET_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@contextmanager
def phone_browser(javascript: bool = True, text_scale: float = 1.0) -> Iterator[Any]:
    """A Selenium driver for one phone; quit and its profile removed at the end."""
    assert CHROMIUM and CHROMEDRIVER, MISSING
    profile = tempfile.mkdtemp(prefix="facilitator-phone-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*_QUIET_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": PHONE_WIDTH, "height": PHONE_HEIGHT, "pixelRatio": 2.0}},
    )
    options.add_argument("--lang=sv-SE")
    prefs: dict[str, object] = {
        # A Swedish phone: the page picks its language from this, as from a real one.
        "intl.accept_languages": "sv-SE,sv",
        "webkit.webprefs.default_font_size": round(NORMAL_FONT_PX * text_scale),
    }
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
        # chromedriver's own wait for a navigation hangs when the page may run no script;
        # the tests wait for the page they expect instead.
        options.page_load_strategy = "none"
    options.add_experimental_option("prefs", prefs)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@dataclass(frozen=True)
class Box:
    what: str
    left: float
    top: float
    right: float
    bottom: float
    tappable: bool

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right - 0.5
            and other.left < self.right - 0.5
            and self.top < other.bottom - 0.5
            and other.top < self.bottom - 0.5
        )


# Everything a person reads or taps, as laid out (whole page, not only what is scrolled into
# view). A radio button is tapped through its label (the option row), so the row is the
# target; the radio itself sits inside it.
_LAYOUT = """
const selector = 'h1, p, label, legend, input:not([type=hidden]), textarea, button, a';
const tappable = el => el.matches('button, a, textarea, input[type=text], label.option');
return [...document.querySelectorAll(selector)]
  .filter(el => !(el.matches('input[type=radio]') && el.closest('label.option')))
  .filter(el => !el.matches('p') || !el.querySelector('a'))
  .map(el => {
    const r = el.getBoundingClientRect();
    const text = (el.innerText || el.value || el.name || el.tagName).trim().slice(0, 40);
    return [el.tagName.toLowerCase() + ': ' + text,
            r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY,
            tappable(el), getComputedStyle(el).visibility];
  });
"""


def layout(driver: Any) -> list[Box]:
    found = driver.execute_script(_LAYOUT)
    assert all(visibility == "visible" for *_rest, visibility in found), found
    return [
        Box(what, left, top, right, bottom, tap) for what, left, top, right, bottom, tap, _ in found
    ]


def page_width(driver: Any) -> tuple[int, int]:
    """The viewport's width and how wide the page is laid out (wider: sideways scrolling)."""
    width, scroll = driver.execute_script(
        "return [innerWidth, document.documentElement.scrollWidth]"
    )
    return int(width), int(scroll)


def layout_problems(driver: Any) -> list[str]:
    """What a person would notice: a control cut off at the side, two things on top of each
    other, a tap target smaller than 44 × 44 px."""
    problems: list[str] = []
    width, scroll = page_width(driver)
    if scroll > width:
        problems.append(f"the page scrolls sideways ({scroll} px in {width} px)")
    boxes = layout(driver)
    for box in boxes:
        if box.width <= 0 or box.height <= 0:
            problems.append(f"{box.what} is not shown")
        if box.left < 0 or box.right > width + 0.5:
            problems.append(f"{box.what} is cut off at the side")
        if box.tappable and (box.width < TAP_TARGET_PX or box.height < TAP_TARGET_PX):
            problems.append(f"{box.what} is {box.width:.0f} × {box.height:.0f} px")
    for n, first in enumerate(boxes):
        for second in boxes[n + 1 :]:
            if first.overlaps(second):
                problems.append(f"{first.what} overlaps {second.what}")
    return problems


_UNLABELLED = """
return [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
  .filter(el => !(el.labels && el.labels.length && el.labels[0].innerText.trim()))
  .map(el => el.outerHTML);
"""


def unlabelled_inputs(driver: Any) -> list[str]:
    return list(driver.execute_script(_UNLABELLED))


# --- what a person does on the page ----------------------------------------------------------


def by_label(driver: Any, text: str) -> Any:
    """The field a label names, as a screen reader finds it: by the label's own text."""
    label = driver.find_element(By.XPATH, f"//label[normalize-space()={_quoted(text)}]")
    return driver.find_element(By.ID, label.get_attribute("for"))


def button(driver: Any, text: str) -> Any:
    return driver.find_element(By.XPATH, f"//button[normalize-space()={_quoted(text)}]")


def link(driver: Any, text: str) -> Any:
    return driver.find_element(By.LINK_TEXT, text)


def option(driver: Any, question: str, choice: str) -> Any:
    """The option row (its label) under a question's legend: what a thumb taps."""
    return driver.find_element(
        By.XPATH,
        f"//fieldset[legend[normalize-space()={_quoted(question)}]]"
        f"//label[normalize-space()={_quoted(choice)}]",
    )


def _quoted(text: str) -> str:
    assert '"' not in text
    return f'"{text}"'


def arrive(driver: Any, title: str) -> None:
    """Wait until the page with this heading has loaded (a form's post, then its redirect)."""

    def shown(d: Any) -> bool:
        try:
            return bool(d.find_element(By.TAG_NAME, "h1").text == title)
        except WebDriverException:  # between two pages
            return False

    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        shown, f"the page {title!r} did not come; last: {driver.title!r}"
    )


def lang(driver: Any) -> str:
    return str(driver.execute_script("return document.documentElement.lang"))


def tap(element: Any) -> None:
    element.click()


def press(element: Any) -> None:
    """Enter on a focused button or link, from the keyboard. (With JavaScript off,
    chromedriver's click waits forever for the navigation it starts.)"""
    element.send_keys(Keys.ENTER)
