"""The app under test: `python -m facilitator` as its own process on the desk's X server, with
its own data folder."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from tests.e2e.running_app import running_app
from tests.hands import pixels, waiting, windows
from tests.hands.desk import Desk
from tests.hands.windows import Window

T = TypeVar("T")


@dataclass
class App:
    proc: subprocess.Popen[str]
    desk: Desk
    home: Path
    log: Path

    def until(self, look: Callable[[], T | bool | None], what: str, timeout: float = 15.0) -> T:
        """``waiting.until`` on this app; on giving up, the whole desk is kept as a shot and
        named in the message, since a wait that failed is best understood by looking."""
        try:
            return waiting.until(look, what, self.proc, timeout)
        except waiting.GaveUp as gave_up:
            slug = "".join(c if c.isalnum() else "-" for c in what)[:60]
            shot = pixels.keep(pixels.grab(self.desk), f"gave-up-{slug}")
            raise waiting.GaveUp(f"{gave_up} (the screen then: {shot})") from None
        except waiting.AppExited as exited:
            raise waiting.AppExited(f"{exited}; its last output:\n{self.last_output()}") from None

    def last_output(self, lines: int = 30) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "(none)"
        return "\n".join(text.splitlines()[-lines:])

    def console(self) -> Window:
        return self.until(
            lambda: windows.one(self.desk, windows.CONSOLE_TITLE), "the console window"
        )

    def projector(self) -> Window | None:
        return windows.one(self.desk, windows.PROJECTOR_TITLE)


@contextmanager
def launched(desk: Desk, home: Path) -> Iterator[App]:
    """The app, started as a leader starts it, with its data in ``home``; it ends when the
    block ends (standard input closes, see --ready-then-wait), if it has not already."""
    env = desk.env()
    env.update(
        FACILITATOR_HOME=str(home),
        LANG="C.UTF-8",
        QT_QPA_PLATFORM="xcb",
        QT_LOGGING_RULES="qt.qpa.*=false",
    )
    home.mkdir(parents=True, exist_ok=True)
    log = home / "app-output.log"
    with running_app(env, log=log) as proc:
        yield App(proc, desk, home, log)
