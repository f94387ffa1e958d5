"""Horizontal bar charts that survive a black-and-white printer: bars differ by fill pattern
(white, hatched) and every bar carries its value as text, so nothing depends on colour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from reportlab.graphics.shapes import Drawing, Line, Path, Rect, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.core.export.fonts import LATIN
from facilitator.core.export.formatting import percent
from facilitator.core.export.styles import INK, MUTED, RULE
from facilitator.core.i18n import _

_FONT_SIZE = 8
_HATCH_SPACING = 3.2


class Fill(Enum):
    WHITE = "white"
    HATCHED = "hatched"


@dataclass(frozen=True)
class Bar:
    value: float
    fill: Fill
    text: str
    """Printed just past the end of the bar: the value, and anything it needs said."""


@dataclass(frozen=True)
class Row:
    label: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Legend:
    fill: Fill
    text: str


def _hatched_rect(drawing: Drawing, x: float, y: float, w: float, h: float) -> None:
    drawing.add(Rect(x, y, w, h, fillColor=None, strokeColor=INK, strokeWidth=0.6))
    # Lines at 45°, clipped to the rectangle by hand (reportlab shapes have no clip path).
    # All of them in one path: a long bar has a hundred, and each shape of its own costs a
    # graphics state and its attribute checks when the page is drawn.
    hatch = Path(fillColor=None, strokeColor=INK, strokeWidth=0.5)
    t = -h
    while t < w:
        x0, y0 = x + t, y
        x1, y1 = x + t + h, y + h
        if x0 < x:
            y0 += x - x0
            x0 = x
        if x1 > x + w:
            y1 -= x1 - (x + w)
            x1 = x + w
        if x1 > x0:
            hatch.moveTo(x0, y0)
            hatch.lineTo(x1, y1)
        t += _HATCH_SPACING
    drawing.add(hatch)


def _bar(drawing: Drawing, fill: Fill, x: float, y: float, w: float, h: float) -> None:
    if w <= 0:
        drawing.add(Line(x, y, x, y + h, strokeColor=INK, strokeWidth=0.8))
    elif fill is Fill.HATCHED:
        _hatched_rect(drawing, x, y, w, h)
    else:
        drawing.add(Rect(x, y, w, h, fillColor=None, strokeColor=INK, strokeWidth=0.6))


def _fit(text: str, width: float) -> str:
    if stringWidth(text, LATIN.regular, _FONT_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", LATIN.regular, _FONT_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _legend(drawing: Drawing, items: Sequence[Legend], x: float, y: float) -> None:
    for item in items:
        _bar(drawing, item.fill, x, y, 14, 8)
        drawing.add(String(x + 18, y + 1, item.text, fontName=LATIN.regular, fontSize=_FONT_SIZE))
        x += 30 + stringWidth(item.text, LATIN.regular, _FONT_SIZE)


def bar_chart(
    rows: Sequence[Row],
    width: float,
    *,
    maximum: float,
    legend: Sequence[Legend] = (),
    target: tuple[float, str] | None = None,
    label_share: float = 0.36,
    bar_height: float = 7.0,
) -> Drawing:
    """One group of bars per row, label on the left, value text after each bar. ``target``
    draws a dashed line across all rows at that value, with its text on top."""
    bars_per_row = max((len(row.bars) for row in rows), default=1)
    row_height = bars_per_row * (bar_height + 2) + 7
    top_space = (16 if legend else 0) + (14 if target else 4)
    height = len(rows) * row_height + top_space + 14
    # Otherwise the drawing starts in Helvetica, a font no PDF of ours should depend on.
    drawing = Drawing(width, height, initialFontName=LATIN.regular)
    label_width = width * label_share
    plot_x = label_width + 6
    text_room = 92.0
    plot_width = max(10.0, width - plot_x - text_room)
    scale = plot_width / maximum if maximum > 0 else 0.0
    if legend:
        _legend(drawing, legend, plot_x, height - 10)
    bottom = 14.0
    y = height - top_space
    for row in rows:
        y -= row_height
        drawing.add(
            String(
                0,
                y + row_height / 2 - 3,
                _fit(row.label, label_width),
                fontName=LATIN.regular,
                fontSize=_FONT_SIZE,
                fillColor=INK,
            )
        )
        bar_y = y + row_height - 4 - bar_height
        for bar in row.bars:
            length = max(0.0, min(bar.value, maximum)) * scale
            _bar(drawing, bar.fill, plot_x, bar_y, length, bar_height)
            drawing.add(
                String(
                    plot_x + length + 4,
                    bar_y + 1,
                    bar.text,
                    fontName=LATIN.regular,
                    fontSize=_FONT_SIZE - 0.5,
                    fillColor=MUTED,
                )
            )
            bar_y -= bar_height + 2
    drawing.add(Line(plot_x, bottom, plot_x, height - top_space, strokeColor=RULE, strokeWidth=0.6))
    if target is not None:
        value, text = target
        tx = plot_x + value * scale
        drawing.add(
            Line(
                tx,
                bottom - 2,
                tx,
                height - top_space + 6,
                strokeColor=INK,
                strokeWidth=1.1,
                strokeDashArray=[3, 2],
            )
        )
        drawing.add(
            String(
                tx,
                height - top_space + 8,
                text,
                fontName=LATIN.bold,
                fontSize=_FONT_SIZE,
                textAnchor="middle",
            )
        )
    return drawing


def share_chart(
    rows: Sequence[tuple[str, float | None, int]], target: float, width: float
) -> Drawing:
    """Share per row (0–1) against the target; each bar says its share, the number who
    answered, and whether it reaches the target, so the chart reads without the line."""
    chart_rows: list[Row] = []
    for label, share, answers in rows:
        if share is None:
            text = _("inga svar att räkna")
            value = 0.0
        else:
            verdict = _("når målet") if share >= target else _("under målet")
            text = _("{share} av {n} – {verdict}").format(
                share=percent(share), n=answers, verdict=verdict
            )
            value = share
        chart_rows.append(Row(label, (Bar(value, Fill.HATCHED, text),)))
    drawing = bar_chart(
        chart_rows,
        width,
        maximum=1.0,
        target=(target, _("Mål {share}").format(share=percent(target))),
        bar_height=10,
    )
    _percent_axis(drawing, width, 0.36)
    return drawing


def _percent_axis(drawing: Drawing, width: float, label_share: float) -> None:
    plot_x = width * label_share + 6
    plot_width = max(10.0, width - plot_x - 92.0)
    for tick in (0, 25, 50, 75, 100):
        x = plot_x + plot_width * tick / 100
        drawing.add(Line(x, 12, x, 14, strokeColor=RULE, strokeWidth=0.5))
        drawing.add(
            String(
                x,
                3,
                f"{tick}\u00a0%",
                fontName=LATIN.regular,
                fontSize=_FONT_SIZE - 1,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
