"""Issue 17: the report lists its modules alphabetically in its language and dates as people
write them ("14 mars 2025", "14 Mar 2025"), read back from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facilitator.core import i18n
from facilitator.core.export.gather import gather_period
from facilitator.core.export.report_data import build_report
from facilitator.core.export.report_pdf import write_report_pdf
from facilitator.core.storage.records import ModuleRef
from tests.core.export import pdf_tools
from tests.core.export.sample_data import add_session, example_manifests, open_sample_db

LOCALE = Path(__file__).resolve().parents[3] / "resources" / "locale"
MARCH = (date(2025, 3, 1), date(2025, 3, 31))
TITLES = ("Zebror", "Ödmjukhet", "Éclair", "Åsikter", "Aaa")


@pytest.mark.parametrize(
    ("language", "order", "first_session", "period"),
    [
        ("sv", ["Aaa", "Éclair", "Zebror", "Åsikter", "Ödmjukhet"], "14 mars 2025", "1 mars 2025"),
        ("en", ["Aaa", "Åsikter", "Éclair", "Ödmjukhet", "Zebror"], "14 Mar 2025", "1 March 2025"),
    ],
)
def test_module_lines_and_dates_follow_the_language(
    tmp_path: Path, language: str, order: list[str], first_session: str, period: str
) -> None:
    db = open_sample_db(tmp_path / "data")
    modules = tuple(ModuleRef(f"m{i}", "1.0.0", f"sha256:{i}", t) for i, t in enumerate(TITLES))
    add_session(db, modules=modules)
    sessions = gather_period(db.repo, *MARCH, manifests=example_manifests())
    assert i18n.activate(language, LOCALE)
    report = build_report(sessions, *MARCH)
    assert [line.title for line in report.modules] == order
    flat = " ".join(pdf_tools.text(write_report_pdf(report, tmp_path / "r.pdf")).split())
    assert first_session in flat and period in flat
    assert "2025-03-14" not in flat
