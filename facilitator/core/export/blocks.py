"""Building blocks shared by the documents: fact lists, count tables, boxes that stand out."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from facilitator.core.export.fonts import LATIN, bundled_fonts
from facilitator.core.export.shaped_paragraph import text_block
from facilitator.core.export.styles import BODY_WIDTH, INK, RULE, SHADE, styles
from facilitator.core.export.text_shaping import markup
from facilitator.core.i18n import _


def para(text: str, style_name: str = "body") -> Flowable:
    """User or module text in any script, in one of the named styles."""
    return text_block(text, getattr(styles(), style_name))


def bullet(text: str, marker: str = "•") -> Flowable:
    return text_block(text, styles().bullet, bullet=marker)


def label_markup(text: str) -> str:
    """Fixed UI text (already Swedish, no user input) escaped for a Paragraph."""
    return markup(text, bundled_fonts())


def table_style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A TableStyle in the bundled font: reportlab's tables otherwise switch to Helvetica,
    which is not embedded (and covers no script beyond Latin-1)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), LATIN.regular, 9), *commands])


def facts(rows: Sequence[tuple[str, str]], width: float) -> Table:
    """Label / value pairs, labels in grey small type: the cover's who, what, where."""
    s = styles()
    data = [[Paragraph(label_markup(label), s.label), para(value)] for label, value in rows]
    table = Table(data, colWidths=[38 * mm, width - 38 * mm], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
            ]
        )
    )
    return table


def count_table(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    total_row: bool = False,
    text_columns: int = 1,
) -> Table:
    """A plain table of counts: header on a pale ground, the first ``text_columns`` columns
    left-aligned and the numbers after them right-aligned, an optional last row in bold (the
    total) above a heavier rule."""
    s = styles()
    data: list[list[Flowable]] = [
        [
            Paragraph(label_markup(h), s.cell_bold if column < text_columns else s.cell_num_bold)
            for column, h in enumerate(header)
        ]
    ]
    for index, row in enumerate(rows):
        bold = total_row and index == len(rows) - 1
        first, number = (s.cell_bold, s.cell_num_bold) if bold else (s.cell, s.cell_num)
        data.append(
            [
                text_block(cell, first if column < text_columns else number)
                for column, cell in enumerate(row)
            ]
        )
    table = Table(data, colWidths=list(widths), hAlign="LEFT", repeatRows=1)
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if total_row and rows:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
    table.setStyle(table_style(commands))
    return table


def participant_tables(
    count_header: str,
    by_gender: Sequence[tuple[str, int]],
    by_target_group: Sequence[tuple[str, int]],
    total: int,
    number_width: float,
) -> Table:
    """Participants by gender (with the total) and by target group, side by side."""
    half = (BODY_WIDTH - 8 * mm) / 2
    widths = [half - number_width, number_width]
    gender_rows = [[label, str(n)] for label, n in by_gender]
    gender_rows.append([_("Totalt"), str(total)])
    genders = count_table([_("Kön"), count_header], gender_rows, widths, total_row=True)
    group_rows = [[label, str(n)] for label, n in by_target_group]
    groups = count_table([_("Målgrupp"), count_header], group_rows, widths)
    pair = Table([[genders, groups]], colWidths=[half + 8 * mm, half], hAlign="LEFT")
    pair.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return pair


def standout_box(title: str, items: Sequence[tuple[str, str]], width: float) -> list[Flowable]:
    """A list that must not be missed (agreed actions, questions to come back to): a framed,
    shaded title, each item marked with a bold arrow and where it came from, and a heavy rule
    after the list, so it stands out in black and white. Plain paragraphs rather than a
    table: a session may well have a hundred of them, and they must break across pages."""
    s = styles()
    out: list[Flowable] = [Paragraph(label_markup(title), s.standout_title)]
    for marker, text in items:
        out.append(text_block(marker, s.standout_label))
        out.append(text_block(text, s.standout_item, bullet="▶"))
    out.append(HRFlowable(width=width, thickness=1.6, color=INK, spaceBefore=2, spaceAfter=4))
    return out


def gap(height_mm: float = 4) -> Spacer:
    return Spacer(1, height_mm * mm)
