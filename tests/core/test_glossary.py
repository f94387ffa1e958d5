"""The glossary's words for the kinds of reflection are the ones the texts around the app use:
the README, docs/, the bundled modules (the leader guide among them) and the code's messages.
The console, the PDF and the CSV read the glossary itself (tests/ui/test_glossary_words.py)."""

from __future__ import annotations

import re
from pathlib import Path

from facilitator.core import glossary
from facilitator.core.storage.records import ReflectionKind

ROOT = Path(__file__).resolve().parents[2]
# What the same four kinds were called before issue 14 made one glossary.
RETIRED = re.compile(
    r"Kom tillbaka till|parkerad fråga|överenskommen åtgärd|överenskomna åtgärder"
    r"|fråga att komma tillbaka till",
    re.IGNORECASE,
)


def texts() -> list[Path]:
    return [
        ROOT / "README.md",
        *sorted((ROOT / "docs").rglob("*.md")),
        *sorted((ROOT / "docs").rglob("*.toml")),
        *sorted((ROOT / "modules").rglob("*.md")),
        *sorted((ROOT / "modules").rglob("*.toml")),
        # The glossary itself names the old words, to say why it exists.
        *sorted(p for p in (ROOT / "facilitator").rglob("*.py") if p.name != "glossary.py"),
    ]


def test_no_text_uses_a_retired_word() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in texts()
        for match in RETIRED.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_leader_guide_names_the_four_kinds_as_the_console_does() -> None:
    guide = ROOT / "modules/00-vagledning-for-samtalsledaren/printables/lathund-appen.md"
    flat = " ".join(guide.read_text(encoding="utf-8").split())
    words = [glossary.REFLECTION_KINDS[kind.value].word for kind in ReflectionKind]
    assert "Anteckning, Citat, Återkomma till eller Överenskommelse" in flat
    assert words == ["Anteckning", "Citat", "Återkomma till", "Överenskommelse"]


def test_every_kind_has_its_words() -> None:
    assert set(glossary.REFLECTION_KINDS) == {kind.value for kind in ReflectionKind}
    assert len({term.word for term in glossary.REFLECTION_KINDS.values()}) == len(ReflectionKind)
    assert glossary.PAUSE != glossary.BREAK
