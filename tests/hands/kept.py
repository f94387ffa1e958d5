"""What the app kept, read the way a person with a file browser could: the SQLite database
(opened read-only, so the test can never change it) and the library's cache file."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from facilitator.core.paths import bundled_modules_dir, resolve_paths


def database_file(home: Path) -> Path:
    return resolve_paths(environ={"FACILITATOR_HOME": str(home)}).database_file


def rows(home: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Rows of a query, or [] while the database does not exist or is still being created."""
    path = database_file(home)
    if not path.exists():
        return []
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)) as db:
            return db.execute(sql, params).fetchall()
    except sqlite3.OperationalError:  # no such table yet: the app is still migrating
        return []


def session_modules(home: Path) -> list[str]:
    return [r[0] for r in rows(home, "SELECT module_id FROM session_modules ORDER BY position")]


def current_step(home: Path) -> str | None:
    found = rows(home, "SELECT current_step_key FROM sessions ORDER BY id DESC LIMIT 1")
    return found[0][0] if found else None


def reflections(home: Path) -> list[tuple[str, str, str]]:
    """(step key, kind, text) of every reflection kept, oldest first."""
    return [
        (r[0], r[1], r[2])
        for r in rows(home, "SELECT step_key, kind, text FROM reflections ORDER BY id")
    ]


def library_checked(home: Path) -> bool:
    """True once the app has checked every bundled module's files. Until then it rebuilds the
    library's cards after each check, which drops a choice made meanwhile."""
    cache = resolve_paths(environ={"FACILITATOR_HOME": str(home)}).data_dir / "cache"
    try:
        modules = json.loads((cache / "catalog.json").read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError):
        return False
    bundled = [p for p in bundled_modules_dir().iterdir() if (p / "module.toml").is_file()]
    return all("full" in modules.get(str(folder), {}) for folder in bundled)


def session_plan(home: Path) -> dict[str, Any] | None:
    """The plan the last session started with, as the app stored it."""
    found = rows(home, "SELECT plan_json FROM sessions ORDER BY id DESC LIMIT 1")
    return json.loads(found[0][0]) if found else None


def engine_state(home: Path) -> dict[str, Any]:
    """The running session's saved state (what a restart resumes from); {} before there is one."""
    found = rows(home, "SELECT engine_state_json FROM sessions ORDER BY id DESC LIMIT 1")
    return json.loads(found[0][0]) if found and found[0][0] else {}


def session_status(home: Path) -> str | None:
    """ "running", "finished" or "interrupted" for the last session; None before there is one."""
    found = rows(home, "SELECT status FROM sessions ORDER BY id DESC LIMIT 1")
    return found[0][0] if found else None


def attendance(home: Path) -> dict[str, int]:
    """The last session's attendance counts by column (women, men, …); {} before any."""
    found = rows(
        home,
        "SELECT a.* FROM attendance a JOIN sessions s ON s.id = a.session_id "
        "ORDER BY s.id DESC LIMIT 1",
    )
    if not found:
        return {}
    names = [r[1] for r in rows(home, "PRAGMA table_info(attendance)")]
    return {
        name: value for name, value in zip(names, found[0], strict=True) if name != "updated_at"
    }


def evaluation_counts(home: Path) -> dict[tuple[str, int], int]:
    """The last session's evaluation: (question id, option index) → how many chose it."""
    found = rows(
        home,
        "SELECT question_id, option_index, count FROM evaluation_answers "
        "WHERE session_id = (SELECT MAX(id) FROM sessions)",
    )
    return {(question, option): count for question, option, count in found}


def exports(home: Path) -> list[tuple[str, str]]:
    """(path, kind) of every file the app recorded as exported, oldest first."""
    return [(r[0], r[1]) for r in rows(home, "SELECT path, kind FROM exports ORDER BY id")]
