"""Schema changes: revisions agree with the models, old files upgrade with a backup first."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from facilitator.core.clock import FakeClock
from facilitator.core.storage.database import open_database
from facilitator.core.storage.errors import DatabaseMigrationFailed
from facilitator.core.storage.migrate import MIGRATIONS_DIR, alembic_config, head_revision
from facilitator.core.storage.models import Base
from facilitator.core.storage.records import (
    ExportKind,
    HistoryQuery,
    ReflectionKind,
    SessionLifecycle,
)
from facilitator.core.storage.repository import Repository
from tests.core.storage import make_fixture


def test_the_revisions_build_exactly_the_schema_the_models_describe(
    db_file: Path, backup_dir: Path, clock: FakeClock
) -> None:
    with open_database(db_file, backup_dir, clock.now) as opened, opened.engine.connect() as c:
        differences = compare_metadata(
            MigrationContext.configure(c, opts={"compare_type": True}), Base.metadata
        )
    assert differences == []


def test_the_committed_fixture_is_what_make_fixture_builds(tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.sqlite3"
    make_fixture.build(rebuilt)
    assert make_fixture.dump(rebuilt) == make_fixture.dump(make_fixture.FIXTURE)


def test_a_database_from_revision_0001_opens_with_its_data_intact(
    tmp_path: Path, backup_dir: Path, clock: FakeClock
) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(make_fixture.FIXTURE, copy)
    with open_database(copy, backup_dir, clock.now) as opened:
        assert opened.revision == head_revision(alembic_config())
        # A backup is owed exactly when there was something to migrate.
        assert (opened.backup_file is not None) == (opened.revision != make_fixture.REVISION)
        repo = Repository.of(opened)
        session = repo.sessions.get(make_fixture.SESSION_UUID)
        reflections = repo.reflections.for_session(session.uuid)
        attendance = repo.tallies.attendance(session.uuid)
        evaluation = repo.tallies.evaluation(session.uuid)
        notes = repo.private_notes.for_session(session.uuid)
        runs = repo.sessions.step_runs(session.uuid)
        exports = repo.exports.for_session(session.uuid)
        recorded = repo.exports.record(session.uuid, [tmp_path / "a.pdf"], ExportKind.PDF)
        history = repo.history.page(HistoryQuery())
    # Revision 0002: no session was a rehearsal before, and no export was recorded.
    assert session.rehearsal is False
    assert exports == () and recorded[0].path == tmp_path / "a.pdf"
    assert [item.title for item in history.items] == ["Planerad träff", "Att mötas över gränser"]
    assert session.title == "Att mötas över gränser"
    assert session.status is SessionLifecycle.FINISHED
    assert session.modules[0].module_id == "mota-nyanlanda"
    assert session.engine_state_json == '{"position": 2}'
    assert [r.uuid for r in reflections] == list(make_fixture.REFLECTION_UUIDS)
    assert reflections[1].text == "”Vi frågar för sällan”"
    assert reflections[2].kind is ReflectionKind.PARKING
    assert attendance is not None and attendance.total == 12 and attendance.newcomer_staff == 6
    assert evaluation[0].knowledge_indicator and evaluation[0].answers == 12
    assert notes[0].text == "Prata med Åsa om lokalen"
    assert [run.skipped for run in runs] == [False, True]


# A revision after the newest real one, the way the next release would add it.
TEST_REVISION = "9001"

_TEST_REVISION = '''
"""Test-only revision: rebuild the sessions table, as a real column change on SQLite would."""
from alembic import op
import sqlalchemy as sa

revision = "{revision}"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sessions", recreate="always") as batch:
        batch.add_column(sa.Column("room_code", sa.Text(), nullable=True))
    {extra}


def downgrade() -> None:
    pass
'''


def _migrations_with_a_new_revision(tmp_path: Path, extra: str = "") -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    source = (
        _TEST_REVISION.replace("{extra}", extra)
        .replace("{revision}", TEST_REVISION)
        .replace("{head}", head_revision(alembic_config()))
    )
    (folder / "versions" / f"{TEST_REVISION}_test.py").write_text(source, encoding="utf-8")
    return folder


def _crash_with_a_commit_in_the_wal(file: Path) -> None:
    """Commit in another process and die without a checkpoint, like a laptop losing power."""
    script = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute(\"UPDATE sessions SET place = 'Bara i WAL' WHERE id = 1\")\n"
        "c.commit()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(file)], check=True)


def test_an_older_database_is_backed_up_then_upgraded(
    tmp_path: Path, backup_dir: Path, clock: FakeClock
) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(make_fixture.FIXTURE, copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    _crash_with_a_commit_in_the_wal(copy)
    assert copy.with_name(copy.name + "-wal").stat().st_size > 0

    with open_database(
        copy, backup_dir, clock.now, migrations_dir=_migrations_with_a_new_revision(tmp_path)
    ) as opened:
        assert opened.revision == TEST_REVISION
        backup = opened.backup_file
        repo = Repository.of(opened)
        session = repo.sessions.get(make_fixture.SESSION_UUID)
        # The rebuilt parent table took no child rows with it (foreign keys were off).
        assert len(repo.reflections.for_session(session.uuid)) == 3
        assert repo.tallies.attendance(session.uuid) is not None
        with opened.engine.connect() as connection:
            columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(sessions)")]
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    assert "room_code" in columns
    assert session.place == "Bara i WAL"

    assert backup == backup_dir / "facilitator-20250314-093000.sqlite3"
    with sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        # The commit that only lived in the -wal is in the backup too.
        assert old.execute("SELECT place FROM sessions WHERE id = 1").fetchone() == ("Bara i WAL",)
        assert old.execute("SELECT count(*) FROM reflections").fetchone() == (3,)
        assert old.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_a_failed_upgrade_changes_nothing_and_keeps_the_backup(
    tmp_path: Path, backup_dir: Path, clock: FakeClock
) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(make_fixture.FIXTURE, copy)
    before = make_fixture.dump(copy)
    broken = _migrations_with_a_new_revision(
        tmp_path, extra="raise RuntimeError('bug in revision')"
    )
    with pytest.raises(DatabaseMigrationFailed) as raised:
        open_database(copy, backup_dir, clock.now, migrations_dir=broken)
    assert make_fixture.dump(copy) == before
    assert len(list(backup_dir.iterdir())) == 1
    assert "säkerhetskopia" in raised.value.message
    # The code that knows only the real revisions still opens it.
    with open_database(copy, backup_dir, clock.now) as opened, opened.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM reflections")).scalar_one() == 3


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(
    tmp_path: Path, backup_dir: Path, clock: FakeClock
) -> None:
    migrations = _migrations_with_a_new_revision(tmp_path)
    for name in ("a.sqlite3", "b.sqlite3"):
        shutil.copyfile(make_fixture.FIXTURE, tmp_path / name)
        open_database(tmp_path / name, backup_dir, clock.now, migrations_dir=migrations).close()
    assert sorted(p.name for p in backup_dir.iterdir()) == [
        "facilitator-20250314-093000-2.sqlite3",
        "facilitator-20250314-093000.sqlite3",
    ]
