"""Issue 17: the command line speaks the chosen language — its help, argparse's own words and
the tools' messages — and takes ``--language`` before or after a tool."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.cli_rig import BUNDLED_MODULE, run_cli


def test_the_help_follows_the_language(tmp_path: Path) -> None:
    english = run_cli(tmp_path, "--language", "en", "--help")
    assert english.code == 0
    assert "usage: facilitator" in english.stdout
    assert "options:" in english.stdout
    assert "show this help message and exit" in english.stdout
    assert "the dialogue leader's tool" in english.stdout
    assert "export a session as PDF, HTML, CSV or JSON" in english.stdout
    swedish = run_cli(tmp_path, "--help")
    assert "användning: facilitator" in swedish.stdout
    assert "flaggor:" in swedish.stdout
    assert "exportera en session som PDF, HTML, CSV eller JSON" in swedish.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ("--language", "en", "modules", "validate", "--no-probe"),
        ("modules", "--language", "en", "validate", "--no-probe"),
        ("modules", "validate", "--no-probe", "--language=en"),
    ],
)
def test_language_before_or_after_the_tool(tmp_path: Path, argv: tuple[str, ...]) -> None:
    ran = run_cli(tmp_path, *argv, str(BUNDLED_MODULE))
    assert ran.code == 0, ran.stderr
    # One module: singular, in English (it said "1 modules" through a plural-less message).
    assert "1 module checked: 0 errors" in ran.stdout


def test_argparse_errors_in_the_language(tmp_path: Path) -> None:
    english = run_cli(tmp_path, "--language", "en", "modules", "list", "--bogus")
    assert english.code == 2
    assert "error: unrecognized arguments: --bogus" in english.stderr
    swedish = run_cli(tmp_path, "modules", "list", "--bogus")
    assert "fel: okända argument: --bogus" in swedish.stderr
    wrong = run_cli(tmp_path, "--language", "de")
    assert wrong.code == 2
    assert "ogiltigt val: 'de'" in wrong.stderr


def test_the_saved_language_is_used_without_the_option(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text('language = "en"\n', encoding="utf-8")
    ran = run_cli(tmp_path, "modules", "--help")
    assert "usage: facilitator modules" in ran.stdout
    assert run_cli(tmp_path, "--language", "sv", "modules", "--help").stdout.startswith(
        "användning:"
    )


@pytest.mark.parametrize(
    ("tool", "english", "swedish"),
    [
        (
            ("export",),
            ("usage: facilitator export", "SESSION_UUID", "summary as PDF (-o: the file)"),
            ("användning: facilitator export", "SESSIONENS_UUID", "sammanfattning som PDF"),
        ),
        (
            ("report",),
            ("--from DATE", "only this module (may be given more than once)"),
            ("--from DATUM", "bara den här modulen (kan anges flera gånger)"),
        ),
        (
            ("films", "render"),
            ("MODULE_FOLDER", "Render film.mp4 and the subtitles"),
            ("MODULMAPP", "Gör film.mp4 och undertexterna"),
        ),
        (("modules",), ("COMMAND", "usage: facilitator modules"), ("KOMMANDO",)),
    ],
)
def test_the_tools_help_follows_the_language(
    tmp_path: Path, tool: tuple[str, ...], english: tuple[str, ...], swedish: tuple[str, ...]
) -> None:
    """The export, report and films tools had English help whatever the language, and the
    modules tool the Swedish "KOMMANDO" in English too."""
    in_english = run_cli(tmp_path, "--language", "en", *tool, "--help")
    assert in_english.code == 0, in_english.stderr
    for words in english:
        assert words in in_english.stdout
    assert "KOMMANDO" not in in_english.stdout and "standard:" not in in_english.stdout
    in_swedish = run_cli(tmp_path, *tool, "--help")
    assert in_swedish.code == 0, in_swedish.stderr
    for words in swedish:
        assert words in in_swedish.stdout
    assert "default" not in in_swedish.stdout and "the file" not in in_swedish.stdout
