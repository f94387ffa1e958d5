"""What the phones gave, in every export: an approved answer marked as the group's in the
summary (PDF and web page) and the CSV, the evaluation counted by hand plus by phone with
"N svarade på mobilen", and an archive that keeps the two parts apart, so importing it on
another computer keeps the phones' votes and merging it back counts no phone twice."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.core.export.archive import write_archive
from facilitator.core.export.archive_import import ArchiveOutcome, import_archives
from facilitator.core.export.csv_export import read_csv, write_session_csv
from facilitator.core.export.gather import no_manifests
from facilitator.core.export.model import SessionExport
from facilitator.core.export.summary_html import summary_html
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import (
    EvaluationOption,
    EvaluationResult,
    ReflectionSource,
)
from tests.core.export.sample_data import open_sample_db
from tests.phones_web.phone_rig import PhoneSession, phone_session
from tests.phones_web.test_phone_answers import EVALUATION, QUESTION

HAND = EvaluationResult(
    "kunskap",
    "Vet du mer nu än innan?",
    (EvaluationOption(0, "Ja", 4), EvaluationOption(1, "Lite", 1), EvaluationOption(2, "Nej", 0)),
)


def counts(results: tuple[EvaluationResult, ...]) -> dict[str, dict[int, int]]:
    return {r.question_id: {o.index: o.count for o in r.options} for r in results}


def held(s: PhoneSession) -> SessionExport:
    """Three phones vote, one answer approved, and the leader counted hands for one item."""
    s.room.open_question(QUESTION)
    first = s.phone()
    first.join("482913")
    first.answer("Vi gissar för ofta")
    [answer] = s.room.answers()
    s.room.open_question(EVALUATION)
    for choice in ("0", "0", "2"):
        phone = s.phone()
        phone.join("482913")
        form = phone.get("/").hidden()
        assert phone.post("/answer", {**form, "item0": choice, "item1": "1"}).status == 200
    got: list[SessionExport] = []
    with s.owner.lock:
        s.room.approve(answer.uuid)
        s.storage.save_evaluation(s.service.session_uuid, [HAND])
        s.storage.gather_export(s.service.session_uuid, no_manifests, got.append, _raise)
    return got[0]


def _raise(error: Exception) -> None:
    raise error


def test_the_summary_and_the_csv_tell_what_came_from_the_phones(tmp_path: Path) -> None:
    with phone_session() as s:
        session = held(s)
    assert session.phone_voters == 3
    assert counts(session.evaluation) == {"kunskap": {0: 6, 1: 1, 2: 1}, "nytta": {1: 3}}
    assert counts(session.by_hand) == {"kunskap": {0: 4, 1: 1, 2: 0}}
    html = summary_html(session)
    assert "Vi gissar för ofta (från gruppens mobiler)" in html
    assert "3 svarade på mobilen" in html and "Varav 1 från gruppens mobiler." in html
    [reflections, _steps] = write_session_csv(session, tmp_path)
    assert [row["källa"] for row in read_csv(reflections)] == ["phones"]
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is missing (apt: poppler-utils)")
    pdf = write_summary_pdf(session, tmp_path / "summary.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "(från gruppens mobiler)" in text and "3 svarade på mobilen" in text


def test_an_archive_keeps_the_phones_part_apart(tmp_path: Path) -> None:
    with phone_session() as s:
        session = held(s)
        database_file = s.storage.database_file
        archive = write_archive(session, tmp_path / "a.json", exported_at=datetime.now(UTC))
        # Merged back into the computer that holds the phones' answers: nothing counted twice.
        here = open_database(database_file, tmp_path / "backups", lambda: datetime.now(UTC))
        try:
            outcome = import_archives(here, [archive])[0].outcome
            assert outcome is not ArchiveOutcome.FAILED
        finally:
            here.close()
        again: list[SessionExport] = []
        with s.owner.lock:
            s.storage.gather_export(s.service.session_uuid, no_manifests, again.append, _raise)
        assert counts(again[0].evaluation) == counts(session.evaluation)
    # On another computer, without the phones' answers: the phones' votes are kept.
    other = open_sample_db(tmp_path / "other")
    try:
        assert import_archives(other.database, [archive])[0].outcome is ArchiveOutcome.ADDED
        assert counts(other.repo.tallies.evaluation(session.uuid)) == counts(session.evaluation)
        [reflection] = other.repo.reflections.for_session(session.uuid)
        assert reflection.source is ReflectionSource.PHONES
    finally:
        other.close()
