"""After the last step: attendance, evaluation, the come-back-to list with closing words, and
the summary export — each saved through the storage gateway as the leader moves on. After a
rehearsal the leader is first offered to delete it."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.content.manifest import ClosingStep
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule, evaluation_questions
from facilitator.core.session.plan import SessionPlan
from facilitator.core.storage.records import AttendanceCounts, EvaluationResult, ReflectionRecord
from facilitator.ui.console.closeout_pages import AttendancePage, EvaluationPage, ParkingLotPage
from facilitator.ui.console.rehearsal_question import RehearsalEndedQuestion
from facilitator.ui.main_window import MainWindow
from facilitator.ui.widgets.notice_box import show_notice


class CloseoutFlow(QObject):
    finished = Signal()

    def __init__(
        self,
        window: MainWindow,
        storage: StorageGateway,
        export_summary: Callable[[str], None],
        settings: SettingsService,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._storage = storage
        self._export_summary = export_summary
        self._settings = settings
        self.attendance = AttendancePage()
        self.evaluation = EvaluationPage()
        self.parking = ParkingLotPage()
        for page in (self.attendance, self.evaluation, self.parking):
            window.add_page(page)
        self.attendance.saved.connect(self._save_attendance)
        self.attendance.skipped.connect(self._to_evaluation)
        self.evaluation.saved.connect(self._save_evaluation)
        self.evaluation.skipped.connect(self._to_parking)
        self.parking.export_requested.connect(self.export_summary)
        self.parking.done.connect(self.finished.emit)
        self._session_uuid = ""
        self._participants: int | None = None

    def begin(
        self,
        session_uuid: str,
        modules: Mapping[str, OpenModule],
        plan: SessionPlan,
        rehearsal: bool = False,
    ) -> None:
        """``plan``: the plan the session started from, which decides the questions asked."""
        if rehearsal and RehearsalEndedQuestion(self._window).wants_deletion():
            # Back to the library once the rows are gone, not before: the history must not
            # show it again in the meantime.
            self._storage.delete_session(session_uuid, lambda _deleted: self.finished.emit())
            return
        self._session_uuid = session_uuid
        self._participants = None
        questions = evaluation_questions([m.manifest for m in modules.values()], plan)
        titles = {m.manifest.id: m.manifest.title.sv for m in modules.values()}
        self.evaluation.set_questions(questions, titles)
        # The phones' answers (issue 20), beside the hands counted here.
        self.evaluation.set_phone_counts(None)
        self._storage.phone_evaluation_counts(session_uuid, self.evaluation.set_phone_counts)
        self.evaluation.set_target(self._settings.current.knowledge_target_percent)
        closing = next(
            (
                step.body
                for m in modules.values()
                for step in m.manifest.steps
                if isinstance(step, ClosingStep)
            ),
            _("Tack för i dag!"),
        )
        self.parking.set_closing_text(closing)
        self.attendance.set_counts(None)
        self._window.show_page(self.attendance)
        self.attendance.focus_first()

    def _save_attendance(self, counts: AttendanceCounts) -> None:
        key = self._session_uuid
        self._participants = counts.total or None
        self._storage.save_attendance(key, counts)
        self._to_evaluation()

    def _to_evaluation(self) -> None:
        self.evaluation.set_participant_count(self._participants)
        self._window.show_page(self.evaluation)
        self.evaluation.focus_first()

    def _save_evaluation(self, results: list[EvaluationResult]) -> None:
        key = self._session_uuid
        self._storage.save_evaluation(key, results)
        self._to_parking()

    def _to_parking(self) -> None:
        key = self._session_uuid
        self._storage.reflections_for(key, self._show_parking, self._parking_unreadable)

    def _parking_unreadable(self, error: Exception) -> None:
        """The database takes nothing now (locked, full, never opened): the close-out goes on
        without the parking lot rather than waiting on a page that never turns."""
        self._show_parking(())
        reason = getattr(error, "message", "")
        show_notice(
            self._window,
            _("Parkeringen kunde inte visas"),
            _(
                "Frågorna på parkeringen kunde inte läsas från databasen just nu. De finns kvar "
                "och syns i historiken när databasen går att använda igen."
            )
            + (f"\n\n{reason}" if reason else ""),
        )

    def _show_parking(self, records: tuple[ReflectionRecord, ...]) -> None:
        self.parking.set_reflections(records)
        self._window.show_page(self.parking)

    def export_summary(self) -> None:
        self._export_summary(self._session_uuid)
