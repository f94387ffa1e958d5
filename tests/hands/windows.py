"""The app's top-level windows as the X server knows them: found by title, placed where."""

from __future__ import annotations

from dataclasses import dataclass

from tests.hands.desk import Box, Desk

CONSOLE_TITLE = "^Facilitator$"
# "Facilitator – projektorbild": xdotool matches bytes, and the en dash is three of them.
PROJECTOR_TITLE = "^Facilitator .+ projektorbild$"


@dataclass(frozen=True)
class Window:
    id: str
    box: Box


def find(desk: Desk, title: str) -> list[Window]:
    """Visible top-level windows whose title matches the regular expression ``title``. Only
    top-level ones: Qt names native child windows (as under the console's pages) after the
    app. With no window manager to re-parent them, top-level means a child of the root."""
    found = desk.run(
        "xdotool", "search", "--maxdepth", "1", "--onlyvisible", "--name", title, quiet_codes=(1,)
    )
    windows = [Window(wid, box) for wid in found.split() if (box := geometry(desk, wid))]
    return windows


def geometry(desk: Desk, wid: str) -> Box | None:
    """Where the window is, or None when it closed since it was found."""
    shell = desk.run("xdotool", "getwindowgeometry", "--shell", wid, quiet_codes=(1,))
    values = dict(line.split("=", 1) for line in shell.split() if "=" in line)
    if not {"X", "Y", "WIDTH", "HEIGHT"} <= values.keys():
        return None
    return Box(int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))


def one(desk: Desk, title: str) -> Window | None:
    """The window with this title, when there is exactly one (and it has a real size: Qt
    keeps 1x1 helper windows with the app's name)."""
    found = [w for w in find(desk, title) if w.box.width > 1 and w.box.height > 1]
    return found[0] if len(found) == 1 else None
