"""Leader guide and participant handout, from the example module and the bundled ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator.core.content.loader import load_manifest
from facilitator.core.export.markdown import markdown_flowables, plain_text
from facilitator.core.export.printables import (
    ModuleNotPrintable,
    module_text,
    write_handout,
    write_leader_guide,
)
from tests.core.export import pdf_tools
from tests.core.export.sample_data import EXAMPLE_MODULE, ROOT

INTRO = """# Välkommen

Det här är **viktigt** och det här är *betonat*. Ingen <b>HTML</b> släpps igenom.

- första punkten
  fortsätter här
- [ ] en ruta att kryssa

1. ett
2. två

| Kommunen | Regionen |
|---|---|
| skola | vård |
| | |
"""


@pytest.fixture
def module(tmp_path: Path) -> Path:
    folder = tmp_path / "exempel"
    shutil.copytree(EXAMPLE_MODULE, folder)
    (folder / "texts").mkdir(exist_ok=True)
    (folder / "texts" / "introduktion.md").write_text(INTRO, encoding="utf-8")
    (folder / "printables").mkdir(exist_ok=True)
    (folder / "printables" / "isberget.md").write_text(
        "# Isberget\n\nOvanför ytan: ____________\n", encoding="utf-8"
    )
    return folder


def _flat(pdf: Path) -> str:
    return " ".join(pdf_tools.text(pdf).split())


def test_leader_guide_has_plan_steps_notes_and_questions(module: Path, tmp_path: Path) -> None:
    pdf = write_leader_guide(module, tmp_path / "guide.pdf")
    flat = _flat(pdf)
    for expected in (
        "Förberedelseguide för samtalsledaren",
        "Exempelmodul",
        "Plan för 45 minuter",
        "Plan för 57 minuter",
        "0:09 Egna erfarenheter Samtal 23 min",
        "Berätta om ett möte på jobbet där ni förstod varandra olika.",
        "Vad hände sedan?",
        "Låt paren prata i fem minuter.",
        "Ja, lite (räknas som mer kunskap)",
        "Paus vid 1:02: Känner ni igen er?",
        "Post-it-lappar",
        "Regionförbundet i Kalmar län",
    ):
        assert expected in flat, expected
    assert all(pdf_tools.ink_share(p) > 0.005 for p in pdf_tools.render(pdf, tmp_path))


def test_handout_renders_markdown_questions_and_pages(module: Path, tmp_path: Path) -> None:
    pdf = write_handout(module, tmp_path / "handout.pdf")
    flat = _flat(pdf)
    assert "Det här är viktigt och det här är betonat." in flat
    assert "Ingen <b>HTML</b> släpps igenom." in flat
    assert "första punkten fortsätter här" in flat
    assert "Frågor att samtala om" in flat and "Vad tar du med dig härifrån?" in flat
    assert "Isberget Ovanför ytan" in flat
    assert "Låt paren prata" not in flat  # leader notes stay in the leader's guide
    fonts = pdf_tools.fonts(pdf)
    assert "DejaVuSans-Bold" in fonts and "DejaVuSans-Oblique" in fonts


def test_missing_and_escaping_files_print_a_note(module: Path, tmp_path: Path) -> None:
    (module / "texts" / "introduktion.md").unlink()
    assert module_text(module, "../../etc/passwd") is None
    flat = _flat(write_handout(module, tmp_path / "h.pdf"))
    assert "[Filen texts/introduktion.md saknas i modulen.]" in flat


def test_a_broken_module_is_refused(tmp_path: Path) -> None:
    (tmp_path / "trasig").mkdir()
    with pytest.raises(ModuleNotPrintable):
        write_leader_guide(tmp_path / "trasig", tmp_path / "x.pdf")


def test_markdown_subset() -> None:
    assert (
        plain_text("**fet** och *kursiv* [länk](https://x.se)")
        == "fet och kursiv länk (https://x.se)"
    )
    assert len(markdown_flowables(INTRO, 400)) == 7  # heading, text, 2 + 2 items, table
    assert markdown_flowables("|\n|", 400)  # a lone pipe line is a paragraph, not a hang


def _valid_bundled() -> list[Path]:
    folders = sorted(p for p in (ROOT / "modules").iterdir() if p.is_dir())
    return [f for f in folders if load_manifest(f).manifest is not None][:2]


@pytest.mark.parametrize("folder", _valid_bundled(), ids=lambda p: p.name)
def test_bundled_modules_print(folder: Path, tmp_path: Path) -> None:
    manifest = load_manifest(folder).manifest
    assert manifest is not None
    guide = _flat(write_leader_guide(folder, tmp_path / "g.pdf"))
    assert " ".join(manifest.title.sv.split()) in guide
    handout = _flat(write_handout(folder, tmp_path / "h.pdf"))
    assert "Deltagarmaterial" in handout
