"""The leader's private notes never reach an export: no module of ``core/export`` names the
private-notes store, and every export runs with that store made unusable."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

import facilitator.core.export as export_package
from facilitator.core.export.service import (
    export_report,
    export_session_archive,
    export_session_csv,
    export_summary_pdf,
)
from tests.core.export.sample_data import PRIVATE, SampleDb, add_session, example_manifests

FORBIDDEN_NAMES = {"private_notes", "PrivateNote", "PrivateNoteStore", "PrivateNoteRow"}


def names_used(path: Path) -> set[str]:
    """Every attribute, name and imported name or module in a source file."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.ImportFrom):
            found.add(node.module or "")
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_export_module_names_the_private_notes() -> None:
    folder = Path(export_package.__file__).parent
    sources = sorted(folder.rglob("*.py"))
    assert sources
    for source in sources:
        used = names_used(source)
        assert not used & FORBIDDEN_NAMES, source
        assert not any("private_note" in name for name in used), source


class Untouchable:
    """Stands in for the private-notes store: any use of it fails the test."""

    def __getattr__(self, name: str) -> object:
        pytest.fail(f"an export asked the private-notes store for {name!r}")


def test_every_export_runs_without_the_private_notes(
    sample_db: SampleDb, session_uuid: str, tmp_path: Path
) -> None:
    repo = sample_db.repo
    repo.private_notes = Untouchable()  # type: ignore[assignment]
    manifests = example_manifests()
    written = [
        export_summary_pdf(repo, session_uuid, tmp_path / "s.pdf", manifests=manifests),
        *export_session_csv(repo, session_uuid, tmp_path, manifests=manifests),
        export_session_archive(repo, session_uuid, tmp_path / "a.json", manifests=manifests),
        *export_report(
            repo,
            date(2025, 1, 1),
            date(2025, 12, 31),
            pdf=tmp_path / "r.pdf",
            csv_folder=tmp_path / "report",
            manifests=manifests,
        ),
    ]
    for path in written:
        assert path.stat().st_size > 0
        if path.suffix != ".pdf":  # the PDFs are read back in test_summary_pdf/test_report
            assert PRIVATE not in path.read_text(encoding="utf-8-sig"), path


def test_the_sample_session_has_a_private_note(sample_db: SampleDb) -> None:
    """So the tests above prove something: there is a note to leave out."""
    uuid = add_session(sample_db, title="Med anteckning")
    assert [n.text for n in sample_db.repo.private_notes.for_session(uuid)] == [PRIVATE]
