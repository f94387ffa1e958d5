"""Real SQLite files in tmp_path, and a clock that moves only when told to."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import STOCKHOLM


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2025, 3, 14, 9, 30, tzinfo=STOCKHOLM))


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "facilitator.sqlite3"


@pytest.fixture
def backup_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "backups"


@pytest.fixture
def database(db_file: Path, backup_dir: Path, clock: FakeClock) -> Iterator[Database]:
    with open_database(db_file, backup_dir, clock.now) as opened:
        yield opened


@pytest.fixture
def repo(database: Database) -> Repository:
    return Repository.of(database)
