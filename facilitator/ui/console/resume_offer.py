"""At start-up, when a session was left running (a crash, a dead battery, a quit): ask the
leader whether to continue it or close it as interrupted."""

from __future__ import annotations

from facilitator.core.application.resume import SessionResumer, current_step_title
from facilitator.core.application.storage_gateway import InterruptedSession
from facilitator.ui.main_window import MainWindow
from facilitator.ui.widgets.resume_dialog import InterruptedSummary, ResumeChoice, ResumeDialog


class ResumeOffer:
    def __init__(self, window: MainWindow, resumer: SessionResumer) -> None:
        self._window = window
        self._resumer = resumer
        resumer.found.connect(self._offer)

    def _offer(self, interrupted: InterruptedSession | None) -> None:
        if interrupted is None:
            return
        record = interrupted.record
        choice = ResumeDialog.ask(
            InterruptedSummary(
                record.title,
                record.place,
                record.started_at,
                current_step_title(record),
                interrupted.reflections,
            ),
            self._window,
        )
        if choice == ResumeChoice.RESUME:
            self._resumer.resume(interrupted)
        elif choice == ResumeChoice.CLOSE_AS_INTERRUPTED:
            self._resumer.close(interrupted)
