"""Where the keyboard is: the console's stylesheet draws a 3 px dark amber frame around the
focused widget (resources/styles/console.qss), so the focus can be found by its colour."""

from __future__ import annotations

from collections.abc import Callable

from tests.hands import keys, pixels
from tests.hands.app import App
from tests.hands.desk import Box
from tests.hands.windows import Window

FOCUS_FRAME = (0xB4, 0x53, 0x09)


def frame(app: App, window: Window) -> Box | None:
    """The focus frame in ``window``, in screen coordinates; None when none is drawn."""
    found = pixels.colour_box(pixels.grab(app.desk, window.box), FOCUS_FRAME)
    if found is None:
        return None
    left, top, right, bottom = found
    return Box(window.box.left + left, window.box.top + top, right - left, bottom - top)


def move(app: App, window: Window, key: str = "Tab") -> Box:
    """Press ``key`` and wait until the focus frame has moved; where it is now. Only for keys
    whose effect shows: Tab between cells of a table moves no frame (use `press_until`)."""
    before = frame(app, window)
    keys.press(app.desk, key)
    return app.until(
        lambda: (now := frame(app, window)) != before and now,
        f"the focus frame to move on {key}",
    )


def press_until(
    app: App, window: Window, presses: list[str], where: str, wanted: Callable[[Box], bool]
) -> Box:
    """Press ``presses`` in order, then wait until the focus frame is ``wanted`` (a test on
    its box). The X server hands the keys over in order, so only the end needs to show."""
    keys.press(app.desk, *presses)
    return app.until(
        lambda: (now := frame(app, window)) is not None and wanted(now) and now,
        f"the focus on {where}",
    )
