"""Printables for one module: the leader's preparation guide (``leader_guide.py``) and the
participants' handout — the introduction text, the questions of the session, and the
module's printable pages, each page starting on a new sheet."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, PageBreak, Paragraph

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import (
    ActivityStep,
    FilmStep,
    Manifest,
    PromptStep,
    ReflectionStep,
)
from facilitator.core.export.blocks import bullet, gap, label_markup, para
from facilitator.core.export.document import DocumentInfo, build_pdf
from facilitator.core.export.leader_guide import leader_guide_story
from facilitator.core.export.markdown import markdown_flowables
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.export.styles import BODY_WIDTH, styles
from facilitator.core.i18n import _

MAX_TEXT_BYTES = 1_000_000


class ModuleNotPrintable(ValueError):
    """The folder holds no valid module; ``message`` says why, in Swedish."""

    def __init__(self, folder: Path, message: str) -> None:
        super().__init__(f"{folder}: {message}")
        self.message = message


def load_printable(folder: Path) -> Manifest:
    loaded = load_manifest(folder)
    if loaded.manifest is None:
        first = loaded.problems[0].describe(folder) if loaded.problems else ""
        raise ModuleNotPrintable(folder, _("modulen har fel: {first}").format(first=first))
    return loaded.manifest


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


def _missing(relative: str) -> Flowable:
    text = _("[Filen {name} saknas i modulen.]").format(name=relative)
    return Paragraph(label_markup(text), styles().small)


def handout_story(manifest: Manifest, folder: Path) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph(label_markup(_("Deltagarmaterial")), s.subtitle),
        para(manifest.title.sv, "title"),
        para(manifest.summary.sv, "body"),
        gap(4),
    ]
    if manifest.introduction:
        text = module_text(folder, manifest.introduction)
        story += (
            markdown_flowables(text, BODY_WIDTH)
            if text is not None
            else [_missing(manifest.introduction)]
        )
    questions = _questions(manifest)
    if questions:
        story += [gap(4), Paragraph(label_markup(_("Frågor att samtala om")), s.h1)]
        story += [bullet(q) for q in questions]
    for relative in _printable_files(manifest, folder):
        story.append(PageBreak())
        text = module_text(folder, relative)
        story += markdown_flowables(text, BODY_WIDTH) if text is not None else [_missing(relative)]
    return story


def _questions(manifest: Manifest) -> list[str]:
    found: list[str] = []
    for step in manifest.steps:
        if isinstance(step, PromptStep | ReflectionStep):
            found.append(step.question)
        elif isinstance(step, FilmStep) and step.question_after:
            found.append(step.question_after)
    return list(dict.fromkeys(found))


def _printable_files(manifest: Manifest, folder: Path) -> list[str]:
    """The pages the steps name, in step order, then any other page in printables/."""
    named = [
        p for step in manifest.steps if isinstance(step, ActivityStep) for p in step.printables
    ]
    others = sorted(
        f"printables/{path.name}"
        for path in (folder / "printables").glob("*.md")
        if f"printables/{path.name}" not in named
    )
    return list(dict.fromkeys([*named, *others]))


def write_leader_guide(
    folder: Path,
    target: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    """The preparation guide for the module in ``folder``. Raises ``ModuleNotPrintable``."""
    manifest = load_printable(folder)
    title = _("Förberedelseguide: {title}").format(title=manifest.title.sv)
    subject = _("Förberedelseguide för samtalsledaren")
    story = leader_guide_story(manifest, folder)
    return _write(manifest, title, subject, story, target, Steps(progress, is_cancelled))


def write_handout(
    folder: Path,
    target: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    """The participants' handout for the module in ``folder``. Raises ``ModuleNotPrintable``."""
    manifest = load_printable(folder)
    title = _("Deltagarmaterial: {title}").format(title=manifest.title.sv)
    story = handout_story(manifest, folder)
    return _write(
        manifest, title, _("Deltagarmaterial"), story, target, Steps(progress, is_cancelled)
    )


def _write(
    manifest: Manifest, title: str, subject: str, story: list[Flowable], target: Path, steps: Steps
) -> Path:
    # The module's own words (steps, notes, pages) are most of the text, so a screen reader
    # should read in the module's language even when the labels around them are English.
    info = DocumentInfo(
        title=title,
        subject=subject,
        header=manifest.title.sv,
        keywords=(manifest.id,),
        language=manifest.language,
    )
    return build_pdf(story, target, info, steps)
