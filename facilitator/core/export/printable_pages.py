"""A module's printable pages for one audience, each starting on a new sheet: the
participants' in their handout, the leader's at the end of the preparation guide.

A file in printables/ that no ``[[printables]]`` declares has no known audience; it goes to
the leader, who can still print it, and never to the participants (the validator says so).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, Paragraph

from facilitator.core.content.manifest import ActivityStep, Manifest
from facilitator.core.content.manifest_printables import Audience, Layout
from facilitator.core.content.printable_use import in_session
from facilitator.core.export.blocks import label_markup
from facilitator.core.export.markdown import markdown_flowables
from facilitator.core.export.signs import sign_flowables
from facilitator.core.export.styles import BODY_WIDTH, styles
from facilitator.core.i18n import _

MAX_TEXT_BYTES = 1_000_000


def module_text(folder: Path, relative: str) -> str | None:
    """A text file of the module, or None if it is missing, unreadable or outside the
    module folder (a manifest must not make us print arbitrary files)."""
    root = folder.resolve()
    path = (folder / relative).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return None
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None


def missing_file(relative: str) -> Flowable:
    text = _("[Filen {name} saknas i modulen.]").format(name=relative)
    return Paragraph(label_markup(text), styles().small)


def printable_files(
    manifest: Manifest, folder: Path, audience: Audience, steps: Collection[str] | None = None
) -> list[str]:
    """The audience's files: those the steps name, in step order, then the other declared
    ones in their order; sign sheets last, so the landscape pages close the document. With
    ``steps``, only the files a session of those steps uses."""
    named = [
        p for step in manifest.steps if isinstance(step, ActivityStep) for p in step.printables
    ]
    declared = [p.file for p in manifest.printables]
    undeclared = sorted(
        f"printables/{path.name}"
        for path in (folder / "printables").glob("*.md")
        if f"printables/{path.name}" not in declared
    )
    ordered = list(dict.fromkeys([*named, *declared, *undeclared]))
    mine = [
        file
        for file in ordered
        if _audience(manifest, file) is audience and in_session(manifest, file, steps)
    ]
    return sorted(mine, key=lambda file: _layout(manifest, file) is Layout.SIGNS)


def _audience(manifest: Manifest, file: str) -> Audience:
    declared = manifest.printable(file)
    return declared.audience if declared is not None else Audience.LEADER


def _layout(manifest: Manifest, file: str) -> Layout:
    declared = manifest.printable(file)
    return declared.layout if declared is not None else Layout.PAGE


def printable_pages(
    manifest: Manifest, folder: Path, audience: Audience, steps: Collection[str] | None = None
) -> list[Flowable]:
    story: list[Flowable] = []
    for relative in printable_files(manifest, folder, audience, steps):
        text = module_text(folder, relative)
        if text is None:
            story += [PageBreak(), missing_file(relative)]
        elif _layout(manifest, relative) is Layout.SIGNS:
            story += sign_flowables(text)
        else:
            story += [PageBreak(), *markdown_flowables(text, BODY_WIDTH)]
    return story
