"""The participants' phones beside the app (issue 20): the join panel read off the projector
as a person reads it — the address by scanning the QR code (zbarimg), the room code by reading
the digits (tesseract) — and the phones' server seen from outside, as a port that answers or
not. The phones themselves are ``tests.phones_web.phone_rig.Phone``: plain HTTP with a cookie."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess

from tests.hands import focus, pixels
from tests.hands.app import App
from tests.hands.desk import Box
from tests.hands.windows import Window

ADDRESS = "127.0.0.1"
TOOLS = ("zbarimg", "tesseract")
_CODE = re.compile(r"Kod:\s*(\d{3})\s*(\d{3})")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def scanned_address(app: App) -> str | None:
    """What a phone's camera reads from the QR code on the projector, or None."""
    shot = pixels.keep(pixels.projector(app.desk), "phones-qr")
    done = subprocess.run(
        ["zbarimg", "-q", "--raw", str(shot)], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or None


def room_code(app: App) -> str | None:
    """The six digits under "Kod:" on the projector, as a participant reads them, or None."""
    shot = pixels.keep(pixels.projector(app.desk), "phones-code")
    done = subprocess.run(
        ["tesseract", str(shot), "-", "--psm", "11"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    found = _CODE.search(done.stdout)
    return found.group(1) + found.group(2) if found else None


def port_of(address: str) -> int:
    return int(address.rstrip("/").rsplit(":", 1)[1])


def port_open(port: int) -> bool:
    try:
        socket.create_connection((ADDRESS, port), timeout=1).close()
    except OSError:
        return False
    return True


def answers_column(console: Window) -> Box:
    """The console's right column below the reflection entry: "Svar från mobilerna"."""
    b = console.box
    left = b.left + round(b.width * 0.78)
    top = b.top + round(b.height * 0.55)
    return Box(left, top, b.left + b.width - left, b.top + round(b.height * 0.92) - top)


def tab_to_first_answer(app: App, console: Window) -> Box:
    """Tab, one press at a time, until the keyboard is on a button in the answers list (the
    first waiting answer's "Visa för gruppen"); where that button is. Once an answer is
    decided the keyboard already waits on the next one's "Visa för gruppen": no Tab then
    (it would go on to "Dölj")."""
    column = answers_column(console)
    now = focus.frame(app, console)
    if now is not None and column.contains(now):
        return now
    for _ in range(30):
        frame = focus.move(app, console)
        if column.contains(frame):
            return frame
    raise AssertionError("Tab never reached the answers from the phones")


def click(app: App, box: Box) -> None:
    """A mouse click in the middle of ``box``."""
    middle = (str(box.left + box.width // 2), str(box.top + box.height // 2))
    app.desk.run("xdotool", "mousemove", *middle, "click", "1")
