"""The personal logbook as a PDF: a person's self-study answers, module by module, each under
the question it answers and with the day it was written.

Made with the summary's machinery (``document``, ``styles``, ``blocks``): the same fonts and
scripts, the same running header and page numbers, /Lang, title and an outline with one
entry per module. Every typed word goes through ``text_block``, which knows no markup, so an
answer with "<b>" or "&" in it prints exactly as typed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from facilitator.core.export.blocks import facts, gap, label_markup, para
from facilitator.core.export.document import DocumentInfo, build_pdf
from facilitator.core.export.fonts import LATIN
from facilitator.core.export.formatting import long_date
from facilitator.core.export.logbook_model import Logbook, LogbookModule
from facilitator.core.export.logbook_wording import (
    answer_paragraphs,
    cover_facts,
    empty_text,
    logbook_subject,
    logbook_title,
    no_answer_text,
    version_line,
    written_line,
)
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.export.shaped_paragraph import text_block
from facilitator.core.export.styles import BODY_WIDTH, styles
from facilitator.core.storage.self_study_records import Answer

_INDENT = 4 * mm
"""The answer sits a little in from its question, so the eye finds the questions."""


@dataclass(frozen=True)
class _Styles:
    question: ParagraphStyle
    answer: ParagraphStyle
    written: ParagraphStyle


@functools.cache
def _styles() -> _Styles:
    s = styles()
    # Named apart from the heading styles: the outline holds the modules, not every question.
    return _Styles(
        question=ParagraphStyle(
            "question",
            parent=s.body,
            fontName=LATIN.bold,
            spaceBefore=10,
            spaceAfter=3,
            keepWithNext=1,  # a question never ends a page without its answer
        ),
        answer=ParagraphStyle("answer", parent=s.body, leftIndent=_INDENT, spaceAfter=5),
        written=ParagraphStyle("written", parent=s.small, leftIndent=_INDENT, spaceAfter=4),
    )


def write_logbook_pdf(
    logbook: Logbook,
    target: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    """Write ``logbook`` to ``target`` (replaced if it exists); the same logbook always gives
    the same file. Raises ``ExportCancelled`` (nothing written) or ``OSError``."""
    steps = Steps(progress, is_cancelled)
    story = logbook_story(logbook)
    steps.check()
    title = logbook_title(logbook)
    owner = logbook.owner.strip()
    info = DocumentInfo(
        title=title,
        subject=logbook_subject(),
        author=owner,
        header=f"{title} · {owner}" if owner else title,
        header_tail=long_date(logbook.generated_at),
        keywords=tuple(module.module_id for module in logbook.modules),
        created=logbook.generated_at,
    )
    return build_pdf(story, target, info, steps)


def logbook_story(logbook: Logbook) -> list[Flowable]:
    story: list[Flowable] = [
        para(logbook_title(logbook), "title"),
        gap(2),
        facts(cover_facts(logbook), BODY_WIDTH),
        gap(6),
    ]
    if not logbook.answers:
        return [*story, Paragraph(label_markup(empty_text()), styles().body)]
    for module in logbook.modules:
        story += _module(module)
    return story


def _module(module: LogbookModule) -> list[Flowable]:
    out: list[Flowable] = [
        CondPageBreak(50 * mm),  # a module starts with room for its first answer
        para(module.title, "h1"),
        Paragraph(label_markup(version_line(module.version)), styles().small),
    ]
    for answer in module.answers:
        out += _answer(answer)
    return [*out, gap(4)]


def _answer(answer: Answer) -> list[Flowable]:
    s = _styles()
    paragraphs = [text_block(text, s.answer) for text in answer_paragraphs(answer.text)]
    if not paragraphs:
        paragraphs = [Paragraph(label_markup(no_answer_text()), s.written)]
    written = Paragraph(label_markup(written_line(answer)), s.written)
    # The question keeps with the first paragraph (its style), the date with the last.
    return [
        text_block(answer.question, s.question),
        *paragraphs[:-1],
        KeepTogether([paragraphs[-1], written]),
    ]
