"""The coordinator's report over a period: key figures, who took part, modules run, the
knowledge indicator per module against its target, and every session it counts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from facilitator.core.export.blocks import (
    count_table,
    facts,
    gap,
    label_markup,
    para,
    participant_tables,
)
from facilitator.core.export.charts import Bar, Fill, Row, bar_chart, share_chart
from facilitator.core.export.document import DocumentInfo, build_pdf
from facilitator.core.export.formatting import duration, long_date, percent, short_date
from facilitator.core.export.model import module_titles
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.export.report_data import PeriodReport, Tally, session_minutes
from facilitator.core.export.styles import BODY_WIDTH, styles
from facilitator.core.i18n import _, ngettext


def write_report_pdf(
    report: PeriodReport,
    target: Path,
    *,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    period = f"{short_date(report.first)} – {short_date(report.last)}"
    info = DocumentInfo(
        title=_("Rapport: samtalsträffar {period}").format(period=period),
        subject=_("Rapport över samtalsträffar"),
        header=_("Samtalsträffar {period}").format(period=period),
        keywords=report.module_ids,
    )
    steps = Steps(progress, is_cancelled)
    return build_pdf(report_story(report), target, info, steps)


def report_story(report: PeriodReport) -> list[Flowable]:
    s = styles()
    t = report.totals
    selection = (
        ", ".join(line.title for line in report.modules if line.module_id in report.module_ids)
        or ", ".join(report.module_ids)
        if report.module_ids
        else _("alla moduler")
    )
    story: list[Flowable] = [
        Paragraph(label_markup(_("Rapport över samtalsträffar")), s.subtitle),
        para(
            _("{first} – {last}").format(
                first=long_date(report.first), last=long_date(report.last)
            ),
            "title",
        ),
        facts(
            [
                (_("Moduler i urvalet"), selection),
                (_("Sessioner"), str(t.sessions)),
                (_("Deltagare"), str(t.participants)),
                (_("Tid"), duration(t.minutes)),
                (_("Moduler som körts"), str(len(report.modules))),
                (
                    _("Kunskapsindikatorn"),
                    _("{share} (mål {target})").format(
                        share=percent(t.share), target=percent(report.target)
                    ),
                ),
                (_("Skapad"), long_date(datetime.now().astimezone())),
            ],
            BODY_WIDTH,
        ),
        gap(3),
    ]
    if t.without_attendance:
        note = ngettext(
            "{n} av sessionerna saknar närvaro och räknas med noll deltagare.",
            "{n} av sessionerna saknar närvaro och räknas med noll deltagare.",
            t.without_attendance,
        ).format(n=t.without_attendance)
        story.append(Paragraph(label_markup(note), s.small))
    story += _participants(t)
    story += _modules(report)
    story += _sessions(report)
    return story


def _participants(t: Tally) -> list[Flowable]:
    s = styles()
    pair = participant_tables(
        _("Deltagare"),
        [(g.label, n) for g, n in t.by_gender.items()],
        [(g.label, n) for g, n in t.by_target_group.items()],
        t.participants,
        24 * mm,
    )
    note = _(
        "Deltagare räknas per session: den som var med på två sessioner räknas två gånger. "
        "Målgrupperna kan överlappa."
    )
    return [
        CondPageBreak(70 * mm),
        Paragraph(label_markup(_("Deltagare")), s.h1),
        pair,
        gap(2),
        Paragraph(label_markup(note), s.small),
    ]


def _modules(report: PeriodReport) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [CondPageBreak(80 * mm), Paragraph(label_markup(_("Moduler")), s.h1)]
    if not report.modules:
        return [*out, Paragraph(label_markup(_("Inga sessioner under perioden.")), s.body)]
    widths = [BODY_WIDTH - 104 * mm, 24 * mm, 26 * mm, 26 * mm, 28 * mm]
    rows = [
        [
            line.title,
            str(line.tally.sessions),
            str(line.tally.participants),
            duration(line.tally.minutes),
            percent(line.tally.share),
        ]
        for line in report.modules
    ]
    header = [_("Modul"), _("Sessioner"), _("Deltagare"), _("Tid"), _("Indikator")]
    out.append(count_table(header, rows, widths))
    out.append(gap(2))
    out.append(
        Paragraph(
            label_markup(
                _("En session med flera moduler räknas under var och en av dem i tabellen.")
            ),
            s.small,
        )
    )
    top = max(line.tally.participants for line in report.modules)
    chart_rows = [
        Row(
            line.title,
            (
                Bar(
                    line.tally.participants,
                    Fill.HATCHED,
                    ngettext(
                        "{n} deltagare, {sessions}",
                        "{n} deltagare, {sessions}",
                        line.tally.participants,
                    ).format(
                        n=line.tally.participants,
                        sessions=ngettext(
                            "{k} session", "{k} sessioner", line.tally.sessions
                        ).format(k=line.tally.sessions),
                    ),
                ),
            ),
        )
        for line in report.modules
    ]
    out.append(
        KeepTogether(
            [
                Paragraph(label_markup(_("Deltagare per modul")), s.h2),
                bar_chart(chart_rows, BODY_WIDTH, maximum=max(1, top), bar_height=10),
            ]
        )
    )
    indicator_rows = [(line.title, line.tally.share, line.tally.answers) for line in report.modules]
    explain = _(
        "Andelen av dem som svarade på kunskapsfrågan som valde ett svar som räknas som mer "
        "kunskap, per modul, mot målet {target}."
    ).format(target=percent(report.target))
    block: list[Flowable] = [
        Paragraph(label_markup(_("Kunskapsindikatorn per modul")), s.h2),
        Paragraph(label_markup(explain), s.body),
        share_chart(indicator_rows, report.target, BODY_WIDTH),
    ]
    if report.totals.unknown_indicator:
        block.append(
            Paragraph(
                label_markup(
                    ngettext(
                        "{n} svar på kunskapsfrågan kunde inte räknas: modulen finns inte på "
                        "den här datorn.",
                        "{n} svar på kunskapsfrågan kunde inte räknas: modulen finns inte på "
                        "den här datorn.",
                        report.totals.unknown_indicator,
                    ).format(n=report.totals.unknown_indicator)
                ),
                s.small,
            )
        )
    out.append(KeepTogether(block))
    return out


def _sessions(report: PeriodReport) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        CondPageBreak(60 * mm),
        Paragraph(label_markup(_("Sessionerna")), s.h1),
    ]
    if not report.sessions:
        return [*out, Paragraph(label_markup(_("Inga sessioner under perioden.")), s.body)]
    widths = [26 * mm, BODY_WIDTH - 108 * mm, 34 * mm, 24 * mm, 24 * mm]
    rows = [
        [
            short_date(session.date),
            f"{session.title} ({module_titles(session.modules)})",
            session.place or "–",
            str(session.participants),
            duration(session_minutes(session)),
        ]
        for session in report.sessions
    ]
    t = report.totals
    rows.append([_("Summa"), "", "", str(t.participants), duration(t.minutes)])
    header = [_("Datum"), _("Session (moduler)"), _("Plats"), _("Deltagare"), _("Tid")]
    out.append(count_table(header, rows, widths, total_row=True, text_columns=3))
    return out
