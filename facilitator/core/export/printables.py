"""Printables for one module: the leader's preparation guide (``leader_guide.py``) and the
participants' handout — the introduction text, the questions of the session, and the
module's printable pages for participants (``printable_pages``)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import (
    FilmStep,
    Manifest,
    PromptStep,
    ReflectionStep,
)
from facilitator.core.content.manifest_printables import Audience, Layout
from facilitator.core.content.printable_use import in_session
from facilitator.core.export.blocks import bullet, gap, label_markup, para
from facilitator.core.export.document import SIGN_TEMPLATE, DocumentInfo, build_pdf
from facilitator.core.export.leader_guide import leader_guide_story
from facilitator.core.export.markdown import markdown_flowables
from facilitator.core.export.printable_pages import missing_file, module_text, printable_pages
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.export.signs import sign_sheets
from facilitator.core.export.styles import BODY_WIDTH, styles
from facilitator.core.i18n import _

__all__ = [
    "ModuleNotPrintable",
    "module_text",
    "write_handout",
    "write_leader_guide",
    "write_signs",
]


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


def variant_steps(manifest: Manifest, folder: Path, minutes: int | None) -> frozenset[str] | None:
    """The steps of the module's length ``minutes`` (None: every length). Raises
    ``ModuleNotPrintable`` naming the lengths there are when the module has no such one."""
    if minutes is None:
        return None
    for variant in manifest.variants:
        if variant.minutes == minutes:
            return frozenset(variant.steps)
    lengths = ", ".join(str(v.minutes) for v in manifest.variants)
    raise ModuleNotPrintable(
        folder,
        _("modulen har ingen längd på {minutes} minuter (den finns i {lengths} minuter)").format(
            minutes=minutes, lengths=lengths
        ),
    )


def handout_story(
    manifest: Manifest, folder: Path, steps: Collection[str] | None = None
) -> list[Flowable]:
    """The handout; with ``steps`` (one length's), only that session's questions and pages."""
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
            else [missing_file(manifest.introduction)]
        )
    questions = _questions(manifest, steps)
    if questions:
        story += [gap(4), Paragraph(label_markup(_("Frågor att samtala om")), s.h1)]
        story += [bullet(q) for q in questions]
    return story + printable_pages(manifest, folder, Audience.PARTICIPANTS, steps)


def _questions(manifest: Manifest, steps: Collection[str] | None) -> list[str]:
    found: list[str] = []
    for step in manifest.steps:
        if steps is not None and step.id not in steps:
            continue
        if isinstance(step, PromptStep | ReflectionStep):
            found.append(step.question)
        elif isinstance(step, FilmStep) and step.question_after:
            found.append(step.question_after)
    return list(dict.fromkeys(found))


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
    minutes: int | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    """The participants' handout for the module in ``folder``, for its length ``minutes`` or
    (None) for every length. Raises ``ModuleNotPrintable``."""
    manifest = load_printable(folder)
    title = _("Deltagarmaterial: {title}").format(title=manifest.title.sv)
    story = handout_story(manifest, folder, variant_steps(manifest, folder, minutes))
    return _write(
        manifest, title, _("Deltagarmaterial"), story, target, Steps(progress, is_cancelled)
    )


def write_signs(
    folder: Path,
    target: Path,
    *,
    minutes: int | None = None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path | None:
    """The module's signs alone, one landscape page each, or None if it has none (or none its
    length ``minutes`` uses): the leader guide has them too, but a stack of signs is printed
    and put up on its own."""
    manifest = load_printable(folder)
    in_length = variant_steps(manifest, folder, minutes)
    sources = [
        module_text(folder, p.file) or ""
        for p in manifest.printables
        if p.layout is Layout.SIGNS and in_session(manifest, p.file, in_length)
    ]
    story = sign_sheets(sources)
    if not story:
        return None
    title = _("Skyltar: {title}").format(title=manifest.title.sv)
    steps = Steps(progress, is_cancelled)
    return _write(manifest, title, _("Skyltar"), story, target, steps, SIGN_TEMPLATE)


def _write(
    manifest: Manifest,
    title: str,
    subject: str,
    story: list[Flowable],
    target: Path,
    steps: Steps,
    first_template: str = "page",
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
    return build_pdf(story, target, info, steps, first_template=first_template)
