"""A module with printables for both audiences, a sheet of signs and both drawings, built
from docs/examples/example-module in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.core.export.sample_data import EXAMPLE_MODULE

INTRO = "# Välkommen\n\nI dag samtalar vi om kultur på jobbet.\n"

WORKSHEET = """# Kulturens isberg

*Arbetsblad.* Sätt lappar ovanför och under ytan.

```figure iceberg
Det vi ser
Det vi inte ser
```
"""

RINGS = """# Vem samverkar vi med?

Skriv in namnen i varje ring, från dig själv och utåt.

```figure rings
Jag
Arbetslaget
Förvaltningen
Kommunen
Civilsamhället
```
"""

LEADER = """# Ledarstöd för isberget

För dig som samtalsledare: börja med exemplet om fikarummet.

Facit: det finns inga fel svar, bara fler frågor.
"""

SIGNS = """# 1

Håller helt med

# 2

Håller delvis med

# Öppet hörn

Ställ dig här om inget av svaren passar dig
"""

DECLARATIONS = """
[[printables]]
file = "printables/isberget.md"
audience = "participants"

[[printables]]
file = "printables/ringar.md"
audience = "participants"

[[printables]]
file = "printables/ledarstod.md"
audience = "leader"

[[printables]]
file = "printables/skyltar.md"
audience = "leader"
layout = "signs"
"""

LEADER_LINES = (
    "För dig som samtalsledare: börja med exemplet om fikarummet.",
    "Facit: det finns inga fel svar, bara fler frågor.",
    "Håller helt med",
)


def printables_module(parent: Path) -> Path:
    folder = parent / "utskrifter"
    shutil.copytree(EXAMPLE_MODULE, folder)
    manifest = folder / "module.toml"
    text = manifest.read_text(encoding="utf-8")
    text = text[: text.index("\n# One table per file in printables/")] + "\n" + DECLARATIONS
    text = text.replace(
        'printables = ["printables/isberget.md"]',
        'printables = ["printables/isberget.md", "printables/skyltar.md"]',
    )
    manifest.write_text(text, encoding="utf-8")
    files = {
        "texts/introduktion.md": INTRO,
        "printables/isberget.md": WORKSHEET,
        "printables/ringar.md": RINGS,
        "printables/ledarstod.md": LEADER,
        "printables/skyltar.md": SIGNS,
    }
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")
    return folder
