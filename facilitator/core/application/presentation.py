"""What the console and the projector show for a moment of the session, worked out once.

Pure functions of the engine's snapshot and the modules' steps: the console's texts and run
sheet, the card the room sees, and each step's prompt (the text a reflection is filed under).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import FilmStep, Manifest, Step
from facilitator.core.i18n import _
from facilitator.core.presentation.cards import (
    ProjectorCard,
    break_card,
    card_for_step,
    format_countdown,
    pause_card,
    phase_line,
)
from facilitator.core.session.phases import PhasePosition
from facilitator.core.session.plan import SessionPlan
from facilitator.core.session.status import SessionSnapshot, SessionState, StepPhase, StepRun


@dataclass(frozen=True)
class StepContent:
    """A planned step's content: the module step it came from, and where its files are."""

    step: Step
    manifest: Manifest
    folder: Path | None = None


@dataclass(frozen=True)
class PlanRow:
    key: str
    text: str
    current: bool


@dataclass(frozen=True)
class ConsoleView:
    step_key: str | None
    step_title: str
    step_meta: str
    countdown: str
    phase: StepPhase
    clock: str
    paused: bool
    next_step: str
    notes_markdown: str
    plan: tuple[PlanRow, ...]
    is_film: bool
    phase_now: str = ""
    """A talk's phase for the leader: "Nu: i par · 1:12 kvar (del 2 av 4)"; empty without."""
    phase_next: str = ""
    """The phase after it, which N starts at once: "Sedan: i fyra · 4 min"; empty in the last."""


@dataclass(frozen=True)
class SessionView:
    """Everything the leader and the room see at one moment."""

    console: ConsoleView
    card: ProjectorCard
    countdown: str
    phase: StepPhase


def step_prompt(content: StepContent | None, fallback: str = "") -> str:
    """The question a reflection answers: the step's question, or else its title."""
    if content is None:
        return fallback
    return getattr(content.step, "question", "") or content.step.title


def projector_card(
    status: SessionSnapshot,
    content: Mapping[str, StepContent],
    override: ProjectorCard | None,
    language: str,
) -> ProjectorCard:
    step = status.current_step
    key = step.key if step is not None else None
    if status.state == SessionState.PAUSED:
        return pause_card(module_title(content, key, language))
    if override is not None:
        return override
    minutes = round(status.step_planned_seconds / 60)
    if key is not None and key in content:
        item = content[key]
        card = card_for_step(item.step, minutes, item.manifest.title.get(language))
        position = status.phase_position
        if position is not None and card.countdown:
            # The room needs what to do now; the format and the whole time are the leader's.
            card = replace(card, meta=phase_line(position.current))
        return card
    if step is not None and step.kind == StepKind.BREAK:
        return break_card(minutes)
    return pause_card("")


def module_title(content: Mapping[str, StepContent], key: str | None, language: str) -> str:
    if key is None or key not in content:
        return ""
    return content[key].manifest.title.get(language)


def console_view(
    status: SessionSnapshot,
    plan: SessionPlan,
    runs: tuple[StepRun, ...],
    content: Mapping[str, StepContent],
) -> ConsoleView:
    step = status.current_step
    item = content.get(step.key) if step is not None else None
    title, meta = "", ""
    if step is not None:
        title = step.title
        parts = [step.kind.label]
        if step.format is not None:
            parts.append(step.format.label)
        parts.append(_("{m} min planerat").format(m=round(status.step_planned_seconds / 60)))
        meta = " · ".join(parts)
    nxt = status.next_step
    phase_now, phase_next = phase_texts(status.phase_position)
    return ConsoleView(
        step_key=step.key if step is not None else None,
        step_title=title,
        step_meta=meta,
        countdown=format_countdown(status.step_remaining_seconds),
        phase=status.phase,
        clock=clock_text(status),
        paused=status.state == SessionState.PAUSED,
        next_step=(
            _("Nästa: {title} · {minutes} min").format(title=nxt.title, minutes=nxt.planned_minutes)
            if nxt
            else _("Nästa: avslutning av sessionen")
        ),
        # A break has no module step: its notes are its own (none), never the previous step's.
        notes_markdown=notes_markdown(item.step) if item is not None else "",
        plan=plan_rows(status, plan, runs),
        is_film=item is not None and isinstance(item.step, FilmStep),
        phase_now=phase_now,
        phase_next=phase_next,
    )


def phase_texts(position: PhasePosition | None) -> tuple[str, str]:
    """The console's two lines about a talk's phases: the one on, and the one after it."""
    if position is None:
        return "", ""
    phase, n, count = position.current.kind.label, position.index + 1, len(position.phases)
    if position.remaining > 0:
        now = _("Nu: {phase} · {left} kvar (del {n} av {count})").format(
            phase=phase, left=format_countdown(position.remaining), n=n, count=count
        )
    else:  # the last phase in overtime: the step's countdown says how far over
        now = _("Nu: {phase} (del {n} av {count})").format(phase=phase, n=n, count=count)
    following = position.following
    if following is None:
        return now, ""
    return now, _("Sedan: {phase} · {m} min").format(
        phase=following.kind.label, m=following.minutes
    )


def clock_text(status: SessionSnapshot) -> str:
    end = status.projected_end.strftime("%H:%M")
    behind = status.minutes_behind
    if behind > 0:
        delta = _("{m} min efter plan").format(m=behind)
    elif behind < 0:
        delta = _("{m} min före plan").format(m=-behind)
    else:
        delta = _("enligt plan")
    return _("Beräknat slut {end} · {delta}").format(end=end, delta=delta)


def plan_rows(
    status: SessionSnapshot, plan: SessionPlan, runs: tuple[StepRun, ...]
) -> tuple[PlanRow, ...]:
    """The run sheet: done / now / the rest, each with its minutes as they stand now
    (extensions included)."""
    by_key = {run.key: run for run in runs}
    current = status.current_step.key if status.current_step else None
    rows: list[PlanRow] = []
    for step in plan.active_steps:
        run = by_key.get(step.key)
        minutes = round(run.planned_seconds / 60) if run is not None else step.planned_minutes
        if step.key == current:
            marker = _("Nu")
        elif run is not None and run.ended_at is not None:
            marker = _("Klar")
        else:
            marker = ""
        prefix = f"{marker}: " if marker else ""
        rows.append(PlanRow(step.key, f"{prefix}{step.title} · {minutes} min", step.key == current))
    return tuple(rows)


def notes_markdown(step: Step) -> str:
    parts = [step.leader_notes]
    follow_ups = getattr(step, "follow_ups", None)
    if follow_ups:
        parts.append(_("**Följdfrågor**"))
        parts.append("\n".join(f"- {q}" for q in follow_ups))
    if isinstance(step, FilmStep) and step.question_after:
        parts.append(_("**Fråga efter filmen:** {q}").format(q=step.question_after))
    return "\n\n".join(part for part in parts if part)
