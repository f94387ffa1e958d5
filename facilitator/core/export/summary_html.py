"""The session summary as an accessible HTML page: the same sections, in the same order, as
the summary PDF (``summary_pdf.py``), for a reader the untagged PDF fails — headings to jump
by, tables with headers, reflections in their own writing direction, text that reflows and
enlarges (docs/decisions/0014-accessible-documents.md). No reportlab: it is quick to load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from facilitator.core.export import html_page as h
from facilitator.core.export.formatting import minutes, percent
from facilitator.core.export.model import DEFAULT_TARGET, SessionExport
from facilitator.core.export.module_about import ModuleAbout, about_parts
from facilitator.core.export.progress import IsCancelled, Progress, Steps
from facilitator.core.export.summary_order import (
    KIND_ORDER,
    STANDOUT_KINDS,
    by_step,
    counts_line,
    cover_facts,
    indicator_explanation,
    marker,
    phone_voters_line,
    reflection_text,
    step_heading,
)
from facilitator.core.i18n import _, active_language, ngettext
from facilitator.core.safe_write import write_file
from facilitator.core.storage.records import EvaluationResult, ReflectionKind

HTML_SUFFIX = ".html"


def write_summary_html(
    session: SessionExport,
    target: Path,
    *,
    indicator_target: float = DEFAULT_TARGET,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Path:
    """Write the summary of ``session`` to ``target`` (replaced if it exists).

    Raises ``ExportCancelled`` (nothing written) or ``OSError`` (``FileWriteError``).
    """
    steps = Steps(progress, is_cancelled)
    document = summary_html(session, indicator_target)
    steps.check()

    def write(out: BinaryIO) -> None:
        out.write(document.encode("utf-8"))

    write_file(target, write)
    steps.report(1.0)
    return target


def summary_html(session: SessionExport, indicator_target: float = DEFAULT_TARGET) -> str:
    title = _("Sammanfattning: {title}").format(title=session.title)
    body = [
        *_cover(session),
        *_standouts(session),
        *_about(session, _("Lärandemål"), lambda about: about.goals),
        *_attendance(session),
        *_timing(session),
        *_reflections(session),
        *_evaluation(session, indicator_target),
        *_about(session, _("Källor"), lambda about: about.sources),
    ]
    return h.page(title, active_language(), body)


def _cover(session: SessionExport) -> list[str]:
    rows = cover_facts(session)
    return [
        h.paragraph(_("Sammanfattning av samtalsträff"), "kind"),
        h.heading(1, session.title),
        h.facts(rows),
    ]


def _standouts(session: SessionExport) -> list[str]:
    out: list[str] = []
    for kind in STANDOUT_KINDS:
        items = session.reflections_of(kind)
        if not items:
            out.append(h.paragraph(kind.empty_text, "note"))
            continue
        entries = "".join(
            f'<li><span class="from">{h.text(marker(session, kind, r))}</span>'
            f"{h.typed('div', reflection_text(r))}</li>"
            for r in items
        )
        out.append(
            f'<section class="standout">{h.heading(2, kind.heading)}<ul>{entries}</ul></section>'
        )
    return out


def _about(
    session: SessionExport, heading: str, items: Callable[[ModuleAbout], tuple[str, ...]]
) -> list[str]:
    """The modules' goals or sources, as the PDF has them (``summary_about``)."""
    parts = about_parts(session, items)
    if not parts:
        return []
    out = [h.heading(2, heading)]
    for title, entries in parts:
        if title is not None:
            out.append(h.heading(3, title))
        out.append(h.bullet_list(entries))
    return out


def _attendance(session: SessionExport) -> list[str]:
    out = [h.heading(2, _("Närvaro"))]
    counts = session.attendance
    if counts is None:
        return [*out, h.paragraph(_("Ingen närvaro registrerades."))]
    genders = [[gender.label, str(n)] for gender, n in counts.by_gender().items()]
    genders.append([_("Totalt"), str(counts.total)])
    groups = [[group.label, str(n)] for group, n in counts.by_target_group().items()]
    note = _(
        "Ingen deltagare är namngiven. En person kan höra till flera målgrupper eller till "
        "ingen, så målgrupperna behöver inte summera till totalen ({n})."
    ).format(n=counts.total)
    return [
        *out,
        h.data_table(_("Deltagare per kön"), [_("Kön"), _("Antal")], genders),
        h.data_table(_("Deltagare per målgrupp"), [_("Målgrupp"), _("Antal")], groups),
        h.paragraph(note, "note"),
    ]


