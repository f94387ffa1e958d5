"""The history of sessions: queries run in order with the writes, open a session, export it,
delete it for real after a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from facilitator.core.export.gather import ManifestLookup
from facilitator.core.export.service import (
    export_session_archive,
    export_session_csv,
    export_summary_pdf,
    summary_file_name,
)
from facilitator.core.i18n import _
from facilitator.core.storage.records import HistoryPage as HistoryResult
from facilitator.core.storage.records import HistoryQuery
from facilitator.core.storage.repository import Repository
from facilitator.ui.export_runner import ExportRunner
from facilitator.ui.library.history_page import HistoryPage
from facilitator.ui.library.session_detail import SessionDetail, SessionDetailDialog
from facilitator.ui.session_store import SessionStore
from facilitator.ui.widgets.confirm import confirm

# (repository, export folder, progress 0..1, is_cancelled) -> what was written
ExportMake = Callable[[Repository, Path, Callable[[float], None], Callable[[], bool]], object]


class HistoryController(QObject):
    def __init__(
        self,
        page: HistoryPage,
        store: SessionStore,
        exports: ExportRunner,
        export_dir: Path,
        manifests: Callable[[], ManifestLookup],
        knowledge_target: Callable[[], int] = lambda: 60,
    ) -> None:
        super().__init__(page)
        self._page = page
        self._store = store
        self._exports = exports
        self._export_dir = export_dir
        self._manifests = manifests
        self._target = knowledge_target
        page.query_changed.connect(self.run_query)
        page.open_requested.connect(self.open)
        page.delete_requested.connect(self.delete)
        page.export_requested.connect(self.export_pdf)

    def show(self) -> None:
        self._page.refresh()

    def run_query(self, query: HistoryQuery) -> None:
        self._store.read(lambda repo: repo.history.page(query), self._show_page)

    def _show_page(self, result: HistoryResult) -> None:
        self._page.set_page(result)

    def open(self, uuid: str) -> None:
        def gather(repo: Repository) -> SessionDetail:
            return SessionDetail(
                repo.sessions.get(uuid),
                repo.reflections.for_session(uuid),
                repo.tallies.attendance(uuid),
            )

        self._store.read(gather, self._show_detail)

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
        self._store.writer.submit(
            lambda: self._store.repository().erasure.delete_session(uuid),
            lambda _deleted: self._page.remove_session(uuid),
        )
        return True

    def _export(self, title: str, make: ExportMake) -> None:
        repo = self._store.repository()
        folder = self._export_dir

        def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> object:
            folder.mkdir(parents=True, exist_ok=True)
            return make(repo, folder, progress, cancelled)

        # Exports read what the writer has committed: queue behind the pending writes.
        self._store.writer.submit(lambda: None, lambda _r: self._exports.run(title, work))

    def export_pdf(self, uuid: str) -> None:
        """The session summary PDF; also what the end of a session offers."""
        manifests = self._manifests()
        target_share = self._target() / 100
        self._export(
            _("Skapar sammanfattningen…"),
            lambda repo, folder, progress, cancelled: export_summary_pdf(
                repo,
                uuid,
                folder / summary_file_name(repo, uuid),
                manifests=manifests,
                indicator_target=target_share,
                progress=progress,
                is_cancelled=cancelled,
            ),
        )

    def export_csv(self, uuid: str) -> None:
        manifests = self._manifests()
        self._export(
            _("Skapar tabellerna…"),
            lambda repo, folder, _progress, _cancelled: export_session_csv(
                repo, uuid, folder, manifests=manifests
            ),
        )

    def export_json(self, uuid: str) -> None:
        manifests = self._manifests()
        self._export(
            _("Skapar arkivet…"),
            lambda repo, folder, _progress, _cancelled: export_session_archive(
                repo, uuid, folder=folder, manifests=manifests
            ),
        )
