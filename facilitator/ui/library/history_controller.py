"""The history of sessions: queries run in order with the writes, open a session, export it
(``SessionExporter``), delete it for real after a confirmation that names the files exported
from it that are still on disk. "Deleted" is said plainly only once the text is gone from the
disk; when another program held that back, the leader is told, and the erasure is finished the
next time the history is shown (or at the next start)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from facilitator.core.application.storage_gateway import SessionDetail, StorageGateway
from facilitator.core.export.written_files import remove_files, still_on_disk
from facilitator.core.i18n import _, ngettext
from facilitator.core.storage.records import (
    ErasureOutcome,
    ExportRecord,
    HistoryQuery,
    SessionRecord,
)
from facilitator.core.storage.records import HistoryPage as HistoryResult
from facilitator.ui.library.delete_question import DeleteSessionQuestion
from facilitator.ui.library.history_page import SessionHistoryPage
from facilitator.ui.library.session_detail import SessionDetailDialog
from facilitator.ui.library.session_exports import SessionExporter


class HistoryController(QObject):
    def __init__(
        self, page: SessionHistoryPage, storage: StorageGateway, exporter: SessionExporter
    ) -> None:
        super().__init__(page)
        self._page = page
        self._storage = storage
        self.exporter = exporter
        page.query_changed.connect(self.run_query)
        page.open_requested.connect(self.open)
        page.delete_requested.connect(self.delete)
        page.export_requested.connect(exporter.export_pdf)

    def show(self) -> None:
        self._storage.finish_erasure()
        self._page.refresh()

    def run_query(self, query: HistoryQuery) -> None:
        self._storage.history_page(query, self._show_page)

    def _show_page(self, result: HistoryResult) -> None:
        self._page.set_page(result)

    def open(self, uuid: str) -> None:
        self._storage.session_detail(uuid, self._show_detail)

    def _show_detail(self, detail: SessionDetail) -> None:
        dialog = SessionDetailDialog(detail, self._page)
        dialog.export_pdf.connect(self.exporter.export_pdf)
        dialog.export_csv.connect(self.exporter.export_csv)
        dialog.export_json.connect(self.exporter.export_json)
        dialog.delete_requested.connect(lambda uuid: self.delete(uuid, dialog.accept))
        dialog.exec()

    # --- deleting ---------------------------------------------------------------------------

    def delete(self, uuid: str, deleted: Callable[[], None] | None = None) -> None:
        """Ask (naming the exported files still on disk), then delete; ``deleted`` runs once
        the session is gone."""

        def with_exports(detail: SessionDetail) -> None:
            self._storage.exports_of(
                uuid,
                lambda exports: self._ask(detail.record, exports, deleted),
                lambda _error: self._ask(detail.record, (), deleted),
            )

        self._storage.session_detail(uuid, with_exports)

    def _ask(
        self,
        record: SessionRecord,
        exports: Sequence[ExportRecord],
        deleted: Callable[[], None] | None,
    ) -> None:
        files = still_on_disk(exports)
        question = DeleteSessionQuestion(self._page, record, files)
        question.exec()
        if not question.confirmed:
            return
        doomed = files if question.delete_files else ()
        self._storage.erase_session(
            record.uuid, lambda outcome: self._deleted(record.uuid, doomed, deleted, outcome)
        )

    def _deleted(
        self,
        uuid: str,
        files: Sequence[Path],
        deleted: Callable[[], None] | None,
        outcome: ErasureOutcome,
    ) -> None:
        self._page.remove_session(uuid)
        if not outcome.complete:
            QMessageBox.information(
                self._page,
                _("Inte helt raderad ännu"),
                _(
                    "Sessionen är borttagen ur historiken, men texten är ännu inte helt "
                    "raderad från disken, troligen för att ett annat program har databasen "
                    "eller en säkerhetskopia öppen. Facilitator raderar den helt av sig själv "
                    "så snart det går, och försöker igen vid nästa start."
                ),
            )
        left = remove_files(files)
        if left:
            QMessageBox.warning(
                self._page,
                _("Några filer finns kvar"),
                ngettext(
                    "Sessionen är borttagen, men den här filen gick inte att ta bort:",
                    "Sessionen är borttagen, men de här filerna gick inte att ta bort:",
                    len(left),
                )
                + "".join(f"\n• {path}" for path in left)
                + "\n\n"
                + _("Är filen öppen i ett annat program? Stäng det och ta bort filen själv."),
            )
        if deleted is not None:
            deleted()
