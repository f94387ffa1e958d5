"""One call per export, for the UI and the command line: read what is needed from storage,
then write the file(s). Safe to run on a worker thread (the storage API hands out plain
values); ``progress`` is called from that thread, ``is_cancelled`` is polled there."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from facilitator.core.export.archive import write_archive
from facilitator.core.export.archive_format import ARCHIVE_SUFFIX
from facilitator.core.export.csv_export import export_stem, write_session_csv
from facilitator.core.export.gather import (
    ManifestLookup,
    gather_period,
    gather_session,
    no_manifests,
)
from facilitator.core.export.model import DEFAULT_TARGET
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.export.report_csv import write_report_csv
from facilitator.core.export.report_data import PeriodReport, build_report
from facilitator.core.export.report_pdf import write_report_pdf
from facilitator.core.export.summary_html import write_summary_html
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.storage.repository import Repository


def summary_file_name(repo: Repository, session_uuid: str, suffix: str = ".pdf") -> str:
    """A suggested file name for the summary: ``2025-03-14-Att-motas.pdf`` (or ``.html``)."""
    return f"{export_stem(gather_session(repo, session_uuid))}{suffix}"


def export_summary_pdf(
    repo: Repository,
    session_uuid: str,
    target: Path,
    *,
    manifests: ManifestLookup = no_manifests,
    indicator_target: float = DEFAULT_TARGET,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    steps = Steps(progress, is_cancelled)
    session = gather_session(repo, session_uuid, manifests)
    steps.report(0.05)
    part = steps.part(0.05, 1.0)
    return write_summary_pdf(
        session,
        target,
        indicator_target=indicator_target,
        progress=part.report,
        is_cancelled=is_cancelled,
    )


def export_summary_html(
    repo: Repository,
    session_uuid: str,
    target: Path,
    *,
    manifests: ManifestLookup = no_manifests,
    indicator_target: float = DEFAULT_TARGET,
) -> Path:
    """The summary's accessible twin: the same sections as the PDF, as one HTML file."""
    session = gather_session(repo, session_uuid, manifests)
    return write_summary_html(session, target, indicator_target=indicator_target)


def export_session_csv(
    repo: Repository,
    session_uuid: str,
    folder: Path,
    *,
    manifests: ManifestLookup = no_manifests,
) -> list[Path]:
    """``<date>-<title>-reflektioner.csv`` and ``…-steg.csv`` in ``folder``."""
    return write_session_csv(gather_session(repo, session_uuid, manifests), folder)


def export_session_archive(
    repo: Repository,
    session_uuid: str,
    target: Path | None = None,
    *,
    folder: Path | None = None,
    manifests: ManifestLookup = no_manifests,
) -> Path:
    """The JSON archive, to ``target`` or under its own name in ``folder``."""
    session = gather_session(repo, session_uuid, manifests)
    if target is None:
        target = (folder or Path.cwd()) / f"{export_stem(session)}{ARCHIVE_SUFFIX}"
    return write_archive(session, target)


def period_report(
    repo: Repository,
    first: date,
    last: date,
    *,
    module_ids: Collection[str] = (),
    manifests: ManifestLookup = no_manifests,
    indicator_target: float = DEFAULT_TARGET,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> PeriodReport:
    steps = Steps(progress, is_cancelled)
    sessions = gather_period(
        repo, first, last, module_ids=module_ids, manifests=manifests, steps=steps
    )
    return build_report(sessions, first, last, module_ids=module_ids, target=indicator_target)


def export_report(
    repo: Repository,
    first: date,
    last: date,
    *,
    pdf: Path | None = None,
    csv_folder: Path | None = None,
    module_ids: Collection[str] = (),
    manifests: ManifestLookup = no_manifests,
    indicator_target: float = DEFAULT_TARGET,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> list[Path]:
    """The report as PDF (to ``pdf``) and/or CSV (two files in ``csv_folder``)."""
    steps = Steps(progress, is_cancelled)
    report = period_report(
        repo,
        first,
        last,
        module_ids=module_ids,
        manifests=manifests,
        indicator_target=indicator_target,
        progress=steps.part(0.0, 0.4).report,
        is_cancelled=is_cancelled,
    )
    written: list[Path] = []
    if csv_folder is not None:
        written += write_report_csv(report, csv_folder, report_stem(first, last))
    if pdf is not None:
        part = steps.part(0.4, 1.0)
        written.append(
            write_report_pdf(report, pdf, progress=part.report, is_cancelled=is_cancelled)
        )
    steps.report(1.0)
    return written


def report_stem(first: date, last: date) -> str:
    return f"rapport-{first.isoformat()}--{last.isoformat()}"
