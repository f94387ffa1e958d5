"""An export never replaces a file silently (the names it would write, a free new name), and
what it wrote earlier is found again on disk."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from facilitator.core.export.file_names import ExportFiles
from facilitator.core.export.written_files import remove_files, still_on_disk
from facilitator.core.storage.records import ExportKind, ExportRecord


def test_a_chosen_file_keeps_its_ending_once(tmp_path: Path) -> None:
    typed = ExportFiles.chosen(tmp_path / "Kalmar mars", ".pdf")
    given = ExportFiles.chosen(tmp_path / "Kalmar mars.PDF", ".pdf")
    assert typed.paths == (tmp_path / "Kalmar mars.pdf",)
    assert given.stem == "Kalmar mars"


def test_a_link_at_the_name_counts_as_taken_even_when_it_points_nowhere(tmp_path: Path) -> None:
    files = ExportFiles(tmp_path, "delad", (".pdf",))
    (tmp_path / "delad.pdf").symlink_to(tmp_path / "missing")
    assert files.existing() == (tmp_path / "delad.pdf",)
    assert files.renumbered().paths == (tmp_path / "delad (2).pdf",)


def test_a_new_name_is_numbered_past_every_file_that_exists(tmp_path: Path) -> None:
    files = ExportFiles(tmp_path, "2026-12-03-Grund", ("-reflektioner.csv", "-steg.csv"))
    assert files.existing() == ()
    (tmp_path / "2026-12-03-Grund-steg.csv").write_text("x")
    (tmp_path / "2026-12-03-Grund (2)-reflektioner.csv").write_text("x")
    assert files.existing() == (tmp_path / "2026-12-03-Grund-steg.csv",)
    assert [p.name for p in files.renumbered().paths] == [
        "2026-12-03-Grund (3)-reflektioner.csv",
        "2026-12-03-Grund (3)-steg.csv",
    ]


def test_the_summary_pdf_gets_the_familiar_number(tmp_path: Path) -> None:
    (tmp_path / "Sammanfattning.pdf").write_text("x")
    files = ExportFiles.chosen(tmp_path / "Sammanfattning.pdf", ".pdf")
    assert files.renumbered().paths == (tmp_path / "Sammanfattning (2).pdf",)


def test_only_exports_still_on_disk_are_offered_and_removed(tmp_path: Path) -> None:
    kept = tmp_path / "kvar.pdf"
    kept.write_text("x")
    moved = tmp_path / "flyttad.pdf"
    when = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    records = [
        ExportRecord("s", kept, ExportKind.PDF, when),
        ExportRecord("s", moved, ExportKind.PDF, when),
        ExportRecord("s", kept, ExportKind.PDF, when),
    ]
    assert still_on_disk(records) == (kept,)
    assert remove_files([kept, moved]) == ()
    assert not kept.exists()


def test_a_file_that_cannot_be_removed_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "en-mapp.pdf"  # a folder where a file was: unlink fails
    folder.mkdir()
    assert remove_files([folder]) == (folder,)
