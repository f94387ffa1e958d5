"""Projector cards: one idea per screen."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from facilitator.core import glossary
from facilitator.core.content.kinds import DiscussionFormat
from facilitator.core.content.manifest import (
    ActivityStep,
    BreakStep,
    ClosingStep,
    EvaluationStep,
    FilmStep,
    PromptStep,
    ReflectionStep,
    Step,
    TextStep,
)
from facilitator.core.i18n import N_, _
from facilitator.core.presentation.join import JoinPanel
from facilitator.core.session.phases import Phase
from facilitator.core.session.status import StepPhase


class CardKind(StrEnum):
    TITLE = "title"
    TEXT = "text"
    PROMPT = "prompt"
    SILENT = "silent"
    RULES = "rules"
    BLACK = "black"
    PAUSE = "pause"
    CLOSING = "closing"
    FILM = "film"
    FILM_QUESTION = "film_question"
    FILM_ELSEWHERE = "film_elsewhere"
    BREAK = "break"
    ACTIVITY = "activity"
    EVALUATION = "evaluation"
    PHONE_ANSWERS = "phone_answers"


@dataclass(frozen=True)
class ProjectorCard:
    kind: CardKind
    heading: str = ""
    body: str = ""
    meta: str = ""
    items: tuple[str, ...] = ()
    countdown: bool = False
    join: JoinPanel | None = None
    """How phones join the session (QR code, address, room code), shown in a corner; None:
    the phones are off, or this card asks them nothing."""


# The four conversation rules, word for word as the bundled modules teach them: each module's
# welcome card, the leader's guide, its handout and its film (decision 0011). The R card is the
# one declaration in code; a bundled module that lists the rules uses exactly these words
# (tests/core/test_conversation_rules.py).
CONVERSATION_RULES = (
    N_("Lyssna för att förstå"),
    N_("Ge och ta plats"),
    N_("Tala utifrån dig själv"),
    N_("Det är okej att stå över"),
)


def rules_card() -> ProjectorCard:
    return ProjectorCard(
        CardKind.RULES,
        heading=_("Samtalsregler"),
        items=tuple(_(rule) for rule in CONVERSATION_RULES),
    )


def black_card() -> ProjectorCard:
    return ProjectorCard(CardKind.BLACK)


def pause_card(module_title: str) -> ProjectorCard:
    return ProjectorCard(CardKind.PAUSE, heading=module_title, body=_("Vi fortsätter strax."))


def title_card(title: str, subtitle: str = "") -> ProjectorCard:
    return ProjectorCard(CardKind.TITLE, heading=title, body=subtitle)


def break_card(minutes: int) -> ProjectorCard:
    return ProjectorCard(
        CardKind.BREAK,
        heading=_(glossary.BREAK),
        meta=_("{m} min").format(m=minutes),
        countdown=True,
    )


def format_line(fmt: DiscussionFormat | None, minutes: int) -> str:
    """The quiet line under a prompt: "Samtal i par · 5 min"."""
    time = _("{m} min").format(m=minutes) if minutes else ""
    if fmt is None:
        return time
    return f"{fmt.label} · {time}" if time else fmt.label


def phase_line(phase: Phase) -> str:
    """The quiet line under a talk's prompt while one of its phases runs: "Nu: i par · 2 min"."""
    return _("Nu: {phase} · {m} min").format(phase=phase.kind.label, m=phase.minutes)


