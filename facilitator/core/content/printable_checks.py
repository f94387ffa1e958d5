"""The module's printable pages: every one declared with its audience, the participants'
pages free of leader material, and every drawing one the PDF can make.

The participants' handout is handed out in the room, so leader material in it (an answer key,
notes for the leader) is an error the author must fix, with the file and the line.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from facilitator.core.content.manifest import Manifest
from facilitator.core.content.manifest_printables import Audience
from facilitator.core.content.problems import FieldPath
from facilitator.core.content.report import Findings
from facilitator.core.content.text_checks import MARKDOWN_SUFFIXES
from facilitator.core.i18n import _, ngettext
from facilitator.core.markdown.blocks import BlockKind, parse
from facilitator.core.markdown.figures import FIGURES

PRINTABLES_FOLDER = "printables"
LEADER_PHRASES = (
    "för dig som samtalsledare",
    "underlag för samtalsledaren",
    "ledarstöd",
    "facit",
    # With its colon: a note addressed to the leader, as on 06's answer key ("lämna lappen
    # till samtalsledaren" is an instruction participants may well be given).
    "till samtalsledaren:",
)
"""Words that mark a text as written for the leader (issue 18: each was found in a handout)."""

_LEADER = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in LEADER_PHRASES)
    + r")(?!\w)",
    re.IGNORECASE,
)


def leader_phrases(text: str) -> list[tuple[int, str]]:
    """(1-based line, phrase as written) for every leader phrase in ``text``."""
    return [
        (text.count("\n", 0, match.start()) + 1, " ".join(match.group(1).split()))
        for match in _LEADER.finditer(text)
    ]


def _read(file: Path) -> str | None:
    # Unreadable or non-UTF-8 files are reported by check_markdown; nothing more to say here.
    try:
        return file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def check_printables(
    findings: Findings, manifest: Manifest, folder: Path, files: dict[FieldPath, Path]
) -> None:
    """``files`` maps a manifest field to the file it names, for the references that exist."""
    declared = [printable.file for printable in manifest.printables]
    for index, reference in enumerate(declared):
        if PurePosixPath(reference).parts[:1] != (PRINTABLES_FOLDER,):
            findings.manifest(
                ("printables", index, "file"),
                _("filen ”{file}” ligger utanför mappen printables").format(file=reference),
                _("en fil i printables/, till exempel printables/arbetsblad.md"),
            )
    _undeclared(findings, folder, set(declared))
    for s_index, step in enumerate(manifest.steps):
        for p_index, page in enumerate(getattr(step, "printables", [])):
            # A file that is missing or misspelt is already reported as such.
            found = files.get(("steps", s_index, "printables", p_index))
            markdown = found is not None and found.suffix.lower() in MARKDOWN_SUFFIXES
            if markdown and page not in declared:
                findings.manifest(
                    ("steps", s_index, "printables", p_index),
                    _("”{file}” står inte under [[printables]]").format(file=page),
                    _("deklarera filen med file och audience under [[printables]]"),
                )
    drawn: set[Path] = set()
    for path, file in files.items():
        if file.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue
        text = _read(file)
        if text is None:
            continue
        name = file.relative_to(folder).as_posix() if file.is_relative_to(folder) else file.name
        if file not in drawn:  # a printable is named by its step and by its declaration
            drawn.add(file)
            _figures(findings, name, text)
        if _for_participants(manifest, path):
            _leader_material(findings, name, text)


def _for_participants(manifest: Manifest, path: FieldPath) -> bool:
    if path == ("introduction",):
        return True
    if path[:1] == ("printables",) and isinstance(path[1], int):
        return manifest.printables[path[1]].audience is Audience.PARTICIPANTS
    return False


def _undeclared(findings: Findings, folder: Path, declared: set[str]) -> None:
    try:
        found = sorted((folder / PRINTABLES_FOLDER).iterdir())
    except OSError:
        return
    for path in found:
        relative = f"{PRINTABLES_FOLDER}/{path.name}"
        if path.suffix.lower() in MARKDOWN_SUFFIXES and relative not in declared:
            findings.file(
                relative,
                None,
                (),
                _("filen står inte under [[printables]], så dess målgrupp är okänd"),
                _(
                    'lägg till [[printables]] med file = "{file}" och audience = '
                    '"participants" eller "leader"'
                ).format(file=relative),
            )


def _leader_material(findings: Findings, file: str, text: str) -> None:
    for line, phrase in leader_phrases(text):
        findings.file(
            file,
            line,
            (),
            _("”{phrase}” i material till deltagarna").format(phrase=phrase),
            _(
                "material för samtalsledaren hör till en egen fil med "
                'audience = "leader" (den hamnar i förberedelseguiden)'
            ),
        )


def _figures(findings: Findings, file: str, text: str) -> None:
    for block in parse(text):
        if block.kind is not BlockKind.FIGURE:
            continue
        kind = FIGURES.get(block.figure)
        if kind is None:
            findings.file(
                file,
                block.line,
                (),
                _("en bild som heter ”{name}”").format(name=block.figure),
                _("en av bilderna {names}").format(names=", ".join(sorted(FIGURES))),
            )
        elif not kind.accepts(len(block.labels)):
            count = (
                str(kind.min_labels)
                if kind.min_labels == kind.max_labels
                else f"{kind.min_labels}–{kind.max_labels}"
            )
            findings.file(
                file,
                block.line,
                (),
                ngettext(
                    "bilden {name} har {n} etikett",
                    "bilden {name} har {n} etiketter",
                    len(block.labels),
                ).format(name=block.figure, n=len(block.labels)),
                _("{count} etiketter, en per rad").format(count=count),
            )
