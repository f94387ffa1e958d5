"""Every bundled module's participant handout, read back: no leader-only text in it.

EXPECTED TO FAIL until the issue-18 content lands: today's modules declare no
``[[printables]]``, so no printable has a known audience (and before audiences existed,
01's "Ledarstöd", 04's "Underlag för samtalsledaren" and 06's answer key were printed for the
participants). The content authors fix the modules; this test then holds them to it.

Leader-only text is any paragraph of at least 40 characters from a leader printable or from a
step's leader notes that is not also in what participants are meant to get (the summary,
the introduction, the questions, the participant printables), and any leader phrase.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import Manifest
from facilitator.core.content.manifest_printables import Audience
from facilitator.core.content.printable_checks import LEADER_PHRASES
from facilitator.core.export.printable_pages import module_text
from facilitator.core.export.printables import write_handout
from facilitator.core.markdown.blocks import parse
from tests.core.export import pdf_tools
from tests.core.export.sample_data import ROOT

MODULES = sorted(p for p in (ROOT / "modules").iterdir() if (p / "module.toml").is_file())
MIN_CHARS = 40


def _flat(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(markdown: str) -> list[str]:
    return [_flat(block.text) for block in parse(markdown) if len(_flat(block.text)) >= MIN_CHARS]


def _participant_sources(manifest: Manifest, folder: Path) -> str:
    texts = [manifest.summary.sv]
    for relative in [manifest.introduction or ""] + [
        p.file for p in manifest.printables if p.audience is Audience.PARTICIPANTS
    ]:
        texts.append(module_text(folder, relative) or "")
    texts += [str(getattr(step, "question", "")) for step in manifest.steps]
    return _flat(" ".join(" ".join(_paragraphs(text)) for text in texts))


def _leader_only(manifest: Manifest, folder: Path) -> list[str]:
    sources = [step.leader_notes for step in manifest.steps]
    declared = {p.file for p in manifest.printables}
    for path in sorted((folder / "printables").glob("*.md")):
        relative = f"printables/{path.name}"
        printable = manifest.printable(relative)
        if relative not in declared or (printable and printable.audience is Audience.LEADER):
            sources.append(module_text(folder, relative) or "")
    shared = _participant_sources(manifest, folder)
    return [line for text in sources for line in _paragraphs(text) if line not in shared]


@pytest.mark.parametrize("folder", MODULES, ids=lambda p: p.name[:2])
def test_bundled_handout_has_no_leader_text(folder: Path, tmp_path: Path) -> None:
    manifest = load_manifest(folder).manifest
    assert manifest is not None
    undeclared = sorted(
        f"printables/{path.name}"
        for path in (folder / "printables").glob("*.md")
        if manifest.printable(f"printables/{path.name}") is None
    )
    handout = _flat(pdf_tools.text(write_handout(folder, tmp_path / "handout.pdf")))
    leaked = [line for line in _leader_only(manifest, folder) if line in handout]
    phrases = [phrase for phrase in LEADER_PHRASES if phrase in handout.casefold()]
    assert (undeclared, leaked, phrases) == ([], [], []), (
        "printables without an audience, leader text in the handout, leader phrases"
    )
