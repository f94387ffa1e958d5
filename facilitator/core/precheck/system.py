"""The pre-session check, the parts that need neither Qt nor libVLC: can the app save what is
said (the data folder is writable, the disk has room), print it (the PDF fonts are there) and
let the room hear the films (there is an audio output).

Every check returns a `CheckItem` in plain Swedish: what was checked, what was found, and,
when it failed, what to do about it. The module checks are in `precheck_modules`; the film,
VLC and screen checks need Qt and live in the UI layer (`facilitator.ui.precheck.media`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.i18n import _, ngettext
from facilitator.core.paths import AppPaths, resources_dir
from facilitator.core.precheck.audio import AudioOutput, find_audio_output

MIN_FREE_BYTES = 200 * 1000 * 1000
"""Under this, a long session with an export or two may not fit: the check fails."""

PDF_FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf",
    "AbyssinicaSIL-Regular.ttf",
    "NotoEmoji-Regular.ttf",
)
"""The files `facilitator.core.export.fonts` embeds (a test keeps the two lists equal)."""

# TrueType, Apple TrueType and OpenType/CFF: what a font file starts with. A Git LFS pointer
# or a half-copied file does not.
_FONT_MAGIC = (b"\x00\x01\x00\x00", b"true", b"OTTO")

DiskUsage = Callable[[Path], tuple[int, int, int]]


@dataclass(frozen=True)
class CheckItem:
    """One line of the check. ``fix`` says what to do; empty when ``ok``."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


def all_passed(items: Iterable[CheckItem]) -> bool:
    return all(item.ok for item in items)


def verdict(items: Sequence[CheckItem]) -> str:
    """The one line under the list."""
    failed = sum(not item.ok for item in items)
    if not items:
        return _("Ingenting kontrollerades.")
    if failed == 0:
        return ngettext(
            "Allt är klart för sessionen ({n} av {n} kontroll gick igenom).",
            "Allt är klart för sessionen ({n} av {n} kontroller gick igenom).",
            len(items),
        ).format(n=len(items))
    return ngettext(
        "Inte klart: {failed} av {n} kontroll gick inte igenom. Se vad du kan göra ovan.",
        "Inte klart: {failed} av {n} kontroller gick inte igenom. Se vad du kan göra ovan.",
        len(items),
    ).format(failed=failed, n=len(items))


def format_size(size: int) -> str:
    """Bytes in the units a leader reads, with a Swedish decimal comma."""
    if size >= 1000**3:
        return f"{size / 1000**3:.1f}".replace(".", ",") + " GB"
    return f"{size / 1000**2:.0f} MB"


# -- the data folder -----------------------------------------------------------------------


def check_data_folder(folder: Path) -> CheckItem:
    """Create the folder if needed, then write, flush to disk and remove a small file in it:
    what saving a reflection does, without touching anything that is there."""
    name = _("Datamappen")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(prefix=".precheck-", dir=folder)
        try:
            os.write(handle, b"facilitator precheck\n")
            os.fsync(handle)
        finally:
            os.close(handle)
            Path(temp).unlink()
    except OSError as error:
        return CheckItem(
            name,
            False,
            _("Det går inte att spara i {path} ({error}).").format(
                path=folder, error=error.strerror or error
            ),
            _(
                "Kontrollera att mappen finns, att du får skriva i den och att disken inte är "
                "skrivskyddad. Du kan också starta appen med --portable för att spara bredvid "
                "appen."
            ),
        )
    return CheckItem(name, True, _("Det går att spara i {path}.").format(path=folder))


def _existing(folder: Path) -> Path:
    """The folder, or the nearest folder above it that exists (the disk it will be on)."""
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            return candidate
    return folder


def _disk_usage(path: Path) -> tuple[int, int, int]:
    usage = shutil.disk_usage(path)
    return usage.total, usage.used, usage.free


def check_free_space(
    folder: Path, minimum: int = MIN_FREE_BYTES, usage: DiskUsage = _disk_usage
) -> CheckItem:
    name = _("Ledigt utrymme")
    try:
        free = usage(_existing(folder))[2]
    except OSError as error:
        return CheckItem(
            name,
            False,
            _("Det gick inte att se hur mycket plats som är ledig ({error}).").format(
                error=error.strerror or error
            ),
            _("Kontrollera att disken med datamappen är ansluten."),
        )
    if free < minimum:
        return CheckItem(
            name,
            False,
            _("Bara {free} ledigt på disken med datamappen.").format(free=format_size(free)),
            _("Frigör minst {need} (töm papperskorgen eller flytta stora filer).").format(
                need=format_size(minimum)
            ),
        )
    return CheckItem(name, True, _("{free} ledigt.").format(free=format_size(free)))


# -- fonts ---------------------------------------------------------------------------------


def _is_font(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(4) in _FONT_MAGIC
    except OSError:
        return False


def check_fonts(folder: Path | None = None, files: Sequence[str] = PDF_FONT_FILES) -> CheckItem:
    name = _("Typsnitt för utskrifter")
    folder = folder if folder is not None else resources_dir() / "fonts"
    bad = [file for file in files if not _is_font(folder / file)]
    if bad:
        return CheckItem(
            name,
            False,
            _("Saknas eller är skadade i {folder}: {files}.").format(
                folder=folder, files=", ".join(bad)
            ),
            _("Installera om appen; utan typsnitten går det inte att skriva ut PDF-filer."),
        )
    return CheckItem(
        name,
        True,
        ngettext("{n} typsnitt finns.", "Alla {n} typsnitt finns.", len(files)).format(
            n=len(files)
        ),
    )


# -- sound ---------------------------------------------------------------------------------


def check_audio_output(output: AudioOutput | None = None) -> CheckItem:
    name = _("Ljud")
    output = output if output is not None else find_audio_output()
    if output.found is False:
        return CheckItem(
            name,
            False,
            _("Inget ljud: datorn har ingen ljudutgång, så ingen hör filmernas ljud."),
            _(
                "Anslut högtalare eller hörlurar, eller projektorn med en HDMI-kabel, och kör "
                "kontrollen igen. Filmerna kan visas ändå, utan ljud men med undertexter."
            ),
        )
    if output.found is None:
        # Nothing to ask on this system; not a failure, but the leader should listen once.
        return CheckItem(
            name, True, _("Det gick inte att ta reda på om datorn har en ljudutgång. Provlyssna.")
        )
    if not output.names:
        return CheckItem(name, True, _("Datorn har en ljudutgång."))
    return CheckItem(
        name, True, _("Ljudet kan gå till: {names}.").format(names=", ".join(output.names))
    )


def system_checks(paths: AppPaths) -> list[CheckItem]:
    """Data folder, free space, fonts and sound: the checks that do not depend on the modules."""
    return [
        check_data_folder(paths.data_dir),
        check_free_space(paths.data_dir),
        check_fonts(),
        check_audio_output(),
    ]
