"""A real SQLite file in tmp_path, filled through the storage API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.core.export.gather import gather_session
from facilitator.core.export.model import SessionExport
from tests.core.export.sample_data import SampleDb, add_session, example_manifests, open_sample_db


@pytest.fixture
def sample_db(tmp_path: Path) -> Iterator[SampleDb]:
    db = open_sample_db(tmp_path / "leader")
    yield db
    db.close()


@pytest.fixture
def session_uuid(sample_db: SampleDb) -> str:
    return add_session(sample_db)


@pytest.fixture
def session(sample_db: SampleDb, session_uuid: str) -> SessionExport:
    return gather_session(sample_db.repo, session_uuid, example_manifests())


@pytest.fixture(scope="session")
def summary_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One summary built once for the read-back tests (the build is the slow part)."""
    from facilitator.core.export.summary_pdf import write_summary_pdf

    folder = tmp_path_factory.mktemp("summary")
    db = open_sample_db(folder / "data")
    try:
        uuid = add_session(db)
        data = gather_session(db.repo, uuid, example_manifests())
    finally:
        db.close()
    return write_summary_pdf(data, folder / "summary.pdf")
