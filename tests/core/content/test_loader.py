"""The loader turns every mistake in module.toml into a problem with line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.content.loader import load_manifest, parse_manifest
from facilitator.core.content.problems import Problem

from .conftest import EXAMPLE

TEXT = (EXAMPLE / "module.toml").read_text(encoding="utf-8")


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The line where ``needle`` starts a line for the ``occurrence``-th time."""
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith(needle)]
    return lines[occurrence - 1]


def problems_for(old: str, new: str) -> tuple[str, list[Problem]]:
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    loaded = parse_manifest(text, Path("m"))
    assert loaded.manifest is None
    return text, list(loaded.problems)


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [p.describe() for p in problems]
    return problems[0]


def test_the_example_manifest_is_valid() -> None:
    loaded = load_manifest(EXAMPLE)
    assert loaded.problems == ()
    assert loaded.manifest is not None
    assert loaded.manifest.id == "exempel-modul"


def test_wrong_type_names_field_line_and_expectation() -> None:
    text, problems = problems_for("minutes = 10\nquestion", 'minutes = "tio"\nquestion')
    problem = only(problems)
    assert problem.file == "module.toml"
    assert problem.field == "steps[2].minutes"
    assert problem.line == line_of(text, 'minutes = "tio"')
    assert problem.found == 'hittade "tio"'
    assert problem.expected == "ska vara ett heltal"
    assert problem.describe() == (
        f'fel: module.toml:{problem.line}: steps[2].minutes: hittade "tio" – ska vara ett heltal'
    )


def test_true_is_not_taken_for_a_number() -> None:
    _text, problems = problems_for("minutes = 2\n", "minutes = true\n")
    assert only(problems).expected == "ska vara ett heltal"


def test_missing_key_points_at_the_steps_header() -> None:
    text, problems = problems_for('title = "Isberget"\n', "")
    problem = only(problems)
    assert problem.field == "steps[3].title"
    assert problem.found == "saknas"
    assert problem.line == line_of(text, "[[steps]]", 4)


def test_unknown_key_suggests_the_right_spelling() -> None:
    text, problems = problems_for("minutes = 15", "minuts = 15")
    unknown = next(p for p in problems if p.field == "steps[3].minuts")
    assert "okänd nyckel" in unknown.found
    assert "stavfel" in unknown.expected and "minutes" in unknown.expected
    assert unknown.line == line_of(text, "minuts = 15")


def test_unknown_key_without_a_close_match_lists_the_allowed_keys() -> None:
    _text, problems = problems_for("[title]\n", "[title]\nxyzzy = 1\n")
    assert "sv, en" in only(problems).expected


def test_unknown_step_kind_lists_the_kinds() -> None:
    text, problems = problems_for('kind = "activity"', 'kind = "activty"')
    problem = only(problems)
    assert problem.field == "steps[3].kind"
    assert problem.line == line_of(text, 'kind = "activty"')
    assert "ska vara ett av: text, film, prompt, activity" in problem.expected
    assert "activity" in problem.expected


def test_missing_kind() -> None:
    _text, problems = problems_for('kind = "break"\n', "")
    problem = only(problems)
    assert (problem.field, problem.found) == ("steps[4].kind", "saknas")


def test_enum_value_lists_the_choices() -> None:
    _text, problems = problems_for('format = "pairs"', 'format = "par"')
    problem = only(problems)
    assert problem.field == "steps[2].format"
    assert problem.expected.startswith("ska vara ett av: whole_group, pairs, small_groups")


def test_pattern_is_explained_in_words() -> None:
    _text, problems = problems_for('id = "exempel-modul"', 'id = "Exempel modul"')
    problem = only(problems)
    assert (problem.field, problem.line) == ("id", line_of(TEXT, "id = "))
    assert "små bokstäver" in problem.expected


def test_bounds() -> None:
    _text, problems = problems_for("at = 62.0", "at = -1")
    problem = only(problems)
    assert problem.field == "steps[1].pause_points[0].at"
    assert problem.expected == "ska vara minst 0"


def test_empty_text() -> None:
    _text, problems = problems_for('sv = "Exempelmodul"', 'sv = ""')
    assert (only(problems).field, only(problems).expected) == ("title.sv", "får inte vara tom")


