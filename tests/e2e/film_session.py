"""A session with a film step on the real console, projector view and libVLC player (dummy
output), shared by the film tests and the stall benchmark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.core.clock import Clock
from facilitator.core.content.manifest import Manifest
from facilitator.core.planning import ModuleChoice, OpenModule, plan_for
from facilitator.core.session.engine import SessionEngine
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.projector.projector_view import ProjectorView
from facilitator.ui.video.vlc_player import VlcPlayer
from tests.session_rig import SessionRig


@dataclass
class FilmSession:
    engine: SessionEngine
    console: ConsolePage
    projector: ProjectorView
    film: FilmRunner
    controller: SessionRig
    players: list[VlcPlayer] = field(default_factory=list)


def film_session(
    manifest: Manifest,
    folder: Path,
    minutes: int,
    clock: Clock,
    *,
    keep: Callable[..., object] = lambda w: None,
) -> FilmSession:
    """``keep`` receives each top-level widget (qtbot.addWidget in tests)."""
    plan = plan_for([ModuleChoice(manifest, manifest.variant(minutes))])
    engine = SessionEngine(plan, clock)
    console, projector = ConsolePage(), ProjectorView()
    keep(console)
    keep(projector)
    players: list[VlcPlayer] = []

    def make_player() -> VlcPlayer:
        players.append(VlcPlayer(video_output="dummy", audio_output="dummy"))
        return players[-1]

    film = FilmRunner(make_player, console)
    modules = {manifest.id: OpenModule(manifest, folder)}
    controller = SessionRig(engine, modules, console, [projector], film=film)
    return FilmSession(engine, console, projector, film, controller, players)
