"""The soft cue when a talk moves on to its next phase: the projector's phase line ("Nu: i
fyra · 4 min") lit warm for a few seconds, and the cue sound, so the room hears it is time to
switch without anyone watching the screen. Softer than time-up, which replaces the line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer

from facilitator.core.session.events import PhaseChanged
from facilitator.ui.projector.projector_view import ProjectorView

PHASE_CUE_VISIBLE_MS = 8000


class PhaseCue(QObject):
    def __init__(
        self,
        outputs: Sequence[ProjectorView],
        play_cue: Callable[[], None] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._outputs = list(outputs)
        self._play_cue = play_cue
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PHASE_CUE_VISIBLE_MS)
        self._timer.timeout.connect(lambda: self._light(False))

    def ring(self, _change: PhaseChanged | None = None) -> None:
        self._light(True)
        self._timer.start()
        if self._play_cue is not None:
            self._play_cue()

    def _light(self, lit: bool) -> None:
        for view in self._outputs:
            view.show_phase_cue(lit)
