"""Build ``data/rev0001.sqlite3``: a database as revision 0001 made it, with a few rows.

Run ``python -m tests.core.storage.make_fixture`` to rebuild it. Rows go in with plain SQL
written against revision 0001's tables, not through the repository, so this file keeps making
the same old-style database however the models change. ``test_migrations`` checks that the
committed file still matches what this script makes.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from facilitator.core.storage.engine import create_sqlite_engine
from facilitator.core.storage.migrate import alembic_config, upgrade

REVISION = "0001"
FIXTURE = Path(__file__).with_name("data") / f"rev{REVISION}.sqlite3"

SESSION_UUID = "0b7c3c8e-5a1f-4c59-9a0e-000000000001"
REFLECTION_UUIDS = (
    "9d1f0c1e-2b6a-4f7e-8a3c-000000000001",
    "9d1f0c1e-2b6a-4f7e-8a3c-000000000002",
    "9d1f0c1e-2b6a-4f7e-8a3c-000000000003",
)

_ROWS = [
    (
        "INSERT INTO sessions (id, uuid, title, plan_json, place, leader_name, status,"
        " current_step_key, engine_state_json, started_at, ended_at, created_at, updated_at)"
        ' VALUES (1, ?, \'Att mötas över gränser\', \'{"steps": ["intro", "film"]}\','
        " 'Kalmar, Älvsborgsrummet', 'Åsa', 'finished', 'film', '{\"position\": 2}',"
        " '2024-03-05T08:00:00.000000Z', '2024-03-05T09:30:00.000000Z',"
        " '2024-03-04T12:00:00.000000Z', '2024-03-05T09:30:00.000000Z')",
        (SESSION_UUID,),
    ),
    (
        "INSERT INTO sessions (id, uuid, title, plan_json, place, leader_name, status,"
        " current_step_key, engine_state_json, started_at, ended_at, created_at, updated_at)"
        " VALUES (2, '0b7c3c8e-5a1f-4c59-9a0e-000000000002', 'Planerad träff', '{}', 'Växjö',"
        " NULL, 'planned', NULL, NULL, NULL, NULL,"
        " '2024-04-01T10:00:00.000000Z', '2024-04-01T10:00:00.000000Z')",
        (),
    ),
    (
        "INSERT INTO session_modules VALUES (1, 0, 'mota-nyanlanda', '1.2', 'sha256:abc',"
        " 'Att möta nyanlända')",
        (),
    ),
    (
        "INSERT INTO step_runs (session_id, position, step_key, module_id, step_id, title,"
        " kind, planned_seconds, actual_seconds, skipped) VALUES"
        " (1, 0, 'intro', 'mota-nyanlanda', 'intro', 'Inledning', 'text', 300, 340, 0),"
        " (1, 1, 'film', 'mota-nyanlanda', 'film', 'Filmen', 'film', 900, NULL, 1)",
        (),
    ),
    (
        "INSERT INTO reflections (uuid, session_id, step_key, prompt_text, kind, text,"
        " created_at, edited_at) VALUES"
        " (?, 1, 'intro', 'Vad väckte filmen?', 'note', 'Språket är en nyckel',"
        "  '2024-03-05T08:10:00.000000Z', NULL),"
        " (?, 1, 'intro', 'Vad väckte filmen?', 'quote', '”Vi frågar för sällan”',"
        "  '2024-03-05T08:12:00.000000Z', '2024-03-05T08:13:00.000000Z'),"
        " (?, 1, 'film', '', 'parking', 'Hur gör grannkommunen?',"
        "  '2024-03-05T08:40:00.000000Z', NULL)",
        REFLECTION_UUIDS,
    ),
    (
        "INSERT INTO attendance VALUES (1, 7, 4, 1, 0, 5, 6, 2, 1, 0,"
        " '2024-03-05T09:20:00.000000Z')",
        (),
    ),
    (
        "INSERT INTO evaluation_answers (session_id, question_position, question_id,"
        " question_text, option_index, option_text, count, knowledge_indicator) VALUES"
        " (1, 0, 'more-knowledge', 'Har du fått mer kunskap?', 0, 'Ja', 9, 1),"
        " (1, 0, 'more-knowledge', 'Har du fått mer kunskap?', 1, 'Nej', 3, 1)",
        (),
    ),
    (
        "INSERT INTO private_notes (session_id, step_key, text, created_at, updated_at)"
        " VALUES (1, '', 'Prata med Åsa om lokalen', '2024-03-05T09:31:00.000000Z',"
        " '2024-03-05T09:31:00.000000Z')",
        (),
    ),
]


def build(target: Path) -> None:
    """Make the fixture at ``target`` (which must not exist yet)."""
    if target.exists():
        raise FileExistsError(target)
    engine = create_sqlite_engine(target)
    try:
        upgrade(engine, alembic_config(), target, REVISION)
    finally:
        engine.dispose()
    connection = sqlite3.connect(target, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("BEGIN")
        for statement, parameters in _ROWS:
            connection.execute(statement, parameters)
        connection.execute("COMMIT")
        # A single self-contained file for git: no -wal, no free pages.
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("VACUUM")
    finally:
        connection.close()


def dump(file: Path) -> list[str]:
    """The file's schema and rows as SQL: compares two fixtures whatever SQLite wrote them."""
    connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def main() -> int:
    fresh = FIXTURE.with_name(FIXTURE.name + ".new")
    fresh.unlink(missing_ok=True)
    build(fresh)
    fresh.replace(FIXTURE)
    print(f"wrote {FIXTURE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
