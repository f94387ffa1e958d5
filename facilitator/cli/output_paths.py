"""Where a tool may write what the person asked for with ``-o``, checked before any work starts.

A mistyped folder is refused rather than created (the writers below would make every missing
parent, so ``-o /mnt/usbb/rapport.pdf`` would quietly fill a folder nobody looks in), and a
folder given where a file is meant (or the reverse) is told as such instead of failing late.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.cli.failures import CommandFailed
from facilitator.core.i18n import _


def output_file(path: Path, example: str) -> Path:
    """``path`` when it can be a file we write: its folder exists and it is not a folder."""
    if path.is_dir():
        raise CommandFailed(
            _("{path} är en mapp. Ange ett filnamn, till exempel {example}.").format(
                path=path, example=path / example
            )
        )
    _folder_exists(path.parent)
    return path


def output_folder(path: Path) -> Path:
    """``path`` when it is a folder, or can be made as one in a folder that exists."""
    if path.exists() and not path.is_dir():
        raise CommandFailed(
            _("{path} är en fil, inte en mapp. Ange en mapp att skriva filerna i.").format(
                path=path
            )
        )
    if not path.exists():
        _folder_exists(path.parent)
    return path


def _folder_exists(folder: Path) -> None:
    if not folder.is_dir():
        raise CommandFailed(
            _("Mappen {folder} finns inte. Skapa den först eller välj en annan plats.").format(
                folder=folder
            )
        )