def test_duplicate_step_id_and_missing_variant_step_are_both_reported() -> None:
    text, problems = problems_for('id = "paus"', 'id = "runda"')
    fields = {p.field: p for p in problems}
    assert set(fields) == {"steps[5].id", "variants[1].steps[4]"}
    assert fields["steps[5].id"].line == line_of(text, 'id = "runda"', 2)
    assert "finns redan" in fields["steps[5].id"].found
    assert fields["variants[1].steps[4]"].line == line_of(text, "[[variants]]", 2) + 2


def test_variant_step_typo_is_suggested() -> None:
    _text, problems = problems_for('"samtal-1", "runda"', '"samtal-2", "runda"')
    typo = next(p for p in problems if p.field == "variants[0].steps[2]")
    assert "samtal-2" in typo.found and "menade du ”samtal-1”" in typo.found


def test_film_step_without_film_table() -> None:
    start = TEXT.index("\n[film]")
    end = TEXT.index("\n[[steps]]")
    loaded = parse_manifest(TEXT[:start] + TEXT[end:], Path("m"))
    assert [p.field for p in loaded.problems] == ["steps[1].kind"]


def test_evaluation_rule_from_a_validator() -> None:
    _text, problems = problems_for("positive_options = [0, 1]", "positive_options = [0, 9]")
    problem = only(problems)
    assert problem.field == "steps[6].questions[0]"
    assert "svarsalternativ" in problem.expected


def test_schema_version() -> None:
    _text, problems = problems_for("schema_version = 1", "schema_version = 2")
    assert only(problems).expected == "ska vara ett av: 1"


@pytest.mark.parametrize(
    ("old", "new", "found", "occurrence"),
    [
        ('title = "Välkomna"', "title = Välkomna", "ett värde som inte går att läsa", 1),
        ("[summary]", "[summary]\n[summary]", "en tabell som redan finns", 2),
        ('id = "valkommen"', 'id = "valkommen', "en text som aldrig avslutas på raden", 1),
        ("kind = ", "kind ", "en nyckel utan likhetstecken", 1),
    ],
)
def test_toml_syntax_errors_have_lines_and_plain_words(
    old: str, new: str, found: str, occurrence: int
) -> None:
    text, problems = problems_for(old, new)
    problem = only(problems)
    assert problem.found == found
    assert problem.line == line_of(text, new.splitlines()[-1], occurrence)


def test_unterminated_multiline_string_at_end_points_at_the_last_line() -> None:
    text = TEXT + '\nfoo = """abc\n'
    problem = only(list(parse_manifest(text, Path("m")).problems))
    assert problem.line == text.count("\n")


def test_missing_manifest(tmp_path: Path) -> None:
    problem = only(list(load_manifest(tmp_path).problems))
    assert problem.found == "module.toml saknas"


def test_not_utf8_reports_the_line(tmp_path: Path) -> None:
    (tmp_path / "module.toml").write_bytes(b'schema_version = 1\nid = "caf\xe9"\n')
    problem = only(list(load_manifest(tmp_path).problems))
    assert (problem.line, problem.expected) == (2, "spara filen som UTF-8")


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "module.toml").write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    assert load_manifest(tmp_path).manifest is not None


def test_manifest_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "module.toml").mkdir()
    assert only(list(load_manifest(tmp_path).problems)).found == "module.toml är inte en vanlig fil"


def test_huge_manifest_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "module.toml").write_bytes(b"#" * 2_000_000)
    assert "större än" in only(list(load_manifest(tmp_path).problems)).found


def test_broken_manifest_keeps_what_it_could_read() -> None:
    _text, _problems = problems_for("minutes = 15", "minuts = 15")
    loaded = parse_manifest(TEXT.replace("minutes = 15", "minuts = 15"), Path("m"))
    assert loaded.data is not None and loaded.data["id"] == "exempel-modul"


def test_windows_line_endings_keep_line_numbers() -> None:
    text = TEXT.replace('format = "pairs"', 'format = "par"').replace("\n", "\r\n")
    problem = only(list(parse_manifest(text, Path("m")).problems))
    assert problem.line == line_of(TEXT, 'format = "pairs"')
