"""References inside one manifest that must agree: unique ids, variants naming real steps.

These are part of the model (a `Manifest` object never has a variant pointing at a missing
step, so the session engine can trust it); the checks that need other files or arithmetic an
author is still tuning (minutes adding up, chapters, files) live in the validator.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from facilitator.core.content.kinds import StepKind
from facilitator.core.content.problems import FieldPath
from facilitator.core.i18n import _

if TYPE_CHECKING:
    from facilitator.core.content.manifest import Manifest


@dataclass(frozen=True)
class ConsistencyIssue:
    path: FieldPath
    found: str
    expected: str


def suggestion(word: str, choices: Iterable[str]) -> str:
    """`` (menade du ”x”?)`` when a choice is close enough to be a likely typo, else ``""``."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return " " + _("(menade du ”{word}”?)").format(word=close[0]) if close else ""


def _duplicates(values: Iterable[str | int]) -> list[int]:
    """Indexes of values already seen earlier in the sequence."""
    seen: set[str | int] = set()
    repeated: list[int] = []
    for index, value in enumerate(values):
        if value in seen:
            repeated.append(index)
        seen.add(value)
    return repeated


def _unknown_steps(
    path: FieldPath, requires: list[str], step_ids: list[str]
) -> list[ConsistencyIssue]:
    """A `requires` list naming steps the module does not have."""
    return [
        ConsistencyIssue(
            (*path, r_index),
            _("steget ”{id}” finns inte{hint}").format(
                id=step_id, hint=suggestion(step_id, step_ids)
            ),
            _("ska vara id för ett steg under [[steps]]"),
        )
        for r_index, step_id in enumerate(requires)
        if step_id not in step_ids
    ]


def consistency_issues(manifest: Manifest) -> list[ConsistencyIssue]:
    issues: list[ConsistencyIssue] = []
    step_ids = [step.id for step in manifest.steps]
    for index in _duplicates(step_ids):
        issues.append(
            ConsistencyIssue(
                ("steps", index, "id"),
                _("id ”{id}” finns redan på ett tidigare steg").format(id=step_ids[index]),
                _("varje steg ska ha ett eget id"),
            )
        )
    for index, step in enumerate(manifest.steps):
        if step.kind == StepKind.FILM and manifest.film is None:
            issues.append(
                ConsistencyIssue(
                    ("steps", index, "kind"),
                    _("ett filmsteg, men modulen har ingen [film]"),
                    _("lägg till en [film]-tabell med filmens fil"),
                )
            )
        questions = getattr(step, "questions", [])
        for q_index in _duplicates([question.id for question in questions]):
            issues.append(
                ConsistencyIssue(
                    ("steps", index, "questions", q_index, "id"),
                    _("id ”{id}” finns redan i samma utvärdering").format(id=questions[q_index].id),
                    _("varje fråga ska ha ett eget id"),
                )
            )
        for q_index, question in enumerate(questions):
            issues += _unknown_steps(
                ("steps", index, "questions", q_index, "requires"), question.requires, step_ids
            )
    for g_index, goal in enumerate(manifest.learning_goals):
        requires = [] if isinstance(goal, str) else goal.requires
        issues += _unknown_steps(("learning_goals", g_index, "requires"), requires, step_ids)
    minutes = [variant.minutes for variant in manifest.variants]
    for index in _duplicates(minutes):
        issues.append(
            ConsistencyIssue(
                ("variants", index, "minutes"),
                _("det finns redan en variant på {minutes} minuter").format(minutes=minutes[index]),
                _("varje längdvariant ska ha sin egen längd"),
            )
        )
    known = set(step_ids)
    for v_index, variant in enumerate(manifest.variants):
        for s_index, step_id in enumerate(variant.steps):
            if step_id not in known:
                issues.append(
                    ConsistencyIssue(
                        ("variants", v_index, "steps", s_index),
                        _("steget ”{id}” finns inte{hint}").format(
                            id=step_id, hint=suggestion(step_id, step_ids)
                        ),
                        _("ska vara id för ett steg under [[steps]]"),
                    )
                )
        for s_index in _duplicates(variant.steps):
            issues.append(
                ConsistencyIssue(
                    ("variants", v_index, "steps", s_index),
                    _("steget ”{id}” står två gånger").format(id=variant.steps[s_index]),
                    _("varje steg får användas en gång per variant"),
                )
            )
        for table in ("minutes_override", "leader_notes_override"):
            for step_id in getattr(variant, table):
                if step_id not in variant.steps:
                    issues.append(
                        ConsistencyIssue(
                            ("variants", v_index, table, step_id),
                            _("steget ”{id}” ingår inte i varianten{hint}").format(
                                id=step_id, hint=suggestion(step_id, variant.steps)
                            ),
                            _("ska vara id för ett steg som står i variantens steps"),
                        )
                    )
    tracks = manifest.film.subtitles if manifest.film else []
    for index in _duplicates([track.language for track in tracks]):
        issues.append(
            ConsistencyIssue(
                ("film", "subtitles", index, "language"),
                _("språket ”{language}” har redan en textfil").format(
                    language=tracks[index].language
                ),
                _("en textningsfil per språk"),
            )
        )
    return issues
