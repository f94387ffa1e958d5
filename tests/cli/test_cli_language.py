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
    assert "export a session as PDF, CSV or JSON" in english.stdout
    swedish = run_cli(tmp_path, "--help")
    assert "användning: facilitator" in swedish.stdout
    assert "flaggor:" in swedish.stdout
    assert "exportera en session som PDF, CSV eller JSON" in swedish.stdout


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
