"""The summary's sections about what the group said and how they rated the session."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from facilitator.core.export.blocks import gap, label_markup, para, standout_box
from facilitator.core.export.charts import Bar, Fill, Legend, Row, bar_chart, share_chart
from facilitator.core.export.formatting import percent
from facilitator.core.export.model import SessionExport
from facilitator.core.export.shaped_paragraph import text_block
from facilitator.core.export.styles import styles
from facilitator.core.export.summary_order import (
    KIND_ORDER,
    STANDOUT_KINDS,
    by_step,
    counts_line,
    indicator_explanation,
    marker,
    phone_voters_line,
    reflection_text,
    step_heading,
)
from facilitator.core.i18n import _
from facilitator.core.storage.records import EvaluationResult, ReflectionKind, ReflectionRecord


def standouts(session: SessionExport, width: float) -> list[Flowable]:
    """Agreed actions and questions to come back to, boxed on the first page."""
    out: list[Flowable] = []
    for kind in STANDOUT_KINDS:
        items = session.reflections_of(kind)
        if not items:
            out += [Paragraph(label_markup(kind.empty_text), styles().small), gap(2)]
            continue
        labelled = [(marker(session, kind, r), reflection_text(r)) for r in items]
        out += [*standout_box(kind.heading, labelled, width), gap(3)]
    return out


def reflection_section(session: SessionExport) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [
        CondPageBreak(50),
        Paragraph(label_markup(_("Reflektioner")), s.h1),
    ]
    if not session.reflections:
        return [*out, Paragraph(label_markup(_("Inga reflektioner antecknades.")), s.body)]
    out.append(Paragraph(label_markup(counts_line(session.reflections)), s.body))
    for _step_key, group in by_step(session):
        title, prompt = step_heading(session, group)
        head: list[Flowable] = [para(title, "h2")]
        if prompt:
            head.append(text_block(prompt, s.quote))
        first = True
        for kind in KIND_ORDER:
            items = [r for r in group if r.kind is kind]
            if not items:
                continue
            label = Paragraph(label_markup(f"{kind.label} ({len(items)})"), s.h3)
            entries = [_entry(r) for r in items]
            # Keep each heading with its first entry, never alone at a page's foot.
            lead = [*head, label, entries[0]] if first else [label, entries[0]]
            out += [KeepTogether(lead), *entries[1:]]
            first = False
    return out


def _entry(reflection: ReflectionRecord) -> Flowable:
    s = styles()
    if reflection.kind is ReflectionKind.QUOTE:
        return text_block(f"”{reflection_text(reflection)}”", s.quote)
    return text_block(reflection_text(reflection), s.bullet, bullet="•")


def evaluation_section(session: SessionExport, target: float, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [CondPageBreak(120), Paragraph(label_markup(_("Utvärdering")), s.h1)]
    if not session.evaluation:
        return [*out, Paragraph(label_markup(_("Ingen utvärdering gjordes.")), s.body)]
    phones = phone_voters_line(session)
    if phones is not None:
        out.append(Paragraph(label_markup(phones), s.body))
    for result in session.evaluation:
        out.append(
            KeepTogether([para(result.question_text, "h3"), _options(session, result, width)])
        )
    out += _indicator(session, target, width)
    return out


def _options(session: SessionExport, result: EvaluationResult, width: float) -> Flowable:
    positive = (
        set(session.positive_of(result.question_id) or ()) if result.knowledge_indicator else set()
    )
    answers = result.answers
    rows = []
    for option in result.options:
        share = option.count / answers if answers else None
        fill = Fill.HATCHED if option.index in positive else Fill.WHITE
        text = f"{option.count} ({percent(share)})"
        rows.append(Row(option.text, (Bar(option.count, fill, text),)))
    legend: tuple[Legend, ...] = ()
    if positive:
        legend = (
            Legend(Fill.HATCHED, _("Räknas som mer kunskap")),
            Legend(Fill.WHITE, _("Övriga svar")),
        )
    top = max((option.count for option in result.options), default=1)
    return bar_chart(rows, width, maximum=max(1, top), legend=legend)


def _indicator(session: SessionExport, target: float, width: float) -> list[Flowable]:
    s = styles()
    if not session.indicators:
        return []
    texts = {r.question_id: r.question_text for r in session.evaluation}
    explain = indicator_explanation(target)
    rows = [
        (texts.get(i.question_id, i.question_id), i.share, i.answers) for i in session.indicators
    ]
    out: list[Flowable] = [
        Paragraph(label_markup(_("Kunskapsindikatorn")), s.h2),
        Paragraph(label_markup(explain), s.body),
        share_chart(rows, target, width),
    ]
    if any(i.positive is None for i in session.indicators):
        missing = _(
            "Modulen som ställde frågan finns inte på den här datorn, så det går inte att "
            "räkna vilka svar som är positiva."
        )
        out.append(Paragraph(label_markup(missing), s.small))
    return [KeepTogether(out)]
