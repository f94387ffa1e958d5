"""The PDF's bookmarks (its outline): one entry per heading, nested as the headings are, so a
reader can see and jump through a document's structure (EN 301 549 10.2.4.5, 10.2.4.10).
reportlab writes no tagged PDF (docs/decisions/0014-accessible-documents.md); the outline is
the structure a PDF reader can still show."""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

HEADING_LEVELS = {"title": 0, "h1": 1, "standout_title": 1, "h2": 2, "h3": 3}
"""Outline depth by paragraph style: the document's title holds every section below it."""

_UNFOLDED = 0
"""Only the title starts unfolded: the sections show, their parts on asking."""


def heading_text(flowable: Flowable) -> str | None:
    """The words of a heading, or None for anything that is not one."""
    style = getattr(flowable, "style", None)
    if getattr(style, "name", None) not in HEADING_LEVELS:
        return None
    if isinstance(flowable, Paragraph):
        text = str(flowable.getPlainText())
    else:  # ShapedParagraph keeps the text as written, in logical order
        text = str(getattr(flowable, "text", ""))
    return " ".join(text.split()) or None


class Outline:
    """Adds a bookmark for each heading as it is laid out. A level never skips: a heading two
    steps below the one it belongs to (a leader guide's "Lärandemål" right under the title)
    hangs one step below it, as PDF outlines allow nothing else, and its siblings with it."""

    def __init__(self) -> None:
        self._count = 0
        self._open: list[int] = []
        """The style levels of the headings the next one may belong to, outermost first."""

    def after(self, canvas: Canvas, flowable: Flowable, frame: Any) -> None:
        """Call once ``flowable`` is drawn into ``frame`` (None when it filled the frame)."""
        text = heading_text(flowable)
        if text is None:
            return
        wanted = HEADING_LEVELS[flowable.style.name]
        while self._open and self._open[-1] >= wanted:
            self._open.pop()
        level = len(self._open)
        self._open.append(wanted)
        self._count += 1
        key = f"heading-{self._count}"
        canvas.bookmarkHorizontalAbsolute(key, _top(canvas, flowable, frame))
        canvas.addOutlineEntry(text, key, level=level, closed=level > _UNFOLDED or None)
        if self._count == 1:
            canvas.showOutline()


def _top(canvas: Canvas, flowable: Flowable, frame: Any) -> float:
    """The top edge of a flowable just drawn: the frame's cursor has moved below it. Without
    a frame, the top of the page (a bookmark a little high still finds the heading)."""
    if frame is None:
        return float(canvas._pagesize[1])
    height = float(getattr(flowable, "height", 0) or 0)
    return float(frame._y) + height + float(flowable.getSpaceAfter())
