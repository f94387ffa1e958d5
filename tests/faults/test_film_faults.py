"""Film steps when something is wrong: libVLC missing, a film file cut off halfway, the
projector unplugged while a film plays. The leader reads a Swedish notice on the console (never
on the projector), the room sees the step's question, and the session goes on.

Real libVLC (dummy outputs), real widgets, the bundled Grund 1 and its film; the only thing
simulated is the screen going away, which Qt's offscreen platform cannot do by itself."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from facilitator.app import Application
from facilitator.core.clock import FakeClock
from facilitator.core.content.loader import load_manifest
from facilitator.core.paths import bundled_modules_dir
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for
from facilitator.core.presentation.cards import CardKind
from facilitator.core.session.engine import SessionEngine
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.projector.projector_view import ProjectorView
from facilitator.ui.video.availability import probe_libvlc
from facilitator.ui.video.vlc_player import VlcPlayer
from tests.app_in_process import (
    FILM_STEP,
    MODULE,
    panel_of,
    reflections_on_disk,
    start_session,
)
from tests.faults.test_disk_full import type_reflection
from tests.session_rig import SessionRig

GRUND_1 = bundled_modules_dir() / "01-grund-1-vad-ar-kultur"
QUESTION_AFTER = (
    "Lena och Yusuf gjorde båda det som var rätt enligt sina egna regler. "
    "Vad känner du igen från din egen arbetsplats?"
)
FIRST_PAUSE = 67.5  # the film step's pause point: a cut before it is met by no question
INSTALL_VLC = (
    "VLC hittades inte på datorn. Installera VLC, till exempel med: sudo apt-get install "
    "libvlc5 vlc-plugin-base vlc-plugin-video-output"
)
GOES_ON = "Sessionen fortsätter med stegets text och frågor."


class FilmSession:
    """Grund 1 (45 minutes) on the real console, projector view and film runner."""

    def __init__(self, qtbot: Any, folder: Path) -> None:
        loaded = load_manifest(folder)
        manifest = loaded.manifest
        assert manifest is not None, loaded.problems
        plan = plan_for([ModuleChoice(manifest, manifest.variant(45))])
        self.clock = FakeClock(datetime(2026, 11, 24, 13, 0, tzinfo=timezone(timedelta(hours=1))))
        self.engine = SessionEngine(plan, self.clock)
        self.console, self.projector = ConsolePage(), ProjectorView()
        qtbot.addWidget(self.console)
        qtbot.addWidget(self.projector)
        self.film = FilmRunner(
            lambda: VlcPlayer(video_output="dummy", audio_output="dummy"), self.console
        )
        self.controller = SessionRig(
            self.engine,
            {manifest.id: OpenModule(manifest, folder)},
            self.console,
            [self.projector],
            film=self.film,
        )
        self.projector.show()
        self.console.show()
        self.controller.start()

    def to_film(self) -> None:
        self.controller.next()
        assert self.engine.current_key == FILM_STEP

    def moves_on(self) -> None:
        self.clock.advance(60)
        self.controller.next()
        assert self.engine.current_key == f"{MODULE}/larde-mig"
        assert self.projector.card.kind != CardKind.FILM_QUESTION
        assert self.engine.status().step_elapsed_seconds == 0
        self.controller.end()


def _hide_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    # python-vlc loads the library named here and exits when it cannot: the way a missing or
    # broken libVLC shows up. A fresh `import vlc` runs that again (the module is put back
    # after the test).
    monkeypatch.setenv("PYTHON_VLC_LIB_PATH", "/nonexistent/libvlc.so.5")
    monkeypatch.delitem(sys.modules, "vlc", raising=False)


def _hide_the_binding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` raises ImportError


@pytest.mark.parametrize(
    "hide", [_hide_the_library, _hide_the_binding], ids=["no-libvlc", "no-python-vlc"]
)
def test_without_libvlc_the_film_step_explains_and_the_session_goes_on(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, hide: Any
) -> None:
    hide(monkeypatch)
    status = probe_libvlc()  # what the About box shows
    assert not status.available and status.label == "saknas"
    assert status.problem == INSTALL_VLC

    session = FilmSession(qtbot, GRUND_1)
    session.to_film()
    assert session.console.notices.isVisible()
    assert session.console.notices.text.text() == f"{INSTALL_VLC} {GOES_ON}"
    # The room sees the step and its question, never the error.
    assert session.projector.card.kind == CardKind.TEXT
    assert QUESTION_AFTER in session.projector.visible_text()
    assert "VLC" not in session.projector.visible_text()
    assert not session.film.active
    session.moves_on()


def _cut_point(film: Path) -> float:
    """The last video timestamp ffprobe can read from a cut-off film."""
    if shutil.which("ffprobe") is None:
        pytest.fail("ffprobe is not installed (make test installs ffmpeg)")
    out = subprocess.run(
        [
            *("ffprobe", "-v", "quiet", "-select_streams", "v"),
            *("-show_entries", "packet=pts_time", "-of", "csv=p=0", str(film)),
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return max(float(line) for line in out.split() if line.strip())


def test_a_film_cut_off_halfway_plays_what_it_has_and_the_session_goes_on(
    qtbot: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "grund-1"
    shutil.copytree(GRUND_1, folder)
    film = folder / "film" / "film.mp4"
    whole = film.read_bytes()
    # A quarter of the file: cut before the pause point, so the film ends where it stops.
    film.write_bytes(whole[: len(whole) // 4])
    cut = _cut_point(film)
    assert 20 < cut < FIRST_PAUSE - 5, cut

    session = FilmSession(qtbot, folder)
    outcome: list[str] = []
    session.film.finished.connect(lambda: outcome.append("ended"))
    session.film.problem.connect(outcome.append)
    with qtbot.waitSignal(session.film.playing, timeout=15_000):
        session.to_film()
    # Skip to just before the cut rather than watch the film up to it.
    session.film.skip(cut - 3)
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    if outcome == ["ended"]:
        # Played to where the file stops, then ended as a film ends: the question follows.
        assert session.projector.card.kind == CardKind.FILM_QUESTION
        assert QUESTION_AFTER in session.projector.visible_text()
        assert session.film.player is not None
        assert session.film.player.position() <= cut + 1
    else:
        assert outcome[0].startswith("Filmen gick inte att spela.")
        assert GOES_ON in session.console.notices.text.text()
        assert QUESTION_AFTER in session.projector.visible_text()
    session.moves_on()


def test_the_projector_unplugged_mid_film_hides_its_view_and_the_session_goes_on(
    application: Application, qtbot: Any
) -> None:
    app = application
    running = start_session(app, qtbot, rehearse=False)
    screens, projector, console = running.screens, running.projector, running.console
    qtbot.waitUntil(projector.isVisible)
    screen = screens.screen
    assert screen is not None and screen.name() == "PROJECTOR"
    running.service.jump(FILM_STEP)
    qtbot.waitUntil(lambda: console.film_position.text().startswith("0:0"), timeout=15_000)

    with qtbot.waitSignal(screens.projector_lost):
        screens.on_screen_removed(screen)  # what Qt calls when the cable is pulled
    assert not projector.isVisible()
    assert console.isVisible()
    assert console.notices.isVisible()
    assert console.notices.text.text() == (
        "Projektorn kopplades bort. Sessionen fortsätter och tiden går som vanligt; bilden "
        "syns i förhandsvisningen. Anslut projektorn igen så erbjuds den här."
    )
    # The film plays on (its clock keeps moving) and the leader can keep writing.
    shown = console.film_position.text()
    qtbot.waitUntil(lambda: console.film_position.text() != shown, timeout=10_000)
    type_reflection(panel_of(running), qtbot, "Skrivet efter att projektorn försvann.")
    qtbot.waitUntil(lambda: app.services.storage.pending == 0, timeout=10_000)
    assert list(reflections_on_disk(app.services.paths.database_file).values()) == [
        "Skrivet efter att projektorn försvann."
    ]
    running.service.next()
    assert running.service.engine.current_key == f"{MODULE}/larde-mig"

    # Plugged in again: offered back, and shown there on the leader's word.
    with qtbot.waitSignal(screens.projector_available):
        screens.on_screen_added(screen)
    assert console.notices.text.text() == (
        "En skärm anslöts (PROJECTOR). Vill du visa gruppens bild där?"
    )
    console.notices.button.click()
    qtbot.waitUntil(projector.isVisible)
    assert screens.screen is screen
