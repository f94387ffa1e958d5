"""Exporting one session, from the history or the end of a session: read it once behind every
write asked for, ask the leader where (``ExportDestination``), write off the GUI thread with
progress and cancel, record what was written (so deleting the session can offer to delete the
files), and say what was written where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.application.settings_service import SettingsService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.export.archive import write_archive
from facilitator.core.export.archive_format import ARCHIVE_SUFFIX
from facilitator.core.export.csv_export import (
    SESSION_CSV_ENDINGS,
    export_stem,
    write_session_csv,
)
from facilitator.core.export.file_names import ExportFiles
from facilitator.core.export.gather import ManifestLookup
from facilitator.core.export.model import SessionExport
from facilitator.core.i18n import N_, _
from facilitator.core.storage.records import ExportKind
from facilitator.ui.export_destination import ExportDestination
from facilitator.ui.export_runner import ExportRunner

HTML_SUFFIX = ".html"

# (the session, where, progress 0..1, is_cancelled) -> what was written
Write = Callable[[SessionExport, ExportFiles, Callable[[float], None], Callable[[], bool]], object]


@dataclass(frozen=True)
class ExportChoice:
    kind: ExportKind
    caption: str
    """The file dialog's title."""
    working: str
    """What the progress dialog says while the file is written."""
    endings: tuple[str, ...]
    """What follows the file name's stem, one per file written."""
    file_filter: str = ""
    """Empty: the files go in a folder the leader chooses (the two CSV tables)."""
    other_formats: tuple[tuple[str, str], ...] = ()
    """More (ending, filter) the save dialog offers besides the first: the same content in
    another format."""


CHOICES = {
    ExportKind.PDF: ExportChoice(
        ExportKind.PDF,
        N_("Spara sammanfattningen"),
        N_("Skapar sammanfattningen…"),
        (".pdf",),
        N_("PDF-dokument (*.pdf)"),
        # The summary's accessible twin, for a screen reader or large text: the PDF cannot
        # be tagged (docs/decisions/0014-accessible-documents.md).
        ((HTML_SUFFIX, N_("Tillgänglig webbsida (*.html)")),),
    ),
    ExportKind.CSV: ExportChoice(
        ExportKind.CSV,
        N_("Välj mapp för tabellerna"),
        N_("Skapar tabellerna…"),
        SESSION_CSV_ENDINGS,
    ),
    ExportKind.JSON: ExportChoice(
        ExportKind.JSON,
        N_("Spara arkivet"),
        N_("Skapar arkivet…"),
        (ARCHIVE_SUFFIX,),
        N_("Sessionsarkiv (*.facilitator-session.json)"),
    ),
}


class SessionExporter:
    def __init__(
        self,
        storage: StorageGateway,
        runner: ExportRunner,
        destination: ExportDestination,
        manifests: Callable[[], ManifestLookup],
        settings: SettingsService,
    ) -> None:
        self._storage = storage
        self._runner = runner
        self._destination = destination
        self._manifests = manifests
        self._settings = settings

    def export_pdf(self, uuid: str) -> None:
        """The session summary; also what the end of a session offers. A PDF, or the same
        summary as an accessible web page when the leader picks that in the save dialog."""
        target_share = self._settings.current.knowledge_target_percent / 100

        def write(
            session: SessionExport,
            files: ExportFiles,
            progress: Callable[[float], None],
            cancelled: Callable[[], bool],
        ) -> Path:
            target = files.paths[0]
            if target.suffix == HTML_SUFFIX:
                from facilitator.core.export.summary_html import write_summary_html

                return write_summary_html(
                    session,
                    target,
                    indicator_target=target_share,
                    progress=progress,
                    is_cancelled=cancelled,
                )
            # reportlab on the export's worker, when the first PDF is asked for: the library
            # does not wait for it at start-up (issue 16).
            from facilitator.core.export.summary_pdf import write_summary_pdf

            return write_summary_pdf(
                session,
                target,
                indicator_target=target_share,
                progress=progress,
                is_cancelled=cancelled,
            )

        self._export(uuid, CHOICES[ExportKind.PDF], write)

    def export_csv(self, uuid: str) -> None:
        self._export(
            uuid,
            CHOICES[ExportKind.CSV],
            lambda session, files, _progress, _cancelled: write_session_csv(
                session, files.folder, stem=files.stem
            ),
        )

    def export_json(self, uuid: str) -> None:
        self._export(
            uuid,
            CHOICES[ExportKind.JSON],
            lambda session, files, _progress, _cancelled: write_archive(session, files.paths[0]),
        )

    def _export(self, uuid: str, choice: ExportChoice, write: Write) -> None:
        def where(session: SessionExport) -> None:
            files = self._ask_where(choice, export_stem(session))
            if files is None:
                return

            def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> object:
                files.folder.mkdir(parents=True, exist_ok=True)
                return write(session, files, progress, cancelled)

            def written(paths: list[Path]) -> None:
                # The summary's twin is recorded as what it is (migration 0003).
                html = any(path.suffix == HTML_SUFFIX for path in paths)
                self._storage.record_exports(uuid, paths, ExportKind.HTML if html else choice.kind)

            self._runner.run(_(choice.working), work, written)

        self._storage.gather_export(uuid, self._manifests(), where, self._runner.report_failure)

    def _ask_where(self, choice: ExportChoice, stem: str) -> ExportFiles | None:
        if not choice.file_filter:
            return self._destination.folder(_(choice.caption), stem, choice.endings)
        if choice.other_formats:
            formats = [(choice.endings[0], choice.file_filter), *choice.other_formats]
            return self._destination.file_in_format(
                _(choice.caption), stem, [(ending, _(f)) for ending, f in formats]
            )
        return self._destination.file(
            _(choice.caption), stem, choice.endings[0], _(choice.file_filter)
        )
