"""CSV read back, and the JSON archive carried from one data folder to another."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from facilitator.core.export.archive import ArchiveError, read_archive, write_archive
from facilitator.core.export.archive_import import ArchiveOutcome, import_archives
from facilitator.core.export.csv_export import guard, read_csv, unguard, write_session_csv
from facilitator.core.export.gather import gather_session
from facilitator.core.export.model import SessionExport
from facilitator.core.storage.records import AttendanceCounts, ReflectionKind
from tests.core.export.sample_data import (
    ARABIC,
    PRIVATE,
    TIGRINYA,
    SampleDb,
    add_session,
    example_manifests,
    open_sample_db,
)

EXPORTED = datetime(2025, 3, 15, 12, 0).astimezone()


def test_csv_is_excel_friendly_and_reads_back(session: SessionExport, tmp_path: Path) -> None:
    reflections, steps = write_session_csv(session, tmp_path)
    raw = reflections.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.splitlines()[0].decode("utf-8-sig").startswith("session;sessionstitel;datum")
    rows = read_csv(reflections)
    assert len(rows) == len(session.reflections)
    assert [r["text"] for r in rows] == [r.text for r in session.reflections]
    assert {r["typ"] for r in rows} == {k.value for k in ReflectionKind}
    assert ARABIC in {r["text"] for r in rows} and TIGRINYA in {r["text"] for r in rows}
    assert PRIVATE not in raw.decode("utf-8-sig")
    step_rows = read_csv(steps)
    assert [r["stegtitel"] for r in step_rows] == [s.title for s in session.steps]
    assert sum(int(r["planerade_sekunder"]) for r in step_rows) == session.planned_seconds
    paus = next(r for r in step_rows if r["steg_id"] == "paus")
    assert paus["överhoppat"] == "ja" and paus["faktiska_minuter"] == ""


@pytest.mark.parametrize("value", ["=SUM(A1)", "+46 70", "-mer tid", "@x", "vanlig"])
def test_formula_guard_round_trips(value: str) -> None:
    guarded = guard(value)
    assert not guarded.startswith(("=", "+", "-", "@"))
    assert unguard(guarded) == value


def test_archive_has_a_schema_version_and_no_private_note(
    session: SessionExport, tmp_path: Path
) -> None:
    path = write_archive(session, tmp_path / "a.json", exported_at=EXPORTED)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["kind"] == "facilitator-session-archive"
    assert len(data["reflections"]) == len(session.reflections)
    assert PRIVATE not in path.read_text(encoding="utf-8")
    assert "HEMLIG" not in path.read_text(encoding="utf-8")
    assert data["evaluation"][0]["positive_options"] == [0, 1]


def _other(tmp_path: Path) -> SampleDb:
    return open_sample_db(tmp_path / "coordinator")


def test_round_trip_into_another_database_is_idempotent(
    session: SessionExport, tmp_path: Path
) -> None:
    archive = write_archive(session, tmp_path / "a.json", exported_at=EXPORTED)
    other = _other(tmp_path)
    try:
        first = import_archives(other.database, [archive])
        assert [r.outcome for r in first] == [ArchiveOutcome.ADDED]
        copy = gather_session(other.repo, session.uuid, example_manifests())
        assert copy.reflections == session.reflections
        assert copy.steps == session.steps
        assert copy.attendance == session.attendance
        assert copy.evaluation == session.evaluation
        assert copy.indicators == session.indicators
        assert (copy.title, copy.place, copy.leader_name) == (
            session.title,
            session.place,
            session.leader_name,
        )
        assert (copy.created_at, copy.started_at, copy.ended_at) == (
            session.created_at,
            session.started_at,
            session.ended_at,
        )
        assert other.repo.private_notes.for_session(session.uuid) == ()
        again = import_archives(other.database, [archive, archive])
        assert [r.outcome for r in again] == [ArchiveOutcome.UNCHANGED] * 2
        assert other.repo.history.page(_all()).total == 1
        assert len(other.repo.reflections.for_session(session.uuid)) == len(session.reflections)
    finally:
        other.close()


def _all():  # type: ignore[no-untyped-def]
    from facilitator.core.storage.records import HistoryQuery

    return HistoryQuery(limit=500)


def test_newer_archive_updates_and_older_one_is_ignored(
    sample_db: SampleDb, session_uuid: str, tmp_path: Path
) -> None:
    repo = sample_db.repo
    old = write_archive(
        gather_session(repo, session_uuid), tmp_path / "old.json", exported_at=EXPORTED
    )
    # The leader corrects the attendance and deletes a reflection, then sends a new archive.
    repo.tallies.save_attendance(session_uuid, AttendanceCounts(women=9, men=4))
    dropped = repo.reflections.for_session(session_uuid)[0]
    repo.reflections.delete(dropped.uuid)
    new = write_archive(
        gather_session(repo, session_uuid),
        tmp_path / "new.json",
        exported_at=EXPORTED + timedelta(days=1),
    )
    other = _other(tmp_path)
    try:
        results = import_archives(other.database, [old, new, old])
        assert [r.outcome for r in results] == [
            ArchiveOutcome.ADDED,
            ArchiveOutcome.UPDATED,
            ArchiveOutcome.KEPT_LOCAL,
        ]
        copy = gather_session(other.repo, session_uuid)
        assert copy.attendance == AttendanceCounts(women=9, men=4)
        # Absent from an archive is not deleted: only a tombstone removes a reflection.
        assert dropped.uuid in {r.uuid for r in copy.reflections}
        assert import_archives(other.database, [new])[0].outcome is ArchiveOutcome.UNCHANGED
    finally:
        other.close()


def test_sessions_from_two_laptops_merge(tmp_path: Path) -> None:
    archives = []
    for name in ("a", "b"):
        db = open_sample_db(tmp_path / name)
        try:
            uuid = add_session(db, title=f"Session {name}")
            archives.append(write_archive(gather_session(db.repo, uuid), tmp_path / f"{name}.json"))
        finally:
            db.close()
    other = _other(tmp_path)
    try:
        results = import_archives(other.database, archives)
        assert [r.outcome for r in results] == [ArchiveOutcome.ADDED] * 2
        assert other.repo.history.page(_all()).total == 2
    finally:
        other.close()


def test_bad_archives_are_refused_with_a_reason(session: SessionExport, tmp_path: Path) -> None:
    not_json = tmp_path / "x.json"
    not_json.write_text("{nope", encoding="utf-8")
    future = tmp_path / "future.json"
    data = json.loads(write_archive(session, tmp_path / "ok.json").read_text(encoding="utf-8"))
    data["schema_version"] = 2
    future.write_text(json.dumps(data), encoding="utf-8")
    sneaky = tmp_path / "sneaky.json"
    data["schema_version"] = 1
    data["private_notes"] = [{"text": "x"}]
    sneaky.write_text(json.dumps(data), encoding="utf-8")
    for path, words in ((not_json, "JSON"), (future, "format 2"), (sneaky, "skadat")):
        with pytest.raises(ArchiveError, match=words):
            read_archive(path)
    other = _other(tmp_path)
    try:
        results = import_archives(other.database, [not_json, tmp_path / "ok.json"])
        assert [r.outcome for r in results] == [ArchiveOutcome.FAILED, ArchiveOutcome.ADDED]
    finally:
        other.close()
