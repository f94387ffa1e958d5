"""Validation beyond the manifest: files, texts, subtitles, chapters, times and variants."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.content.media_probe import MediaInfo, MediaProbe, MediaProbeError
from facilitator.core.content.problems import Problem, Severity
from facilitator.core.content.report import ModuleReport
from facilitator.core.content.validate import validate_module, validate_paths

from .conftest import FILM_SECONDS, edit_manifest


def line_in(folder: Path, needle: str, file: str = "module.toml") -> int:
    text = (folder / file).read_text(encoding="utf-8")
    return text.count("\n", 0, text.index(needle)) + 1


def problem(report: ModuleReport, field: str = "", file: str = "module.toml") -> Problem:
    found = [p for p in report.problems if p.field == field and p.file == file]
    assert len(found) == 1, [p.describe() for p in report.problems]
    return found[0]


def test_the_complete_example_is_valid(module: Path, probe: MediaProbe) -> None:
    report = validate_module(module, probe)
    assert report.problems == ()
    assert report.ok
    assert report.film_seconds == pytest.approx(FILM_SECONDS, abs=0.5)
    assert "film/film.mp4" in report.referenced_files


def test_without_a_probe_times_are_a_warning_not_an_error(module: Path) -> None:
    report = validate_module(module, None)
    assert report.ok
    warning = problem(report, "film.file")
    assert warning.severity is Severity.WARNING
    assert "ffprobe" in warning.expected


def test_an_injected_probe_is_used(module: Path) -> None:
    class ShortFilm:
        def probe(self, path: Path) -> MediaInfo:
            return MediaInfo(duration=20.0, video_codec="h264", audio_codec="aac")

    report = validate_module(module, ShortFilm())
    assert not report.ok
    assert problem(report, "steps[1].pause_points[0].at").found == "pausen ligger vid 62,0 s"


def test_a_file_that_is_not_a_film(module: Path, probe: MediaProbe) -> None:
    (module / "film" / "film.mp4").write_bytes(b"not a film at all")
    report = validate_module(module, probe)
    assert problem(report, "film.file").found == "filen går inte att läsa som film"


def test_probe_errors_become_problems(module: Path) -> None:
    class Broken:
        def probe(self, path: Path) -> MediaInfo:
            raise MediaProbeError("trasig")

    assert problem(validate_module(module, Broken()), "film.file").found == "trasig"


@pytest.mark.parametrize(
    ("reference", "found"),
    [
        ("../utanfor.md", "en sökväg som går ut ur modulmappen (..)"),
        ("/etc/passwd.md", "en absolut sökväg"),
        ("C:/texter/intro.md", "en absolut sökväg"),
        ("texts\\\\introduktion.md", "en sökväg med \\"),
        ("texts/saknas.md", "filen ”texts/saknas.md” finns inte"),
        ("texts", "en mapp eller en specialfil"),
    ],
)
def test_references_must_stay_inside_the_package(module: Path, reference: str, found: str) -> None:
    edit_manifest(module, 'introduction = "texts/introduktion.md"', f'introduction = "{reference}"')
    report = validate_module(module)
    found_problem = problem(report, "introduction")
    assert found_problem.found == found
    assert found_problem.line == line_in(module, "introduction = ")
    assert not report.ok


def test_a_link_leaving_the_package_is_refused(module: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("hemligt", encoding="utf-8")
    (module / "printables" / "isberget.md").unlink()
    os.symlink(outside, module / "printables" / "isberget.md")
    report = validate_module(module)
    assert problem(report, "steps[3].printables[0]").found == "en länk som pekar ut ur modulmappen"


def test_wrong_case_is_reported(module: Path) -> None:
    edit_manifest(module, '"printables/isberget.md"', '"printables/Isberget.md"')
    found = problem(validate_module(module), "steps[3].printables[0]")
    # Linux is case-sensitive: missing, with the real spelling as a hint.
    assert "printables/isberget.md" in found.found
    assert "stora och små bokstäver" in found.expected


def test_text_files_must_be_utf8_markdown(module: Path) -> None:
    (module / "printables" / "isberget.md").write_bytes(b"# Isberget\n\nM\xe5ndag\n")
    found = problem(validate_module(module), file="printables/isberget.md")
    assert (found.line, found.found) == (3, "tecken som inte är UTF-8")


def test_printables_are_markdown(module: Path) -> None:
    (module / "printables" / "isberget.pdf").write_bytes(b"%PDF-1.4")
    edit_manifest(module, '"printables/isberget.md"', '"printables/isberget.pdf"')
    found = problem(validate_module(module), "steps[3].printables[0]")
    assert found.expected == "ska vara en Markdown-fil (.md)"


def test_introduction_length_is_a_warning(module: Path) -> None:
    (module / "texts" / "introduktion.md").write_text("# Kort\n\nFör kort.\n", encoding="utf-8")
    report = validate_module(module)
    warning = problem(report, "introduction")
    assert warning.severity is Severity.WARNING
    assert warning.found == "introduktionen har 3 ord"


def test_subtitle_syntax_error_has_the_subtitle_files_line(module: Path) -> None:
    vtt = module / "film" / "film.sv.vtt"
    vtt.write_text("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBaklänges\n", encoding="utf-8")
    found = problem(validate_module(module), file="film/film.sv.vtt")
    assert found.line == 3
    assert found.found == "sluttiden ligger före starttiden"


def test_chapter_referenced_by_a_film_step_must_exist(module: Path) -> None:
    edit_manifest(module, 'chapter_to = "slut"', 'chapter_to = "slutet"')
    found = problem(validate_module(module), "steps[1].chapter_to")
    assert found.line == line_in(module, 'chapter_to = "slutet"')
    assert "slutet" in found.found and "slut" in found.expected


def test_chapters_must_lie_inside_the_film(module: Path, probe: MediaProbe) -> None:
    chapters = module / "film" / "film.chapters.vtt"
    text = chapters.read_text(encoding="utf-8").replace("00:01:10.000", "00:02:00.000")
    chapters.write_text(text, encoding="utf-8")
    found = problem(validate_module(module, probe), file="film/film.chapters.vtt")
    assert found.line == line_in(module, "slut\n", "film/film.chapters.vtt")
    assert "inom filmens längd" in found.expected


def test_pause_outside_the_film(module: Path, probe: MediaProbe) -> None:
    edit_manifest(module, "at = 62.0", "at = 75.0")
    found = problem(validate_module(module, probe), "steps[1].pause_points[0].at")
    assert found.severity is Severity.ERROR
    assert found.line == line_in(module, "at = 75.0")


def test_pause_outside_the_chapters_played_is_a_warning(module: Path, probe: MediaProbe) -> None:
    edit_manifest(module, 'chapter_to = "slut"', 'chapter_to = "inledning"')
    found = problem(validate_module(module, probe), "steps[1].pause_points[0].at")
    assert found.severity is Severity.WARNING


def test_chapter_range_backwards(module: Path) -> None:
    edit_manifest(module, 'chapter_from = "inledning"', 'chapter_from = "slut"')
    edit_manifest(module, 'chapter_to = "slut"', 'chapter_to = "inledning"')
    assert not validate_module(module).ok


def test_variant_minutes_must_add_up_with_overrides(module: Path) -> None:
    edit_manifest(module, '{ "samtal-1" = 23 }', '{ "samtal-1" = 20 }')
    report = validate_module(module)
    found = problem(report, "variants[0].minutes")
    assert found.found == "stegen i varianten blir sammanlagt 42 minuter"
    assert "ska bli exakt 45" in found.expected
    assert found.line == line_in(module, "minutes = 45")


def test_unused_step_is_a_warning(module: Path) -> None:
    edit_manifest(module, '"isberget", "paus", ', '"isberget", ')
    edit_manifest(module, "minutes = 57", "minutes = 47")
    report = validate_module(module)
    assert report.ok
    assert problem(report, "steps[4].id").severity is Severity.WARNING


def test_module_ids_are_unique_across_folders(make_module: Callable[[str], Path]) -> None:
    first, second = make_module("a"), make_module("b")
    reports = validate_paths([first.parent])
    assert [r.folder for r in reports] == [first, second]
    for report in reports:
        found = problem(report, "id")
        assert "används också av" in found.found
        assert found.line == line_in(first, "id = ")


def test_a_folder_of_modules_a_module_and_a_manifest(module: Path) -> None:
    as_parent = validate_paths([module.parent])
    as_folder = validate_paths([module])
    as_manifest = validate_paths([module / "module.toml"])
    assert [r.folder for r in as_parent] == [r.folder for r in as_folder] == [module]
    assert as_manifest[0].folder == module
