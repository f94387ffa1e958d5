"""The session summary PDF the leader sends to the group and their manager.

Order follows what a reader wants first: what it was and who came, what was agreed and what
to come back to, then how the time went, everything the group said, and the evaluation.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from facilitator.core.export.blocks import (
    facts,
    gap,
    label_markup,
    para,
    participant_tables,
)
from facilitator.core.export.charts import Bar, Fill, Legend, Row, bar_chart
from facilitator.core.export.document import DocumentInfo, build_pdf
from facilitator.core.export.formatting import long_date, minutes
from facilitator.core.export.model import DEFAULT_TARGET, SessionExport
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.export.styles import BODY_WIDTH, styles
from facilitator.core.export.summary_about import goals_section, sources_section
from facilitator.core.export.summary_order import cover_facts
from facilitator.core.export.summary_sections import (
    evaluation_section,
    reflection_section,
    standouts,
)
from facilitator.core.i18n import _

_ROWS_PER_CHART = 20


def write_summary_pdf(
    session: SessionExport,
    target: Path,
    *,
    indicator_target: float = DEFAULT_TARGET,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    """Write the summary of ``session`` to ``target`` (replaced if it exists).

    Raises ``ExportCancelled`` (nothing written) or ``OSError``.
    """
    steps = Steps(progress, is_cancelled)
    story = summary_story(session, indicator_target)
    steps.check()
    info = DocumentInfo(
        title=_("Sammanfattning: {title}").format(title=session.title),
        subject=_("Sammanfattning av samtalsträff"),
        author=session.leader_name or "",
        header=session.title,
        header_tail=long_date(session.date),
        keywords=tuple(module.module_id for module in session.modules),
    )
    return build_pdf(story, target, info, steps)


def summary_story(session: SessionExport, indicator_target: float) -> list[Flowable]:
    story: list[Flowable] = [*_cover(session), *standouts(session, BODY_WIDTH)]
    story += goals_section(session)
    story += _attendance(session)
    story += _timing(session)
    story += reflection_section(session)
    story += evaluation_section(session, indicator_target, BODY_WIDTH)
    story += sources_section(session)
    return story


def _cover(session: SessionExport) -> list[Flowable]:
    s = styles()
    rows = cover_facts(session)
    return [
        Paragraph(label_markup(_("Sammanfattning av samtalsträff")), s.subtitle),
        para(session.title, "title"),
        gap(3),
        facts(rows, BODY_WIDTH),
        gap(8),
    ]


def _attendance(session: SessionExport) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [CondPageBreak(60 * mm), Paragraph(label_markup(_("Närvaro")), s.h1)]
    counts = session.attendance
    if counts is None:
        return [*out, Paragraph(label_markup(_("Ingen närvaro registrerades.")), s.body)]
    pair = participant_tables(
        _("Antal"),
        [(gender.label, n) for gender, n in counts.by_gender().items()],
        [(group.label, n) for group, n in counts.by_target_group().items()],
        counts.total,
        22 * mm,
    )
    note = _(
        "Ingen deltagare är namngiven. En person kan höra till flera målgrupper eller till "
        "ingen, så målgrupperna behöver inte summera till totalen ({n})."
    ).format(n=counts.total)
    return [*out, pair, gap(2), Paragraph(label_markup(note), s.small), gap(6)]


def _timing(session: SessionExport) -> list[Flowable]:
    s = styles()
    heading = Paragraph(label_markup(_("Tidsplan: planerat och genomfört")), s.h1)
    if not session.steps:
        return [heading, Paragraph(label_markup(_("Inga steg genomfördes.")), s.body)]
    rows: list[Row] = []
    longest = 1.0
    for step in session.steps:
        planned = Bar(step.planned_seconds / 60, Fill.WHITE, minutes(step.planned_seconds))
        if step.skipped:
            actual = Bar(0, Fill.HATCHED, _("hoppades över"))
        elif step.actual_seconds is None:
            actual = Bar(0, Fill.HATCHED, _("inte genomfört"))
        else:
            actual = Bar(step.actual_seconds / 60, Fill.HATCHED, minutes(step.actual_seconds))
        longest = max(longest, planned.value, actual.value)
        rows.append(Row(step.title, (planned, actual)))
    legend = (Legend(Fill.WHITE, _("Planerat")), Legend(Fill.HATCHED, _("Genomfört")))
    # A drawing cannot break across pages, so a long plan becomes several charts.
    charts: list[Flowable] = [
        bar_chart(
            rows[start : start + _ROWS_PER_CHART],
            BODY_WIDTH,
            maximum=longest,
            legend=legend,
        )
        for start in range(0, len(rows), _ROWS_PER_CHART)
    ]
    total = _("Totalt {planned} planerat och {actual} genomfört.").format(
        planned=minutes(session.planned_seconds), actual=minutes(session.actual_seconds)
    )
    intro: list[Flowable] = [heading, Paragraph(label_markup(total), s.body)]
    return [KeepTogether([*intro, charts[0]]), *charts[1:], gap(6)]
