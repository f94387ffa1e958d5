"""The logbook page's work: show the answers, delete one or a module's (asked first: it cannot
be undone), and export the logbook as PDF or Markdown through the app's export flow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from facilitator.core.application.self_study import AnswersDeleted, SelfStudyService
from facilitator.core.clock import Clock
from facilitator.core.export.file_names import ExportFiles
from facilitator.core.export.logbook_model import logbook_of
from facilitator.core.i18n import N_, _
from facilitator.ui.export_destination import ExportDestination
from facilitator.ui.export_runner import ExportRunner
from facilitator.ui.main_window import MainWindow
from facilitator.ui.self_study.logbook_page import LogbookPage
from facilitator.ui.widgets.confirm import confirm

Confirm = Callable[[str, str], bool]
"""(what is deleted, what it means) → True when the person chose to delete."""

PDF = (".pdf", N_("PDF-dokument (*.pdf)"))
MARKDOWN = (".md", N_("Markdown-fil (*.md)"))


class LogbookFlow(QObject):
    def __init__(
        self,
        window: MainWindow,
        page: LogbookPage,
        service: SelfStudyService,
        clock: Clock,
        exports: ExportRunner,
        destination: ExportDestination,
        ask: Confirm | None = None,
    ) -> None:
        super().__init__(page)
        self._window = window
        self._page = page
        self._service = service
        self._clock = clock
        self._exports = exports
        self._destination = destination
        self._ask = ask or self._confirm
        page.delete_answer_requested.connect(self.delete_answer)
        page.delete_module_requested.connect(self.delete_module)
        page.pdf_requested.connect(lambda: self.export(PDF))
        page.markdown_requested.connect(lambda: self.export(MARKDOWN))

    def show(self) -> None:
        self.refresh()
        self._window.show_page(self._page)

    def refresh(self) -> None:
        self._page.show_answers(
            self._service.logbook(), self._service.edit_answer, self._service.state_of
        )

    def delete_answer(self, answer_id: str, question: str) -> None:
        if self._ask(
            _("Radera svaret på ”{question}”?").format(question=question),
            _("Svaret raderas helt från datorn och kan inte återställas."),
        ):
            self._page.leave()
            self._told(self._service.delete_answer(answer_id))
            self.refresh()
            self._page.settle_focus()

    def delete_module(self, module_id: str, title: str) -> None:
        if self._ask(
            _("Radera alla dina svar i {title}?").format(title=title),
            _("Svaren och var du var i modulen raderas helt från datorn och kan inte återställas."),
        ):
            self._page.leave()
            self._told(self._service.delete_module(module_id))
            self.refresh()
            self._page.settle_focus()

    def export(self, kind: tuple[str, str]) -> None:
        self._page.leave()
        ending, file_filter = kind
        files = self._destination.file(
            _("Spara loggboken"), _("Min loggbok"), ending, _(file_filter)
        )
        if files is not None:
            self.write(files)

    def write(self, files: ExportFiles) -> None:
        logbook = logbook_of(self._service.logbook(), self._clock.now())
        target = files.paths[0]

        def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> Path:
            # reportlab on the export's worker, when the first PDF is asked for (issue 16).
            if target.suffix == ".pdf":
                from facilitator.core.export.logbook_pdf import write_logbook_pdf  # noqa: PLC0415

                return write_logbook_pdf(logbook, target, progress=progress, is_cancelled=cancelled)
            from facilitator.core.export.logbook_markdown import write_logbook_markdown  # noqa: PLC0415

            return write_logbook_markdown(logbook, target)

        self._exports.run(_("Skapar loggboken…"), work)

    def _told(self, deleting: AnswersDeleted) -> None:
        def settled(result: AnswersDeleted) -> None:
            if result.failed:
                QMessageBox.warning(
                    self._window,
                    _("Det gick inte att radera"),
                    _("Svaren kunde inte raderas från datorn. Försök igen om en stund."),
                )

        deleting.settled.connect(settled)

    def _confirm(self, text: str, informative: str) -> bool:
        return confirm(self._window, _("Radera"), text, informative, _("Radera"))
