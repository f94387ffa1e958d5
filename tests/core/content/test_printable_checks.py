"""The validator on printables: declared with an audience, no leader material for the
participants, and drawings the PDF can make — each problem with its file and line."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.printable_checks import leader_phrases
from facilitator.core.content.problems import Problem
from facilitator.core.content.validate import validate_module

from .conftest import edit_manifest

DECLARED = """[[printables]]
file = "printables/isberget.md"
audience = "participants"
"""


def _errors(folder: Path, file: str) -> list[Problem]:
    return [p for p in validate_module(folder).errors if p.file == file]


def test_the_example_module_is_clean(module: Path) -> None:
    assert validate_module(module).errors == ()


def test_an_undeclared_printable_has_no_known_audience(module: Path) -> None:
    (module / "printables" / "extra.md").write_text("# Extra\n", encoding="utf-8")
    (found,) = _errors(module, "printables/extra.md")
    assert "så dess målgrupp är okänd" in found.found
    assert 'file = "printables/extra.md"' in found.expected


def test_a_step_names_only_declared_printables(module: Path) -> None:
    manifest = module / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text[: text.index("[[printables]]")], encoding="utf-8")
    problems = validate_module(module).errors
    step = [p for p in problems if p.field == "steps[3].printables[0]"]
    assert len(step) == 1 and "står inte under [[printables]]" in step[0].found
    assert step[0].line is not None
    assert any(p.file == "printables/isberget.md" for p in problems)


def test_a_declared_file_must_exist_inside_printables(module: Path) -> None:
    edit_manifest(module, 'file = "printables/isberget.md"', 'file = "texts/introduktion.md"')
    problems = validate_module(module).errors
    (outside,) = [p for p in problems if p.field == "printables[0].file"]
    assert "utanför mappen printables" in outside.found
    edit_manifest(module, 'file = "texts/introduktion.md"', 'file = "printables/saknas.md"')
    (missing,) = [p for p in validate_module(module).errors if p.field == "printables[0].file"]
    assert missing.found == "filen ”printables/saknas.md” finns inte"


def test_a_file_declared_twice_is_refused(module: Path) -> None:
    text = (module / "module.toml").read_text(encoding="utf-8")
    leader = DECLARED.replace("participants", "leader")
    (module / "module.toml").write_text(text + "\n" + leader, encoding="utf-8")
    loaded = load_manifest(module)
    assert loaded.manifest is None
    (found,) = loaded.problems
    assert found.field == "printables[1].file" and "redan deklarerad" in found.found


def test_leader_material_for_participants_is_an_error_with_its_line(module: Path) -> None:
    page = module / "printables" / "isberget.md"
    page.write_text("# Isberget\n\nRita.\n\n## Ledarstöd\n\nFör dig som\nsamtalsledare.\n")
    found = _errors(module, "printables/isberget.md")
    assert [(p.line, p.found) for p in found] == [
        (5, "”Ledarstöd” i material till deltagarna"),
        (7, "”För dig som samtalsledare” i material till deltagarna"),
    ]
    assert 'audience = "leader"' in found[0].expected
    # The same page for the leader is fine.
    edit_manifest(module, 'audience = "participants"', 'audience = "leader"')
    assert _errors(module, "printables/isberget.md") == []


def test_the_introduction_is_for_participants(module: Path) -> None:
    intro = module / "texts" / "introduktion.md"
    intro.write_text(intro.read_text(encoding="utf-8") + "\nFacit finns hos ledaren.\n")
    (found,) = _errors(module, "texts/introduktion.md")
    assert found.line == intro.read_text(encoding="utf-8").count("\n")


def test_leader_phrases_are_whole_phrases() -> None:
    assert leader_phrases("facit\nFACIT: a\nUnderlag  för\tsamtalsledaren") == [
        (1, "facit"),
        (2, "FACIT"),
        (3, "Underlag för samtalsledaren"),
    ]
    assert leader_phrases("*Till samtalsledaren: kort 1 …*") == [(1, "Till samtalsledaren:")]
    assert leader_phrases("facitlista, ledarstödet, lämna lappen till samtalsledaren.") == []


def test_figures_are_known_with_the_right_labels(module: Path) -> None:
    (module / "printables" / "isberget.md").write_text(
        "# Bilder\n\n```figure iceberg\nDet vi ser\n```\n\n"
        "```figure rings\nA\nB\nC\n```\n\n```figure pyramid\nA\nB\n```\n",
        encoding="utf-8",
    )
    found = _errors(module, "printables/isberget.md")
    assert [(p.line, p.found, p.expected) for p in found] == [
        (3, "bilden iceberg har 1 etikett", "2 etiketter, en per rad"),
        (13, "en bild som heter ”pyramid”", "en av bilderna iceberg, rings"),
    ]
    (module / "printables" / "isberget.md").write_text(
        "```figure rings\n" + "\n".join("ABCDEFG") + "\n```\n", encoding="utf-8"
    )
    (too_many,) = _errors(module, "printables/isberget.md")
    assert too_many.expected == "2–6 etiketter, en per rad"
