"""A dialogue scene in the film's text: where it happens, who is there, each line by its
speaker, in the transcript itself and in the leader guide that prints it."""

from __future__ import annotations

import shutil
from pathlib import Path

from facilitator.core.export.printables import write_leader_guide
from facilitator.core.films.script import parse_script
from facilitator.core.films.transcript import LineKind, transcript_from_script
from tests.core.export import pdf_tools
from tests.core.export.sample_data import ROOT
from tests.core.films.test_dialogue_script import DIALOGUE

MODULE = ROOT / "modules" / "01-grund-1-vad-ar-kultur"


def test_dialogue_lines_carry_their_speakers_and_the_lexicon_stays_out() -> None:
    script = parse_script(DIALOGUE.replace('say = "Hej! Vem är du?"', 'say = "Hej! Vem är hen?"'))
    transcript = transcript_from_script(script)
    scene = transcript.sections[0].passages[1].lines
    assert [(line.kind, line.speaker) for line in scene] == [
        (LineKind.SCREEN, ""),
        (LineKind.NARRATION, ""),
        (LineKind.SPEECH, "Erik"),
        (LineKind.SPEECH, "Samira"),
    ]
    text = transcript.plain_text()
    assert "På bilden: I en reception – Samira och Erik" in text
    assert "Erik: Hej! Vem är hen?\nSamira: Jag heter Samira." in text
    assert "**Erik:** Hej! Vem är hen?" in transcript.markdown()
    assert "hänn" not in text


def test_the_leader_guide_prints_the_dialogue(tmp_path: Path) -> None:
    folder = tmp_path / "modul"
    shutil.copytree(MODULE, folder, ignore=shutil.ignore_patterns("*.mp4", "*.vtt", "*.srt"))
    (folder / "film" / "script.toml").write_text(DIALOGUE, encoding="utf-8")
    guide = " ".join(pdf_tools.text(write_leader_guide(folder, tmp_path / "g.pdf")).split())
    assert "På bilden: I en reception – Samira och Erik Berättarröst: Samira är ny." in guide
    assert "Erik: Hej! Vem är du?" in guide and "Samira: Jag heter Samira." in guide