def card_for_step(step: Step, minutes: int, module_title: str = "") -> ProjectorCard:
    """The card a step shows when it starts (a film step shows the film instead)."""
    if isinstance(step, PromptStep):
        kind = CardKind.SILENT if step.format == DiscussionFormat.SILENT else CardKind.PROMPT
        return ProjectorCard(
            kind, body=step.question, meta=format_line(step.format, minutes), countdown=True
        )
    if isinstance(step, ReflectionStep):
        return ProjectorCard(
            CardKind.PROMPT,
            heading=step.title,
            body=step.question,
            meta=format_line(step.format, minutes),
            countdown=True,
        )
    if isinstance(step, ActivityStep):
        return ProjectorCard(
            CardKind.ACTIVITY,
            heading=step.title,
            body=step.instructions,
            meta=format_line(step.format, minutes),
            items=tuple(step.statements),
            countdown=True,
        )
    if isinstance(step, TextStep):
        return ProjectorCard(CardKind.TEXT, heading=step.title, body=step.body)
    if isinstance(step, FilmStep):
        return ProjectorCard(CardKind.FILM, heading=step.title)
    if isinstance(step, BreakStep):
        return break_card(minutes)
    if isinstance(step, EvaluationStep):
        return ProjectorCard(CardKind.EVALUATION, heading=step.title, items=evaluation_items(step))
    if isinstance(step, ClosingStep):
        return ProjectorCard(CardKind.CLOSING, heading=step.title, body=step.body)
    return title_card(module_title or step.title)


def evaluation_items(step: EvaluationStep) -> tuple[str, ...]:
    """Every question, numbered, with its options on the line under it: the leader reads one
    at a time and counts hands, and the room can follow (and see what is still to come)."""
    return tuple(
        f"{number}. {question.text}\n{' · '.join(question.options)}"
        for number, question in enumerate(step.questions, start=1)
    )


JOINABLE_KINDS = frozenset(
    {CardKind.PROMPT, CardKind.SILENT, CardKind.EVALUATION, CardKind.PHONE_ANSWERS}
)
"""Where phones can answer: the talk, its silent phase, the evaluation, and the approved
answers shown meanwhile (more phones may still join)."""


def with_join(card: ProjectorCard, panel: JoinPanel | None) -> ProjectorCard:
    """``card`` with the join panel when phones can answer it, without it otherwise."""
    wanted = panel if card.kind in JOINABLE_KINDS else None
    return card if card.join == wanted else replace(card, join=wanted)


def phone_answers_card(texts: tuple[str, ...]) -> ProjectorCard:
    """The answers the leader let the room see: anonymous, as written, one per line."""
    return ProjectorCard(CardKind.PHONE_ANSWERS, heading=_("Från gruppens mobiler"), items=texts)


def film_elsewhere_card(title: str, subtitles: str) -> ProjectorCard:
    """The console's preview while the film plays on the projector: the preview cannot show
    the film itself, so it says what the room sees, how far it is and the subtitles."""
    return ProjectorCard(
        CardKind.FILM_ELSEWHERE,
        heading=title,
        body=_("Filmen visas på projektorn."),
        meta=subtitles,
        countdown=True,
    )


def film_question_card(question: str) -> ProjectorCard:
    return ProjectorCard(CardKind.FILM_QUESTION, body=question)


def format_countdown(remaining_seconds: float) -> str:
    """ "4:59" while time remains; "+2 min" in overtime, never hidden."""
    if remaining_seconds <= 0:
        over = int(-remaining_seconds)
        if over < 60:
            return _("+{s} s").format(s=over)
        return _("+{m} min").format(m=over // 60)
    whole = int(remaining_seconds + 0.999)
    minutes, seconds = divmod(whole, 60)
    return f"{minutes}:{seconds:02d}"


TIME_UP = N_("Tiden är ute")
_PHASE_WORDS = {
    StepPhase.NORMAL: "",
    StepPhase.LAST_MINUTE: N_("sista minuten"),
    StepPhase.OVERTIME: N_("över tiden"),
}


def countdown_line(countdown: str, phase: StepPhase) -> str:
    """The countdown as the room sees it; colour never carries the meaning alone."""
    words = _PHASE_WORDS[phase]
    return f"{countdown}  {_(words)}" if words else countdown


def countdown_samples() -> tuple[str, ...]:
    """The widest countdown lines, so a card keeps room for any of them."""
    return (
        countdown_line("88:88", StepPhase.LAST_MINUTE),
        countdown_line("+88 min", StepPhase.OVERTIME),
    )
