"""One A4 document frame for every export: running header, "Sida 1 av 4", PDF metadata (title
shown in the reader's title bar, the language of the text), bookmarks for the headings,
progress and cancel, and a safe write (``facilitator.core.safe_write``: a
cancelled or failed build leaves no half-written file where the leader would look for the
export, and a planted link is never followed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from facilitator.core.export.fonts import LATIN, Script, bundled_fonts
from facilitator.core.export.outline import Outline
from facilitator.core.export.progress import Steps
from facilitator.core.export.styles import HEADER_GAP, MARGIN, MUTED, RULE
from facilitator.core.export.text_shaping import (
    has_rtl,
    split_runs,
    substitute_unshowable,
    without_controls,
)
from facilitator.core.i18n import _, active_language
from facilitator.core.safe_write import write_file

PRODUCER = "Facilitator"
SIGN_TEMPLATE = "sign"
"""A landscape A4 page without running header: one sign to put up in a room (``signs.py``)."""


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    subject: str
    author: str = ""
    header: str = ""
    """Running header on every page after the first; the title when empty."""
    header_tail: str = ""
    """Kept whole after the header (a date): a long header is shortened before it, not it."""
    keywords: tuple[str, ...] = ()
    language: str = field(default_factory=active_language)
    """The language most of the text is in (/Lang): the labels' language unless told."""
    created: datetime | None = None
    """The creation date written into the PDF; when given, the same story makes the same file
    byte for byte (reportlab's invariant mode, which otherwise stamps the clock and a random
    file id)."""


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """Holds the pages back until the end, so each can say how many there are in all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._marks: list[tuple[str, float]] = []

    def bookmarkHorizontalAbsolute(self, key: str, top: float, **kw: Any) -> None:
        # A bookmark names the page being written, and the pages are written only at the
        # end: kept with its page until then, or every bookmark would lead to page one.
        self._marks.append((key, top))

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._marks = []
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(total)
            for key, top in self._marks:
                super().bookmarkHorizontalAbsolute(key, top)
            super().showPage()
        super().save()

    def _footer(self, total: int) -> None:
        width, _height = self._pagesize
        self.setFont(LATIN.regular, 8)
        self.setFillColor(MUTED)
        text = _("Sida {page} av {total}").format(page=self._pageNumber, total=total)
        self.drawRightString(width - MARGIN, MARGIN / 2, text)


def _header(info: DocumentInfo) -> Any:
    raw = info.header or info.title
    # The running header is drawn with plain drawString in the base font: right-to-left text,
    # another script or an emoji would come out wrong there, so such a title gives way to the
    # subject.
    fonts = bundled_fonts()
    text = without_controls(substitute_unshowable(raw, fonts))
    if has_rtl(text) or any(run.script is not Script.LATIN for run in split_runs(text, fonts)):
        text = info.subject

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if canvas.getPageNumber() == 1:
            return
        width, height = canvas._pagesize
        top = height - MARGIN + 4
        canvas.saveState()
        canvas.setFont(LATIN.regular, 8)
        canvas.setFillColor(MUTED)
        room = width * 0.6
        tail = f" – {info.header_tail}" if info.header_tail and text != info.subject else ""
        head = _shorten(canvas, text, room - canvas.stringWidth(tail, LATIN.regular, 8))
        canvas.drawString(MARGIN, top, head + tail)
        canvas.drawRightString(width - MARGIN, top, info.subject)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, top - 4, width - MARGIN, top - 4)
        canvas.restoreState()

    return draw


class _Document(BaseDocTemplate):  # type: ignore[misc]  # reportlab ships no type hints
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._outline = Outline()

    def afterFlowable(self, flowable: Flowable) -> None:
        self._outline.after(self.canv, flowable, self.frame)


def _shorten(canvas: Canvas, text: str, width: float) -> str:
    if canvas.stringWidth(text, LATIN.regular, 8) <= width:
        return text
    while text and canvas.stringWidth(text + "…", LATIN.regular, 8) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def build_pdf(
    story: Sequence[Flowable],
    target: Path,
    info: DocumentInfo,
    steps: Steps | None = None,
    *,
    first_template: str = "page",
) -> Path:
    """Lay out ``story`` on A4 pages into ``target``; returns ``target``.

    Raises ``ExportCancelled`` when ``steps`` says so (no file is left), ``FileWriteError``
    (an ``OSError``) when the folder cannot be written or a link sits at ``target``.
    """
    steps = steps or Steps()
    bundled_fonts()

    def write(out: BinaryIO) -> None:
        _build(story, out, info, steps, first_template)

    write_file(target, write)
    steps.report(1.0)
    return target


def _frame(size: tuple[float, float], top_gap: float, name: str) -> Frame:
    width, height = size
    return Frame(
        MARGIN,
        MARGIN,
        width - 2 * MARGIN,
        height - 2 * MARGIN - top_gap,
        id=name,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )


def _build(
    story: Sequence[Flowable], out: BinaryIO, info: DocumentInfo, steps: Steps, first: str
) -> None:
    frame = _frame(A4, HEADER_GAP / 2, "body")
    sign = PageTemplate(SIGN_TEMPLATE, [_frame(landscape(A4), 0, "sign")], pagesize=landscape(A4))
    doc = _Document(
        out,
        pagesize=A4,
        title=info.title,
        subject=info.subject,
        author=info.author or PRODUCER,
        creator=PRODUCER,
        keywords=list(info.keywords),
        lang=info.language,
        displayDocTitle=True,
        initialFontName=LATIN.regular,
        invariant=1 if info.created else None,
        # The first template lays out the first page; a story switches with NextPageTemplate.
        pageTemplates=sorted(
            [PageTemplate("page", [frame], onPage=_header(info), pagesize=A4), sign],
            key=lambda template: template.id != first,
        ),
    )
    total = max(1, len(story))
    done = [0.0]

    def on_progress(kind: str, value: int) -> None:
        if kind == "PROGRESS":
            # A flowable split across pages puts its rest back in the queue, so the count
            # can step back; a progress bar must not.
            done[0] = max(done[0], min(0.99, value / total))
            steps.report(done[0])
        elif kind == "PAGE":
            steps.check()

    doc.setProgressCallBack(on_progress)
    doc.build(list(story), canvasmaker=_canvas_maker(info.created))


def _canvas_maker(created: datetime | None) -> Any:
    if created is None:
        return _NumberedCanvas
    stamp = created.astimezone().strftime("D:%Y%m%d%H%M%S")
    offset = created.astimezone().strftime("%z") or "+0000"
    pdf_date = f"{stamp}{offset[:3]}'{offset[3:]}'"

    def make(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        canvas = _NumberedCanvas(*args, **kwargs)
        canvas.setDateFormatter(lambda *_ignored: pdf_date)
        return canvas

    return make
