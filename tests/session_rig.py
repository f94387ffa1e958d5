"""A running session as the app builds it, for the tests that drive one directly: the
session service on a real SQLite file (the storage gateway run inline) and the console's
controller on real widgets. The leader's intents go to the service, as the keys do."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from facilitator.core.application.executor import InlineExecutor
from facilitator.core.application.session_service import SessionService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.paths import resolve_paths
from facilitator.core.planning import OpenModule
from facilitator.core.presentation.cards import ProjectorCard
from facilitator.core.session.engine import SessionEngine
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.film_runner import FilmRunner
from facilitator.ui.console.session_controller import SessionController
from facilitator.ui.projector.projector_view import ProjectorView


def inline_storage() -> StorageGateway:
    """The real database in this test's FACILITATOR_HOME, each operation run at once."""
    paths = resolve_paths(portable=False)
    paths.ensure()
    storage = StorageGateway(InlineExecutor(), paths)
    storage.open()
    return storage


class SessionRig:
    def __init__(
        self,
        engine: SessionEngine,
        modules: Mapping[str, OpenModule],
        console: ConsolePage,
        outputs: Sequence[ProjectorView],
        *,
        play_cue: Callable[[], None] | None = None,
        film: FilmRunner | None = None,
        dress: Callable[[ProjectorCard], ProjectorCard] | None = None,
    ) -> None:
        self.service = SessionService(engine, modules, inline_storage(), "test-session")
        film_surface = (lambda: outputs[0].film_surface) if film is not None else None
        self.controller = SessionController(
            self.service, console, outputs, play_cue, film, film_surface, dress=dress
        )
        self.controller.start()

    def start(self) -> None:
        """F5 on a session not yet started."""
        self.service.begin()

    def refresh(self) -> None:
        self.service.tick()

    def end(self) -> None:
        self.service.end()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.service, name)
