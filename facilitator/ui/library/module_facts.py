"""What a module's own page says about it, worked out from its manifest: the goals with the
lengths they hold in, the run sheet of one length, the whole film to preview, and whether a
length has signs to print. Qt-free, so it is tested without a window."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.manifest import FilmStep, Manifest
from facilitator.core.content.manifest_printables import Layout
from facilitator.core.content.printable_use import in_session
from facilitator.core.content.variant_scope import goal_requires, goal_text, variant_lengths
from facilitator.core.films.playback import FilmProgram, film_program
from facilitator.core.i18n import _


@dataclass(frozen=True)
class StepRow:
    start: str
    """Minutes from the session's start, as "0:25"."""
    title: str
    form: str
    """The discussion format where the step has one, else its kind ("Film", "Paus")."""
    minutes: int


def goal_lines(manifest: Manifest) -> list[str]:
    """Each learning goal, with the lengths it holds in when not all of them (as the leader
    guide says it)."""
    return [
        goal_text(goal) + only_in(manifest, goal_requires(goal)) for goal in manifest.learning_goals
    ]


def only_in(manifest: Manifest, requires: Sequence[str]) -> str:
    """`` (bara i 90 och 120 min)``; empty when it holds in every length. The leader guide's
    words, so both say it alike."""
    lengths = variant_lengths(manifest, requires)
    if len(lengths) == len(manifest.variants):
        return ""
    if not lengths:
        return " " + _("(i ingen längdvariant)")
    listed = ", ".join(str(m) for m in lengths[:-1])
    and_word = _("och")
    joined = f"{listed} {and_word} {lengths[-1]}" if listed else str(lengths[-1])
    return " " + _("(bara i {lengths} min)").format(lengths=joined)


def step_rows(manifest: Manifest, minutes: int) -> list[StepRow]:
    """The run sheet of the module's ``minutes`` length, as the planner starts it."""
    rows = []
    start = 0
    for step, step_minutes in manifest.variant_step_minutes(manifest.variant(minutes)):
        form = getattr(step, "format", None)
        rows.append(
            StepRow(
                start=f"{start // 60}:{start % 60:02d}",
                title=step.title,
                form=form.label if form is not None else StepKind(step.kind).label,
                minutes=step_minutes,
            )
        )
        start += step_minutes
    return rows


def whole_film(manifest: Manifest, folder: Path) -> FilmProgram | None:
    """The module's film from start to end with no stops for questions: a preview, not a
    session. None when the module has no film step. Raises FileNotFoundError when the film
    file is missing."""
    first = next((s for s in manifest.steps if isinstance(s, FilmStep)), None)
    if first is None or manifest.film is None:
        return None
    whole = first.model_copy(update={"chapter_from": None, "chapter_to": None, "pause_points": []})
    return film_program(manifest, whole, folder)


def has_signs(manifest: Manifest, minutes: int) -> bool:
    """Whether the ``minutes`` length uses any sign sheet (as ``write_signs`` decides)."""
    steps = set(manifest.variant(minutes).steps)
    return any(
        printable.layout is Layout.SIGNS and in_session(manifest, printable.file, steps)
        for printable in manifest.printables
    )
