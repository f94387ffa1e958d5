"""The validator warns about a film without text (neither a script nor a transcript the author
wrote); it is a warning, so the module still runs. Adding a transcript ends the warning, also
for a library that cached the module's earlier validation."""

from __future__ import annotations

import shutil
from pathlib import Path

from facilitator.core.content.problems import Severity
from facilitator.core.content.validate import validate_module
from tests.core.content.conftest import EXAMPLE, complete_module, edit_manifest

NO_TEXT = "filmen har ingen text: varken filmskript eller transcript.md"


def _module_without_script(tmp_path: Path) -> Path:
    film = tmp_path / "film.mp4"
    film.write_bytes(b"")  # never decoded: without a probe the film's length is not read
    folder = complete_module(shutil.copytree(EXAMPLE, tmp_path / "modul"), film)
    edit_manifest(folder, 'script = "film/script.toml"', "")
    (folder / "film" / "script.toml").unlink()
    return folder


def _text_warnings(folder: Path) -> list[str]:
    report = validate_module(folder, None)
    assert report.ok, [p.describe() for p in report.errors]
    found = [p for p in report.problems if p.found == NO_TEXT]
    assert all(p.severity is Severity.WARNING and p.field == "film" for p in found)
    return [p.describe(folder) for p in found]


def test_a_film_with_neither_script_nor_transcript_is_a_warning(tmp_path: Path) -> None:
    folder = _module_without_script(tmp_path)
    (warning,) = _text_warnings(folder)
    assert "module.toml:" in warning and "film/transcript.md" in warning


def test_a_written_transcript_or_a_script_is_enough(tmp_path: Path) -> None:
    folder = _module_without_script(tmp_path)
    report = validate_module(folder, None)
    assert "film/transcript.md" in report.referenced_files  # adding it invalidates a cache
    (folder / "film" / "transcript.txt").write_text("Filmens ord.", encoding="utf-8")
    assert _text_warnings(folder) == []
    complete = complete_module(
        shutil.copytree(EXAMPLE, tmp_path / "med-skript"), tmp_path / "film.mp4"
    )
    assert _text_warnings(complete) == []
