"""Merging an archive into a database that has the session already: all or nothing, nothing
local lost or overwritten unseen, a backup first, and a report (issue 15, finding 5)."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from facilitator.core.export.archive import write_archive
from facilitator.core.export.archive_import import ArchiveOutcome, import_archives
from facilitator.core.export.gather import gather_session
from facilitator.core.export.model import SessionExport
from facilitator.core.storage.backups import backup_files
from facilitator.core.storage.records import (
    AttendanceCounts,
    HistoryQuery,
    ReflectionDraft,
    ReflectionKind,
    SessionLifecycle,
)
from tests.core.export.hostile_archive import EXPORTED, archive_data, write_json
from tests.core.export.sample_data import SampleDb, open_sample_db


def _fail_on_evaluation(db: SampleDb) -> None:
    """A real failure half-way through the import: the database refuses the evaluation rows
    after the session and its reflections were written."""
    connection = sqlite3.connect(db.database.file)
    try:
        connection.execute(
            "CREATE TRIGGER no_answers BEFORE INSERT ON evaluation_answers "
            "BEGIN SELECT RAISE(ABORT, 'nej'); END"
        )
        connection.commit()
    finally:
        connection.close()


def test_a_failing_archive_leaves_nothing_behind(session: SessionExport, tmp_path: Path) -> None:
    archive = write_archive(session, tmp_path / "a.json", exported_at=EXPORTED)
    other = open_sample_db(tmp_path / "other")
    try:
        _fail_on_evaluation(other)
        [result] = import_archives(other.database, [archive])
        assert result.outcome is ArchiveOutcome.FAILED
        assert "inget från filen sparades" in result.message
        # Before: the session stayed, marked running, and was offered for resume at start.
        assert other.repo.sessions.find_interrupted() == ()
        assert other.repo.history.page(HistoryQuery(include_rehearsals=True)).total == 0
    finally:
        other.close()


def _laptops(session: SessionExport, tmp_path: Path) -> tuple[SampleDb, Path]:
    """The coordinator's database with the session imported once, a day after it ran."""
    first = write_archive(session, tmp_path / "first.json", exported_at=EXPORTED)
    here = open_sample_db(tmp_path / "here", EXPORTED + timedelta(days=1))
    assert import_archives(here.database, [first])[0].outcome is ArchiveOutcome.ADDED
    return here, first


def test_a_clock_ahead_cannot_delete_or_overwrite_local_reflections(
    sample_db: SampleDb, session_uuid: str, session: SessionExport, tmp_path: Path
) -> None:
    here, _first = _laptops(session, tmp_path)
    try:
        # Here: one reflection added and one corrected after the first import.
        mine = here.repo.reflections.for_session(session_uuid)
        added = ReflectionDraft(
            str(uuid.uuid4()), session_uuid, mine[0].step_key, ReflectionKind.NOTE, "Tillagd här"
        )
        here.repo.reflections.save(added)
        here.clock.advance(60)
        here.repo.reflections.edit(mine[1].uuid, text="Rättad här")
        # There, on a laptop whose clock runs a year ahead: a reflection deleted (which
        # leaves no trace) and the attendance corrected, then a new archive.
        sample_db.repo.reflections.delete(mine[2].uuid)
        sample_db.repo.tallies.save_attendance(session_uuid, AttendanceCounts(women=9, men=4))
        later = write_archive(
            gather_session(sample_db.repo, session_uuid),
            tmp_path / "later.json",
            exported_at=EXPORTED + timedelta(days=365),
        )
        [result] = import_archives(here.database, [later])
        texts = {r.uuid: r.text for r in here.repo.reflections.for_session(session_uuid)}
        assert texts[added.uuid] == "Tillagd här"
        assert texts[mine[1].uuid] == "Rättad här"
        assert mine[2].uuid in texts
        assert len(texts) == len(mine) + 1
        # The attendance was replaced: said so, and the database was copied first.
        assert here.repo.tallies.attendance(session_uuid) == AttendanceCounts(women=9, men=4)
        assert result.outcome is ArchiveOutcome.UPDATED
        assert result.replaced == ("närvaron",)
        assert result.kept == ("reflektionen är ändrad här senare än i arkivet",)
        assert result.backup is not None and result.backup in backup_files(here.database.backup_dir)
        copy = sqlite3.connect(result.backup)
        try:
            [(women,)] = copy.execute("SELECT women FROM attendance").fetchall()
            [(count,)] = copy.execute("SELECT count(*) FROM reflections").fetchall()
        finally:
            copy.close()
        assert (women, count) == (session.attendance.women, len(mine) + 1)  # type: ignore[union-attr]
        assert any("behölls här (1)" in line for line in result.details())
    finally:
        here.close()


