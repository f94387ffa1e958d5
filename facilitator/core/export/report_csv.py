"""The report's numbers as CSV (same dialect as ``csv_export``: ``;``, UTF-8 with BOM): one
row per session, and one per module. No totals row, so a spreadsheet can sum the columns."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.export.csv_export import write_csv
from facilitator.core.export.formatting import iso_date
from facilitator.core.export.model import SessionExport
from facilitator.core.export.report_data import PeriodReport, session_minutes
from facilitator.core.storage.records import Gender, TargetGroup

SESSION_HEADER = (
    "session",
    "datum",
    "titel",
    "plats",
    "samtalsledare",
    "moduler",
    "status",
    "deltagare",
    *(f"kön_{g.value}" for g in Gender),
    *(f"målgrupp_{t.value}" for t in TargetGroup),
    "minuter",
    "indikator_positiva",
    "indikator_svar",
)
MODULE_HEADER = (
    "modul",
    "modultitel",
    "sessioner",
    "deltagare",
    "minuter",
    "indikator_positiva",
    "indikator_svar",
    "indikator_andel",
    "mål",
)


def _session_row(session: SessionExport) -> list[str]:
    counts = session.attendance
    genders = counts.by_gender() if counts else dict.fromkeys(Gender, 0)
    groups = counts.by_target_group() if counts else dict.fromkeys(TargetGroup, 0)
    known = [i for i in session.indicators if i.positive is not None]
    return [
        session.uuid,
        iso_date(session.date),
        session.title,
        session.place,
        session.leader_name or "",
        " | ".join(m.module_id for m in session.modules),
        session.status.value,
        str(session.participants),
        *(str(genders[g]) for g in Gender),
        *(str(groups[t]) for t in TargetGroup),
        str(session_minutes(session)),
        str(sum(i.positive or 0 for i in known)),
        str(sum(i.answers for i in known)),
    ]


def write_report_csv(report: PeriodReport, folder: Path, stem: str) -> list[Path]:
    """``<stem>-sessioner.csv`` and ``<stem>-moduler.csv`` in ``folder``."""
    module_rows = [
        [
            line.module_id,
            line.title,
            str(line.tally.sessions),
            str(line.tally.participants),
            str(line.tally.minutes),
            str(line.tally.positive),
            str(line.tally.answers),
            "" if line.tally.share is None else f"{line.tally.share:.3f}".replace(".", ","),
            f"{report.target:.2f}".replace(".", ","),
        ]
        for line in report.modules
    ]
    return [
        write_csv(
            folder / f"{stem}-sessioner.csv",
            SESSION_HEADER,
            [_session_row(s) for s in report.sessions],
        ),
        write_csv(folder / f"{stem}-moduler.csv", MODULE_HEADER, module_rows),
    ]
