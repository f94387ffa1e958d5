"""The leader's preparation guide for one module: the plan for each length, then every step
with its timing, notes for the leader, questions and follow-ups, so a leader can prepare on
paper the day before."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph

from facilitator.core.content.citation import citation
from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import (
    ActivityStep,
    ClosingStep,
    EvaluationStep,
    FilmStep,
    Manifest,
    PromptStep,
    ReflectionStep,
    Step,
    TextStep,
    Variant,
)
from facilitator.core.content.manifest_printables import Audience
from facilitator.core.content.variant_scope import goal_requires, goal_text, variant_lengths
from facilitator.core.export.blocks import bullet, count_table, facts, gap, label_markup, para
from facilitator.core.export.markdown import markdown_flowables
from facilitator.core.export.printable_pages import printable_pages
from facilitator.core.export.styles import BODY_WIDTH, styles
from facilitator.core.films.transcript import Transcript, TranscriptError, load_transcript
from facilitator.core.i18n import _


def leader_guide_story(manifest: Manifest, folder: Path) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [
        Paragraph(label_markup(_("Förberedelseguide för samtalsledaren")), s.subtitle),
        para(manifest.title.sv, "title"),
        para(manifest.summary.sv, "body"),
        gap(3),
        facts(
            [
                (_("Längd"), ", ".join(f"{v.minutes} min" for v in manifest.variants)),
                (_("Målgrupper"), ", ".join(t.label for t in manifest.target_groups)),
                (_("Film"), _("ja") if manifest.film is not None else _("nej")),
                (_("Version"), manifest.version),
            ],
            BODY_WIDTH,
        ),
        Paragraph(label_markup(_("Lärandemål")), s.h2),
        *[
            bullet(goal_text(goal) + _only_in(manifest, goal_requires(goal)))
            for goal in manifest.learning_goals
        ],
    ]
    for variant in manifest.variants:
        story += _plan(manifest, variant)
    story += [CondPageBreak(60 * mm), Paragraph(label_markup(_("Stegen")), s.h1)]
    for step in manifest.steps:
        story += _step(manifest, step)
    story += _film_text(manifest, folder)
    story += _sources(manifest)
    # Last, so the sign sheets' landscape pages close the guide.
    story += printable_pages(manifest, folder, Audience.LEADER)
    return story


def _plan(manifest: Manifest, variant: Variant) -> list[Flowable]:
    s = styles()
    rows = []
    start = 0
    for step, minutes in manifest.variant_step_minutes(variant):
        rows.append(
            [
                f"{start // 60}:{start % 60:02d}",
                step.title,
                StepKind(step.kind).label,
                f"{minutes} min",
            ]
        )
        start += minutes
    rows.append(["", _("Totalt"), "", f"{start} min"])
    widths = [18 * mm, BODY_WIDTH - 76 * mm, 36 * mm, 22 * mm]
    heading = Paragraph(
        label_markup(_("Plan för {minutes} minuter").format(minutes=variant.minutes)), s.h2
    )
    table = count_table(
        [_("Start"), _("Steg"), _("Slag"), _("Tid")], rows, widths, total_row=True, text_columns=3
    )
    return [CondPageBreak(40 * mm), heading, table, gap(3)]


def _only_in(manifest: Manifest, requires: list[str]) -> str:
    """`` (bara i 90 och 120 min)`` for what a tied goal or question claims only in some
    variants; empty when it holds in all of them."""
    lengths = variant_lengths(manifest, requires)
    if len(lengths) == len(manifest.variants):
        return ""
    if not lengths:
        return " " + _("(i ingen längdvariant)")
    return " " + _("(bara i {lengths} min)").format(lengths=_joined(lengths))


def _joined(lengths: Sequence[int]) -> str:
    """45, 75 och 90."""
    listed = ", ".join(str(m) for m in lengths[:-1])
    # Outside the f-string, where the message extractor can see it.
    and_word = _("och")
    return f"{listed} {and_word} {lengths[-1]}" if listed else str(lengths[-1])


def _variant_notes(manifest: Manifest, step: Step) -> list[Flowable]:
    """The notes variants give the step instead of its own, once per text under the lengths
    that use it (two lengths sharing one override print it once)."""
    s = styles()
    lengths_by_notes: dict[str, list[int]] = {}
    for variant in manifest.variants:
        notes = variant.leader_notes_override.get(step.id)
        if notes is not None:
            lengths_by_notes.setdefault(notes, []).append(variant.minutes)
    out: list[Flowable] = []
    for notes, lengths in lengths_by_notes.items():
        if len(lengths) == 1:
            heading = _("Till dig som leder, i varianten på {minutes} minuter").format(
                minutes=lengths[0]
            )
        else:
            heading = _("Till dig som leder, i varianterna på {lengths} minuter").format(
                lengths=_joined(lengths)
            )
        out += [Paragraph(label_markup(heading), s.h3), *markdown_flowables(notes, BODY_WIDTH)]
    return out


def _step(manifest: Manifest, step: Step) -> list[Flowable]:
    s = styles()
    kind = StepKind(step.kind).label
    fmt = getattr(step, "format", None)
    subtitle = f"{kind} · {step.minutes} min" + (f" · {fmt.label}" if fmt is not None else "")
    head: list[Flowable] = [
        para(step.title, "h2"),
        Paragraph(label_markup(subtitle), s.label),
    ]
    body: list[Flowable] = []
    question = _question(step)
    if question:
        body += [Paragraph(label_markup(_("Fråga till gruppen")), s.h3), para(question, "quote")]
    if isinstance(step, PromptStep) and step.follow_ups:
        body.append(Paragraph(label_markup(_("Följdfrågor")), s.h3))
        body += [bullet(f) for f in step.follow_ups]
    if isinstance(step, FilmStep):
        for point in step.pause_points:
            mark = f"{int(point.at) // 60}:{int(point.at) % 60:02d}"
            body.append(bullet(_("Paus vid {at}: {q}").format(at=mark, q=point.question)))
    if isinstance(step, ActivityStep):
        body += [Paragraph(label_markup(_("Instruktioner")), s.h3), para(step.instructions)]
        if step.materials:
            body.append(
                para(_("Material: {items}").format(items=", ".join(step.materials)), "body")
            )
        body += [bullet(statement) for statement in step.statements]
    if isinstance(step, TextStep | ClosingStep):
        body += [
            Paragraph(label_markup(_("På duken")), s.h3),
            *markdown_flowables(step.body, BODY_WIDTH),
        ]
    if isinstance(step, EvaluationStep):
        for q in step.questions:
            body.append(para(q.text + _only_in(manifest, q.requires), "h3"))
            marks = set(q.positive_options)
            body += [
                bullet(option + (" " + _("(räknas som mer kunskap)") if i in marks else ""))
                for i, option in enumerate(q.options)
            ]
    notes = [
        Paragraph(label_markup(_("Till dig som leder")), s.h3),
        *markdown_flowables(step.leader_notes, BODY_WIDTH),
        *_variant_notes(manifest, step),
    ]
    content = [*body, *notes]
    # The step's title stays with the start of what it says, never alone at a page's foot.
    return [KeepTogether([*head, *content[:2]]), *content[2:], gap(3)]


def _question(step: Step) -> str:
    if isinstance(step, PromptStep | ReflectionStep):
        return step.question
    if isinstance(step, FilmStep):
        return step.question_after or ""
    return ""


def _film_text(manifest: Manifest, folder: Path) -> list[Flowable]:
    """The film's words after the steps: a leader can read ahead, and a participant who
    cannot see or hear the film can be given them (EN 301 549 9.1.2.1)."""
    if manifest.film is None:
        return []
    s = styles()
    out: list[Flowable] = [CondPageBreak(40 * mm), Paragraph(label_markup(_("Filmens text")), s.h1)]
    try:
        transcript = load_transcript(manifest, folder)
    except TranscriptError as error:
        return [*out, para(str(error), "small")]
    if transcript is None:
        note = _(
            "Filmen har ingen text att skriva ut: modulen saknar filmskript och transcript.md."
        )
        return [*out, Paragraph(label_markup(note), s.small)]
    return out + _transcript_flowables(transcript)


def _transcript_flowables(transcript: Transcript) -> list[Flowable]:
    out: list[Flowable] = []
    for section in transcript.sections:
        passages: list[Flowable] = []
        for passage in section.passages:
            passages += [para(line.plain()) for line in passage.lines]
            passages.append(gap(2))
        if section.title:
            # A chapter's title stays with its first lines.
            out += [KeepTogether([para(section.title, "h2"), *passages[:2]]), *passages[2:]]
        else:
            out += passages
    return out


def _sources(manifest: Manifest) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph(label_markup(_("Källor")), s.h1)]
    out += [bullet(citation(source)) for source in manifest.sources]
    return out
