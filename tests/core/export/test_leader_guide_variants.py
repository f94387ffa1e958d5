"""The leader guide covers every variant: a tied goal or question says where it applies, a
variant's own notes follow the step's, and sources read as full citations."""

from __future__ import annotations

import shutil
from pathlib import Path

from facilitator.core.export.printables import write_leader_guide
from tests.core.export import pdf_tools
from tests.core.export.sample_data import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "example-module"


def test_variants_in_the_leader_guide(tmp_path: Path) -> None:
    folder = tmp_path / "exempel"
    shutil.copytree(EXAMPLE, folder)
    text = " ".join(pdf_tools.text(write_leader_guide(folder, tmp_path / "guide.pdf")).split())
    assert "Deltagarna har reflekterat över ..." in text
    assert "Deltagarna kan beskriva ... med isbergsmodellen (bara i 57 min)" in text
    assert "Hjälpte isberget dig att se det som inte syns? (bara i 57 min)" in text
    assert "Har du fått mer kunskap om ämnet? • Ja" in text  # asked everywhere: no mark
    notes = "Till dig som leder, i varianten på 45 minuter Låt paren prata i tio minuter"
    assert notes in text
    assert text.index("Låt paren prata i fem minuter") < text.index(notes)
    assert "Hall, E. T. (1976). Beyond Culture. Anchor Press/Doubleday." in text
    assert "projektplan (2016). Regionförbundet i Kalmar län." in text


def test_lengths_sharing_one_override_print_it_once(tmp_path: Path) -> None:
    folder = tmp_path / "exempel"
    shutil.copytree(EXAMPLE, folder)
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    shared = '[variants.leader_notes_override]\n"samtal-1" = "Samma ord i båda."\n'
    text = text.replace(
        '"samtal-1" = """\nLåt paren prata i tio minuter, byt efter halva tiden. Samla sedan '
        "exempel i helgrupp i tio\nminuter och avsluta med vad gruppen vill ta med sig.\n"
        '"""\n',
        '"samtal-1" = "Samma ord i båda."\n',
    )
    text = text.replace(
        'steps = ["valkommen", "film", "samtal-1", "isberget", "paus", "runda", "utvardering", '
        '"avslutning"]\n',
        'steps = ["valkommen", "film", "samtal-1", "isberget", "paus", "runda", "utvardering", '
        f'"avslutning"]\n{shared}',
    )
    manifest.write_text(text, encoding="utf-8")
    guide = " ".join(pdf_tools.text(write_leader_guide(folder, tmp_path / "guide.pdf")).split())
    assert guide.count("Samma ord i båda.") == 1
    assert "Till dig som leder, i varianterna på 45 och 57 minuter Samma ord i båda." in guide