def _timing(session: SessionExport) -> list[str]:
    out = [h.heading(2, _("Tidsplan: planerat och genomfört"))]
    if not session.steps:
        return [*out, h.paragraph(_("Inga steg genomfördes."))]
    rows = []
    for step in session.steps:
        if step.skipped:
            actual = _("hoppades över")
        elif step.actual_seconds is None:
            actual = _("inte genomfört")
        else:
            actual = minutes(step.actual_seconds)
        rows.append([step.title, minutes(step.planned_seconds), actual])
    total = _("Totalt {planned} planerat och {actual} genomfört.").format(
        planned=minutes(session.planned_seconds), actual=minutes(session.actual_seconds)
    )
    header = [_("Steg"), _("Planerat"), _("Genomfört")]
    return [
        *out,
        h.paragraph(total),
        h.data_table(_("Tid per steg"), header, rows),
    ]


def _reflections(session: SessionExport) -> list[str]:
    out = [h.heading(2, _("Reflektioner"))]
    if not session.reflections:
        return [*out, h.paragraph(_("Inga reflektioner antecknades."))]
    out.append(h.paragraph(counts_line(session.reflections)))
    for _step_key, group in by_step(session):
        title, prompt = step_heading(session, group)
        out.append(h.heading(3, title))
        if prompt:
            out.append(h.typed("p", prompt, "quote"))
        for kind in KIND_ORDER:
            items = [reflection_text(r) for r in group if r.kind is kind]
            if items:
                out.append(h.heading(4, f"{kind.label} ({len(items)})"))
                style = "quote" if kind is ReflectionKind.QUOTE else ""
                out.append(h.bullet_list(items, style))
    return out


def _evaluation(session: SessionExport, target: float) -> list[str]:
    out = [h.heading(2, _("Utvärdering"))]
    if not session.evaluation:
        return [*out, h.paragraph(_("Ingen utvärdering gjordes."))]
    phones = phone_voters_line(session)
    if phones is not None:
        out.append(h.paragraph(phones))
    for result in session.evaluation:
        out += [h.heading(3, result.question_text), _options(session, result)]
    return out + _indicator(session, target)


def _options(session: SessionExport, result: EvaluationResult) -> str:
    positive = (
        set(session.positive_of(result.question_id) or ()) if result.knowledge_indicator else set()
    )
    header = [_("Svar"), _("Antal"), _("Andel")]
    if positive:
        header.append(_("Räknas som mer kunskap"))
    rows = []
    for option in result.options:
        share = option.count / result.answers if result.answers else None
        row = [option.text, str(option.count), percent(share)]
        if positive:
            row.append(_("ja") if option.index in positive else _("nej"))
        rows.append(row)
    # Each table names its question: a screen reader's list of tables shows captions only.
    answers = ngettext("{n} svar", "{n} svar", result.answers).format(n=result.answers)
    caption = f"{result.question_text} ({answers})"
    return h.data_table(caption, header, rows)


def _indicator(session: SessionExport, target: float) -> list[str]:
    if not session.indicators:
        return []
    texts = {r.question_id: r.question_text for r in session.evaluation}
    explain = indicator_explanation(target)
    rows = [
        [texts.get(i.question_id, i.question_id), percent(i.share), str(i.answers)]
        for i in session.indicators
    ]
    header = [_("Fråga"), _("Andel"), _("Svar")]
    out = [
        h.heading(3, _("Kunskapsindikatorn")),
        h.paragraph(explain),
        h.data_table(_("Kunskapsindikatorn per fråga"), header, rows),
    ]
    if any(i.positive is None for i in session.indicators):
        missing = _(
            "Modulen som ställde frågan finns inte på den här datorn, så det går inte att "
            "räkna vilka svar som är positiva."
        )
        out.append(h.paragraph(missing, "note"))
    return out
