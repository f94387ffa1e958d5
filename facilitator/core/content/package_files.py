"""Files a manifest refers to: they must be inside the package and spelled exactly.

A module travels on USB sticks between Windows, macOS and Linux, so a path that happens to work
on the author's machine (a backslash, different upper/lower case, a link to a file elsewhere)
is reported here rather than discovered by a leader in front of a group.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from facilitator.core.content.manifest import Manifest
from facilitator.core.content.problems import FieldPath, Severity
from facilitator.core.i18n import _

FileRole = str  # "markdown" | "film" | "subtitles" | "chapters" | "script"


@dataclass(frozen=True)
class FileRef:
    path: FieldPath
    reference: str
    role: FileRole


@dataclass(frozen=True)
class Resolved:
    """``file`` is None when the reference cannot be used; then found/expected say why."""

    file: Path | None
    found: str = ""
    expected: str = ""
    severity: Severity = Severity.ERROR


def file_refs(manifest: Manifest) -> list[FileRef]:
    refs: list[FileRef] = []
    if manifest.introduction is not None:
        refs.append(FileRef(("introduction",), manifest.introduction, "markdown"))
    if manifest.film is not None:
        film = manifest.film
        refs.append(FileRef(("film", "file"), film.file, "film"))
        for index, track in enumerate(film.subtitles):
            refs.append(FileRef(("film", "subtitles", index, "file"), track.file, "subtitles"))
        if film.chapters is not None:
            refs.append(FileRef(("film", "chapters"), film.chapters, "chapters"))
        if film.script is not None:
            refs.append(FileRef(("film", "script"), film.script, "script"))
    for s_index, step in enumerate(manifest.steps):
        handout = getattr(step, "handout", None)
        if isinstance(handout, str):
            refs.append(FileRef(("steps", s_index, "handout"), handout, "markdown"))
        for p_index, page in enumerate(getattr(step, "printables", [])):
            refs.append(FileRef(("steps", s_index, "printables", p_index), page, "markdown"))
    for index, printable in enumerate(manifest.printables):
        refs.append(FileRef(("printables", index, "file"), printable.file, "markdown"))
    return refs


def _case_mismatch(root: Path, parts: tuple[str, ...]) -> str | None:
    """The spelling on disk when it differs from the reference only in upper/lower case."""
    current = root
    actual: list[str] = []
    for part in parts:
        try:
            names = [child.name for child in current.iterdir()]
        except OSError:
            return None
        if part in names:
            actual.append(part)
        else:
            matches = [name for name in names if name.casefold() == part.casefold()]
            if not matches:
                return None
            actual.append(matches[0])
        current = current / actual[-1]
    spelled = "/".join(actual)
    return spelled if spelled != "/".join(parts) else None


def resolve_reference(root: Path, reference: str) -> Resolved:
    outside = _("en sökväg inom modulmappen, till exempel film/film.mp4")
    if not reference:
        return Resolved(None, _("en tom sökväg"), outside)
    if any(ord(char) < 32 or char == "\x7f" for char in reference):
        return Resolved(None, _("ett osynligt styrtecken i sökvägen"), outside)
    if "\\" in reference:
        return Resolved(
            None,
            _("en sökväg med \\"),
            _("använd / mellan mappar, till exempel film/film.mp4"),
        )
    if PurePosixPath(reference).is_absolute() or PureWindowsPath(reference).anchor:
        return Resolved(None, _("en absolut sökväg"), outside)
    parts = PurePosixPath(reference).parts
    if ".." in parts:
        return Resolved(None, _("en sökväg som går ut ur modulmappen (..)"), outside)
    target = root.joinpath(*parts)
    try:
        real_root = root.resolve()
        real = target.resolve()
    except (OSError, RuntimeError):
        return Resolved(None, _("en sökväg som inte går att följa"), outside)
    if not real.is_relative_to(real_root):
        return Resolved(None, _("en länk som pekar ut ur modulmappen"), outside)
    spelled = _case_mismatch(root, parts)
    try:
        found = target.exists()
    except OSError:  # a name the file system cannot hold (too long for it, say)
        return Resolved(None, _("en sökväg som inte går att följa"), outside)
    if not found:
        if spelled is not None:
            return Resolved(
                None,
                _("filen ”{name}” finns inte (men ”{spelled}” finns)").format(
                    name=reference, spelled=spelled
                ),
                _("stora och små bokstäver måste stämma exakt"),
            )
        return Resolved(
            None,
            _("filen ”{name}” finns inte").format(name=reference),
            _("lägg filen i modulmappen eller rätta sökvägen"),
        )
    if not target.is_file():
        return Resolved(None, _("en mapp eller en specialfil"), _("en vanlig fil"))
    if spelled is not None:
        # Found only because this disk ignores case; on Linux it would be missing.
        return Resolved(
            target,
            _("filen heter ”{name}” på disken").format(name=spelled),
            _(
                "stora och små bokstäver måste stämma exakt, annars fungerar den inte på alla datorer"
            ),
            Severity.WARNING,
        )
    return Resolved(target)