def test_an_edit_wins_by_its_own_edit_time(
    sample_db: SampleDb, session_uuid: str, session: SessionExport, tmp_path: Path
) -> None:
    here, _first = _laptops(session, tmp_path)
    try:
        target = session.reflections[0]
        sample_db.clock.advance(3 * 24 * 3600)  # edited there after the copy here was made
        sample_db.repo.reflections.edit(target.uuid, text="Rättad där")
        # Exported *before* the first archive by its stamp: the edit time decides, not this.
        edited = write_archive(
            gather_session(sample_db.repo, session_uuid),
            tmp_path / "edited.json",
            exported_at=EXPORTED - timedelta(hours=1),
        )
        [result] = import_archives(here.database, [edited])
        assert (result.outcome, result.updated, result.added) == (ArchiveOutcome.UPDATED, 1, 0)
        assert here.repo.reflections.get(target.uuid).text == "Rättad där"
        assert result.backup is not None
    finally:
        here.close()


def test_only_a_tombstone_removes_and_not_after_a_later_edit(
    session: SessionExport, tmp_path: Path
) -> None:
    here, _first = _laptops(session, tmp_path)
    try:
        gone, edited_here = session.reflections[0], session.reflections[1]
        here.clock.advance(3600)
        here.repo.reflections.edit(edited_here.uuid, text="Ändrad efter borttagningen")
        data = archive_data(session, tmp_path, EXPORTED + timedelta(days=1))
        deleted_at = (EXPORTED + timedelta(days=1)).isoformat()
        data["deleted_reflections"] = [
            {"uuid": gone.uuid, "deleted_at": deleted_at},
            {"uuid": edited_here.uuid, "deleted_at": deleted_at},
        ]
        data["reflections"] = data["reflections"][2:]
        [result] = import_archives(here.database, [write_json(tmp_path / "t.json", data)])
        left = {r.uuid for r in here.repo.reflections.for_session(session.uuid)}
        assert gone.uuid not in left and edited_here.uuid in left
        assert (result.removed, len(result.kept)) == (1, 1)
    finally:
        here.close()


def test_a_reflection_of_another_session_is_refused_not_moved(
    session: SessionExport, tmp_path: Path
) -> None:
    here, _first = _laptops(session, tmp_path)
    try:
        data = archive_data(session, tmp_path)
        data["session"]["uuid"] = str(uuid.uuid4())
        [result] = import_archives(here.database, [write_json(tmp_path / "b.json", data)])
        assert result.outcome is ArchiveOutcome.ADDED
        assert (result.added, len(result.refused)) == (0, len(session.reflections))
        assert len(here.repo.reflections.for_session(session.uuid)) == len(session.reflections)
    finally:
        here.close()


def test_adding_a_new_session_takes_no_backup(session: SessionExport, tmp_path: Path) -> None:
    here, _first = _laptops(session, tmp_path)
    try:
        assert backup_files(here.database.backup_dir) == []
    finally:
        here.close()


def test_a_session_running_here_stays_running(session: SessionExport, tmp_path: Path) -> None:
    here, _first = _laptops(session, tmp_path)
    try:
        here.repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
        data = archive_data(session, tmp_path, EXPORTED + timedelta(days=30))
        data["session"]["status"] = "interrupted"
        import_archives(here.database, [write_json(tmp_path / "r.json", data)])
        assert here.repo.sessions.get(session.uuid).status is SessionLifecycle.RUNNING
    finally:
        here.close()


def test_an_archive_dated_after_this_computers_clock_changes_nothing_here(
    sample_db: SampleDb, session_uuid: str, session: SessionExport, tmp_path: Path
) -> None:
    """A laptop whose clock runs years ahead: its archive cannot end the session here, stamp
    it with a future time, or replace what was counted here."""
    here, _first = _laptops(session, tmp_path)
    try:
        before = here.repo.sessions.get(session_uuid)
        sample_db.repo.tallies.save_attendance(session_uuid, AttendanceCounts(women=9, men=4))
        future = datetime.now(UTC) + timedelta(days=3 * 365)
        ahead = write_archive(
            gather_session(sample_db.repo, session_uuid),
            tmp_path / "ahead.json",
            exported_at=future,
        )
        [result] = import_archives(here.database, [ahead])
        after = here.repo.sessions.get(session_uuid)
        assert (after.status, after.ended_at, after.updated_at) == (
            before.status,
            before.ended_at,
            before.updated_at,
        )
        assert here.repo.tallies.attendance(session_uuid) != AttendanceCounts(women=9, men=4)
        assert any("efter den här datorns klocka" in line for line in result.kept)
    finally:
        here.close()
