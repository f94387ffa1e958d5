"""The printables of a module's own page, written through the app's export flow: the save
dialog (remembered folder, never a silent overwrite), the progress dialog, "Exporten är klar".
The same writers as `facilitator printables`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.i18n import N_, _
from facilitator.ui.export_destination import ExportDestination
from facilitator.ui.export_runner import ExportRunner

GUIDE, HANDOUT, SIGNS = "guide", "handout", "signs"


@dataclass(frozen=True)
class Printable:
    caption: str
    working: str
    stem: str
    """The file name's stem, after the module's folder name: the CLI's names."""


PRINTABLES = {
    GUIDE: Printable(
        N_("Spara förberedelseguiden"), N_("Skapar förberedelseguiden…"), "forberedelseguide"
    ),
    HANDOUT: Printable(
        N_("Spara deltagarmaterialet"), N_("Skapar deltagarmaterialet…"), "deltagarmaterial"
    ),
    SIGNS: Printable(N_("Spara skyltarna"), N_("Skapar skyltarna…"), "skyltar"),
}


class ModulePrinting:
    def __init__(self, destination: ExportDestination, runner: ExportRunner) -> None:
        self._destination = destination
        self._runner = runner

    def print(self, kind: str, folder: Path, minutes: int) -> None:
        """Ask where, then write the ``kind`` of printable for the module in ``folder``; the
        handout and the signs for its ``minutes`` length."""
        printable = PRINTABLES[kind]
        stem = f"{folder.name}-{printable.stem}"
        if kind != GUIDE:
            stem += f"-{minutes}-min"
        files = self._destination.file(
            _(printable.caption), stem, ".pdf", _("PDF-dokument (*.pdf)")
        )
        if files is None:
            return
        target = files.paths[0]

        def work(progress: Callable[[float], None], cancelled: Callable[[], bool]) -> object:
            # reportlab on the export's worker, as every PDF the app writes.
            from facilitator.core.export.printables import (
                write_handout,
                write_leader_guide,
                write_signs,
            )

            target.parent.mkdir(parents=True, exist_ok=True)
            if kind == GUIDE:
                return write_leader_guide(folder, target, progress=progress, is_cancelled=cancelled)
            if kind == HANDOUT:
                return write_handout(
                    folder, target, minutes=minutes, progress=progress, is_cancelled=cancelled
                )
            return write_signs(
                folder, target, minutes=minutes, progress=progress, is_cancelled=cancelled
            )

        self._runner.run(_(printable.working), work)
