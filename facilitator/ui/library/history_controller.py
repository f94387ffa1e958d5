"""The history of sessions: queries run in order with the writes, open a session, export it,
delete it for real after a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import SessionDetail, StorageGateway
from facilitator.core.export.archive import write_archive
from facilitator.core.export.archive_format import ARCHIVE_SUFFIX
from facilitator.core.export.csv_export import export_stem, write_session_csv
from facilitator.core.export.gather import ManifestLookup
from facilitator.core.export.model import SessionExport
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.i18n import _
from facilitator.core.storage.records import HistoryPage as HistoryResult
from facilitator.core.storage.records import HistoryQuery
from facilitator.ui.export_runner import ExportRunner
from facilitator.ui.library.history_page import SessionHistoryPage
from facilitator.ui.library.session_detail import SessionDetailDialog
from facilitator.ui.widgets.confirm import confirm

# (the session, export folder, progress 0..1, is_cancelled) -> what was written
ExportMake = Callable[[SessionExport, Path, Callable[[float], None], Callable[[], bool]], object]


class HistoryController(QObject):
    def __init__(
        self,
        page: SessionHistoryPage,
        storage: StorageGateway,
        exports: ExportRunner,
        export_dir: Path,
        manifests: Callable[[], ManifestLookup],
        settings: SettingsService,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._storage = storage
        self._exports = exports
        self._export_dir = export_dir
        self._manifests = manifests
        self._settings = settings
        page.query_changed.connect(self.run_query)
        page.open_requested.connect(self.open)
        page.delete_requested.connect(self.delete)
        page.export_requested.connect(self.export_pdf)

    def show(self) -> None:
        self._page.refresh()

    def run_query(self, query: HistoryQuery) -> None:
        self._storage.history_page(query, self._show_page)

    def _show_page(self, result: HistoryResult) -> None:
        self._page.set_page(result)

    def open(self, uuid: str) -> None:
        self._storage.session_detail(uuid, self._show_detail)

    def _show_detail(self, detail: SessionDetail) -> None:
        dialog = SessionDetailDialog(detail, self._page)
        dialog.export_pdf.connect(self.export_pdf)
        dialog.export_csv.connect(self.export_csv)
        dialog.export_json.connect(self.export_json)
        dialog.delete_requested.connect(lambda uuid: self._delete_from(dialog, uuid))
        dialog.exec()

    def _delete_from(self, dialog: SessionDetailDialog, uuid: str) -> None:
        if self.delete(uuid):
            dialog.accept()

    def delete(self, uuid: str) -> bool:
        """The history page asked already; a request from the detail dialog asks here."""
        if self.sender() is not self._page and not confirm(
            self._page,
            _("Ta bort sessionen"),
            _("Vill du ta bort sessionen?"),
            _(
                "Sessionen och allt som sparades under den tas bort för gott och kan inte "
                "återställas."
            ),
            _("Ta bort"),
        ):
            return False
        self._storage.delete_session(uuid, lambda _deleted: self._page.remove_session(uuid))
        return True

    def _export(self, uuid: str, title: str, make: ExportMake) -> None:
        """Read the session once, behind every write asked for, then write the file(s) off
        the GUI thread with progress and cancel."""
        folder = self._export_dir

        def write(session: SessionExport) -> None:
            def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> object:
                folder.mkdir(parents=True, exist_ok=True)
                return make(session, folder, progress, cancelled)

            self._exports.run(title, work)

        self._storage.gather_export(uuid, self._manifests(), write, self._exports.report_failure)

    def export_pdf(self, uuid: str) -> None:
        """The session summary PDF; also what the end of a session offers."""
        target_share = self._settings.current.knowledge_target_percent / 100
        self._export(
            uuid,
            _("Skapar sammanfattningen…"),
            lambda session, folder, progress, cancelled: write_summary_pdf(
                session,
                folder / f"{export_stem(session)}.pdf",
                indicator_target=target_share,
                progress=progress,
                is_cancelled=cancelled,
            ),
        )

    def export_csv(self, uuid: str) -> None:
        self._export(
            uuid,
            _("Skapar tabellerna…"),
            lambda session, folder, _progress, _cancelled: write_session_csv(session, folder),
        )

    def export_json(self, uuid: str) -> None:
        self._export(
            uuid,
            _("Skapar arkivet…"),
            lambda session, folder, _progress, _cancelled: write_archive(
                session, folder / f"{export_stem(session)}{ARCHIVE_SUFFIX}"
            ),
        )
