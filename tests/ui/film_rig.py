"""A film step with a recording player (the film's logic is the subject, not libVLC): the
documented example module copied with an empty film file, the real console and projector."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.core.clock import FakeClock
from facilitator.core.content.loader import load_manifest
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for
from facilitator.core.session.engine import SessionEngine
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.projector.projector_view import ProjectorView
from tests.recording_player import RecordingPlayer
from tests.session_rig import SessionRig
from tests.ui.session_fixtures import EXAMPLE, STOCKHOLM

FILM = "exempel-modul/film"


@dataclass
class FilmRig:
    rig: SessionRig
    console: ConsolePage
    projector: ProjectorView
    player: RecordingPlayer
    film: FilmRunner


def example_with_film(tmp_path: Path) -> Path:
    """A copy of the example module whose film file exists (it is never decoded)."""
    folder = tmp_path / "exempel"
    shutil.copytree(EXAMPLE.parent, folder)
    (folder / "film").mkdir(exist_ok=True)
    (folder / "film" / "film.mp4").write_bytes(b"")
    return folder


def film_rig(qtbot: Any, folder: Path, preference: str = "first") -> FilmRig:
    manifest = load_manifest(folder).manifest
    assert manifest is not None
    clock = FakeClock(datetime(2026, 11, 24, 13, 0, tzinfo=STOCKHOLM))
    engine = SessionEngine(plan_for([ModuleChoice(manifest, manifest.variant(57))]), clock)
    console, projector = ConsolePage(), ProjectorView()
    qtbot.addWidget(console)
    qtbot.addWidget(projector)
    player = RecordingPlayer()
    film = FilmRunner(lambda: player, console, lambda: preference)
    rig = SessionRig(
        engine, {manifest.id: OpenModule(manifest, folder)}, console, [projector], film=film
    )
    rig.start()
    console.show()
    console.activateWindow()
    qtbot.waitUntil(console.isActiveWindow)
    return FilmRig(rig, console, projector, player, film)
