"""What the summary says about the reflections and in which order, shared by the PDF and its
accessible HTML twin so both tell the same thing. No reportlab here."""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.core.export.formatting import clock, long_date, minutes, percent
from facilitator.core.export.model import SessionExport, module_titles
from facilitator.core.i18n import _, ngettext
from facilitator.core.storage.records import ReflectionKind, ReflectionRecord, ReflectionSource

# Quotes first: they carry the group's own voice; the lists that need doing come last.
KIND_ORDER = (
    ReflectionKind.QUOTE,
    ReflectionKind.NOTE,
    ReflectionKind.PARKING,
    ReflectionKind.ACTION,
)

STANDOUT_KINDS = (ReflectionKind.ACTION, ReflectionKind.PARKING)
"""Agreed actions and questions to come back to: what must not be missed, first."""


def marker(session: SessionExport, kind: ReflectionKind, reflection: ReflectionRecord) -> str:
    """ "ÖVERENSKOMMELSE · Reflektionsrunda": what kind, and the step it came from."""
    step = session.step_title(reflection.step_key)
    label = kind.label.upper()
    return f"{label} · {step}" if step else label


def counts_line(reflections: Sequence[ReflectionRecord]) -> str:
    parts = []
    for kind in KIND_ORDER:
        n = sum(1 for r in reflections if r.kind is kind)
        if n:
            parts.append(f"{kind.label.lower()} {n}")
    total = ngettext("{n} reflektion", "{n} reflektioner", len(reflections)).format(
        n=len(reflections)
    )
    line = f"{total}: {', '.join(parts)}."
    phones = sum(1 for r in reflections if r.source is ReflectionSource.PHONES)
    if phones:
        line += " " + _("Varav {n} från gruppens mobiler.").format(n=phones)
    return line


def reflection_text(reflection: ReflectionRecord) -> str:
    """The text as written, marked when the group sent it from their phones (approved by the
    leader before the room saw it)."""
    if reflection.source is ReflectionSource.PHONES:
        return _("{text} (från gruppens mobiler)").format(text=reflection.text)
    return reflection.text


def phone_voters_line(session: SessionExport) -> str | None:
    """ "5 svarade på mobilen", under the evaluation; None when no phone answered."""
    if not session.phone_voters:
        return None
    return ngettext(
        "{n} svarade på mobilen", "{n} svarade på mobilen", session.phone_voters
    ).format(n=session.phone_voters)


def by_step(session: SessionExport) -> list[tuple[str, list[ReflectionRecord]]]:
    """The reflections grouped by the step they were written in, in the plan's order."""
    order = {step.step_key: index for index, step in enumerate(session.steps)}
    groups: dict[str, list[ReflectionRecord]] = {}
    for reflection in session.reflections:
        groups.setdefault(reflection.step_key, []).append(reflection)
    return sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))


def step_heading(session: SessionExport, group: Sequence[ReflectionRecord]) -> tuple[str, str]:
    """The heading of one step's reflections, and the question asked there when it differs."""
    title = session.step_title(group[0].step_key) or group[0].prompt_text or _("Övrigt")
    prompt = next((r.prompt_text for r in group if r.prompt_text), "")
    return title, prompt if prompt != title else ""


def cover_facts(session: SessionExport) -> list[tuple[str, str]]:
    """The cover's facts (modules, date and time, place, leader, length, attendance, status)."""
    when = long_date(session.date)
    if session.started_at is not None:
        when += f", {clock(session.started_at.astimezone())}"
        if session.ended_at is not None:
            when += f"–{clock(session.ended_at.astimezone())}"
    rows = [
        (_("Moduler") if len(session.modules) > 1 else _("Modul"), module_titles(session.modules)),
        (_("Datum"), when),
        (_("Plats"), session.place or "–"),
    ]
    if session.leader_name:
        rows.append((_("Samtalsledare"), session.leader_name))
    rows.append(
        (
            _("Längd"),
            _("{planned} planerat, {actual} genomfört").format(
                planned=minutes(session.planned_seconds), actual=minutes(session.actual_seconds)
            ),
        )
    )
    if session.attendance is not None:
        rows.append((_("Deltagare"), str(session.attendance.total)))
    rows.append((_("Status"), session.status.label))
    return rows


def indicator_explanation(target: float) -> str:
    return _(
        "Andelen av dem som svarade som valde ett svar som räknas som mer kunskap. "
        "Målet är minst {target}."
    ).format(target=percent(target))
