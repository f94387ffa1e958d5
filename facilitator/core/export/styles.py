"""Typography shared by every exported PDF: one sans family, black and greys only, generous
leading, so pages read well on an office printer in black and white."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from facilitator.core.export.fonts import LATIN, bundled_fonts

INK = colors.black
MUTED = colors.Color(0.32, 0.32, 0.32)
RULE = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.92, 0.92, 0.92)
"""Pale grey behind boxes and table headers: prints as a light tint with black text readable."""

MARGIN = 20 * mm
BODY_WIDTH = A4[0] - 2 * MARGIN
"""The width of the text on an A4 page, the same in every document."""
HEADER_GAP = 10 * mm


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_num: ParagraphStyle
    cell_num_bold: ParagraphStyle
    quote: ParagraphStyle
    bullet: ParagraphStyle
    standout_title: ParagraphStyle
    standout_label: ParagraphStyle
    standout_item: ParagraphStyle


@functools.cache
def styles() -> Styles:
    bundled_fonts()  # the styles name the bundled fonts, so they must be registered
    body = ParagraphStyle(
        "body",
        fontName=LATIN.regular,
        bulletFontName=LATIN.regular,
        fontSize=10,
        leading=14.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=4,
    )
    return Styles(
        title=ParagraphStyle(
            "title", parent=body, fontName=LATIN.bold, fontSize=22, leading=28, spaceAfter=8
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=13, leading=18, textColor=MUTED, spaceAfter=14
        ),
        h1=ParagraphStyle(
            "h1",
            parent=body,
            fontName=LATIN.bold,
            fontSize=15,
            leading=20,
            spaceBefore=6,
            spaceAfter=8,
            keepWithNext=1,  # a heading never ends a page without its text
        ),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=LATIN.bold,
            fontSize=12,
            leading=16,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,  # a heading never ends a page without its text
        ),
        h3=ParagraphStyle(
            "h3",
            parent=body,
            fontName=LATIN.bold,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,  # a heading never ends a page without its text
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=12, textColor=MUTED),
        label=ParagraphStyle(
            "label", parent=body, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=1
        ),
        cell=ParagraphStyle("cell", parent=body, fontSize=9, leading=12, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=LATIN.bold, fontSize=9, leading=12, spaceAfter=0
        ),
        cell_num=ParagraphStyle(
            "cell_num", parent=body, fontSize=9, leading=12, spaceAfter=0, alignment=TA_RIGHT
        ),
        cell_num_bold=ParagraphStyle(
            "cell_num_bold",
            parent=body,
            fontName=LATIN.bold,
            fontSize=9,
            leading=12,
            spaceAfter=0,
            alignment=TA_RIGHT,
        ),
        quote=ParagraphStyle(
            "quote",
            parent=body,
            fontName=LATIN.italic,
            leftIndent=4 * mm,
            spaceAfter=5,
        ),
        bullet=ParagraphStyle(
            "bullet", parent=body, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=3
        ),
        standout_title=ParagraphStyle(
            "standout_title",
            parent=body,
            fontName=LATIN.bold,
            fontSize=12,
            leading=16,
            backColor=SHADE,
            borderColor=INK,
            borderWidth=0.8,
            borderPadding=(4, 6, 4, 6),
            spaceBefore=8,
            spaceAfter=8,
        ),
        standout_label=ParagraphStyle(
            "standout_label",
            parent=body,
            fontName=LATIN.bold,
            fontSize=8,
            leading=10,
            textColor=MUTED,
            leftIndent=6 * mm,
            spaceAfter=0,
            keepWithNext=1,  # a label never ends a page without its item
        ),
        standout_item=ParagraphStyle(
            "standout_item",
            parent=body,
            leftIndent=6 * mm,
            bulletIndent=1 * mm,
            bulletFontName=LATIN.bold,
            spaceAfter=5,
        ),
    )
