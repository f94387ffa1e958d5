"""The files an export will write, and a free name when they exist already: an export never
replaces a file unless the leader said so.

A kind of export writes one or more files that share a stem: the summary is ``<stem>.pdf``,
the tables ``<stem>-reflektioner.csv`` and ``<stem>-steg.csv``. A new name numbers the stem,
"<stem> (2)", the way file managers do, and is free for every file of the export at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class ExportFiles:
    folder: Path
    stem: str
    endings: tuple[str, ...]
    """What follows the stem in each file's name, extension included."""

    @classmethod
    def chosen(cls, path: Path, ending: str) -> ExportFiles:
        """The one file a save dialog gave; its ending is added when the leader left it off."""
        name = path.name
        stem = name[: -len(ending)] if name.lower().endswith(ending.lower()) else name
        return cls(path.parent, stem, (ending,))

    @property
    def paths(self) -> tuple[Path, ...]:
        return tuple(self.folder / f"{self.stem}{ending}" for ending in self.endings)

    def existing(self) -> tuple[Path, ...]:
        # A link counts even when it points nowhere: writing there is refused (safe_write).
        return tuple(path for path in self.paths if path.is_symlink() or path.exists())

    def renumbered(self) -> ExportFiles:
        """The same files under the first numbered stem none of them exist under."""
        number = 2
        while True:
            candidate = replace(self, stem=f"{self.stem} ({number})")
            if not candidate.existing():
                return candidate
            number += 1
