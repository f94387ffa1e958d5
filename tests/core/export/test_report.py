"""The report over a period: its totals are the sums of its sessions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from facilitator.core.export.csv_export import read_csv
from facilitator.core.export.gather import gather_period
from facilitator.core.export.report_csv import write_report_csv
from facilitator.core.export.report_data import PeriodReport, build_report, session_minutes
from facilitator.core.export.report_pdf import write_report_pdf
from facilitator.core.storage.records import AttendanceCounts, Gender, TargetGroup
from tests.core.export import pdf_tools
from tests.core.export.sample_data import (
    MODULE,
    OTHER_MODULE,
    PRIVATE,
    SampleDb,
    add_session,
    example_manifests,
    knowledge,
    open_sample_db,
)

MARCH = (date(2025, 3, 1), date(2025, 3, 31))


@pytest.fixture
def month(tmp_path: Path) -> SampleDb:
    db = open_sample_db(tmp_path / "data")
    add_session(db)  # 14 March
    db.clock.advance(3 * 86400)
    add_session(
        db,
        title="Grund 1 i Nybro",
        place="Nybro",
        attendance=AttendanceCounts(women=5, men=5, managers=3),
        evaluation=(knowledge((2, 3, 4, 1)),),
    )
    db.clock.advance(3 * 86400)
    add_session(db, title="Två moduler", modules=(MODULE, OTHER_MODULE), attendance=None)
    db.clock.advance(30 * 86400)
    add_session(db, title="I april", place="Borgholm")
    return db


def _report(db: SampleDb, modules: tuple[str, ...] = ()) -> PeriodReport:
    sessions = gather_period(db.repo, *MARCH, module_ids=modules, manifests=example_manifests())
    return build_report(sessions, *MARCH, module_ids=modules)


def test_totals_equal_the_sum_of_the_sessions(month: SampleDb) -> None:
    report = _report(month)
    sessions = report.sessions
    assert [s.title for s in sessions] == [
        "Att mötas över kulturgränser",
        "Grund 1 i Nybro",
        "Två moduler",
    ]
    t = report.totals
    assert t.sessions == len(sessions) == 3
    assert t.participants == sum(s.participants for s in sessions) == 13 + 10
    for gender in Gender:
        assert t.by_gender[gender] == sum(
            s.attendance.by_gender()[gender] for s in sessions if s.attendance
        )
    for group in TargetGroup:
        assert t.by_target_group[group] == sum(
            s.attendance.by_target_group()[group] for s in sessions if s.attendance
        )
    assert t.minutes == sum(session_minutes(s) for s in sessions)
    assert t.without_attendance == 1
    assert t.positive == sum(i.positive or 0 for s in sessions for i in s.indicators)
    assert t.answers == sum(i.answers for s in sessions for i in s.indicators)
    assert t.positive == 9 + 5 + 9 and t.answers == 12 + 10 + 12


def test_a_rehearsal_is_left_out_of_the_report(month: SampleDb) -> None:
    before = _report(month)
    month.clock.advance(-30 * 86400)  # back into March
    add_session(month, title="Repetition i Kalmar", rehearsal=True)
    after = _report(month)
    assert [s.title for s in after.sessions] == [s.title for s in before.sessions]
    assert after.totals.participants == before.totals.participants


def test_module_lines_and_selection(month: SampleDb) -> None:
    report = _report(month)
    lines = {line.module_id: line.tally for line in report.modules}
    assert lines["exempel-modul"].sessions == 3 and lines["annan-modul"].sessions == 1
    assert lines["exempel-modul"].share == pytest.approx(23 / 34)
    assert lines["annan-modul"].share is None
    only_other = _report(month, ("annan-modul",))
    assert [s.title for s in only_other.sessions] == ["Två moduler"]
    assert [line.module_id for line in only_other.modules] == ["annan-modul"]


def test_report_csv_columns_sum_to_the_totals(month: SampleDb, tmp_path: Path) -> None:
    report = _report(month)
    sessions_csv, modules_csv = write_report_csv(report, tmp_path / "csv", "rapport")
    rows = read_csv(sessions_csv)
    assert len(rows) == 3
    assert sum(int(r["deltagare"]) for r in rows) == report.totals.participants
    assert sum(int(r["kön_women"]) for r in rows) == report.totals.by_gender[Gender.WOMEN]
    assert sum(int(r["minuter"]) for r in rows) == report.totals.minutes
    assert sum(int(r["indikator_positiva"]) for r in rows) == report.totals.positive
    modules = {r["modul"]: r for r in read_csv(modules_csv)}
    assert modules["exempel-modul"]["indikator_andel"] == "0,676"


def test_report_pdf_shows_the_totals(month: SampleDb, tmp_path: Path) -> None:
    report = _report(month)
    pdf = write_report_pdf(report, tmp_path / "rapport.pdf")
    flat = " ".join(pdf_tools.text(pdf).split())
    assert "Sessioner 3" in flat
    assert "Deltagare 23" in flat
    assert "Summa 23" in flat
    assert "Kunskapsindikatorn per modul" in flat and "Mål 60 %" in flat
    assert "68 % (mål 60 %)" in flat
    assert "I april" not in flat and PRIVATE not in flat
    assert all(pdf_tools.ink_share(p) > 0.01 for p in pdf_tools.render(pdf, tmp_path))
