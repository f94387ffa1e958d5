"""Questions the room reads on the projector: short enough for one screen.

A question longer than about 130 letters is cut into pages on a 5:4 projector, and while the
group talks the room sees only its end (found walking module 06 at 1280×1024). The leader
notes are the place for the background; the screen holds the question.
"""

from __future__ import annotations

from collections.abc import Iterator

from facilitator.core.content.manifest import FilmStep, Manifest, PromptStep, ReflectionStep
from facilitator.core.content.problems import FieldPath, Severity
from facilitator.core.content.report import Findings
from facilitator.core.i18n import _

MAX_QUESTION_CHARS = 140
"""What one screen holds at the prompt's size on every projector a leader meets (measured by
tests/ui/test_projector_bundled.py on 1280×1024, 1280×800, 1920×1080 and 1024×768)."""


def _questions(manifest: Manifest) -> Iterator[tuple[FieldPath, str]]:
    for index, step in enumerate(manifest.steps):
        if isinstance(step, PromptStep | ReflectionStep):
            yield ("steps", index, "question"), step.question
        elif isinstance(step, FilmStep):
            if step.question_after:
                yield ("steps", index, "question_after"), step.question_after
            for p_index, pause in enumerate(step.pause_points):
                yield ("steps", index, "pause_points", p_index, "question"), pause.question


def check_questions(findings: Findings, manifest: Manifest) -> None:
    for path, question in _questions(manifest):
        length = len(" ".join(question.split()))
        if length > MAX_QUESTION_CHARS:
            findings.manifest(
                path,
                _("frågan har {n} tecken och delas upp i flera bilder på duken").format(n=length),
                _(
                    "högst {limit} tecken: en fråga på duken, bakgrunden i "
                    "handledningen (leader_notes)"
                ).format(limit=MAX_QUESTION_CHARS),
                Severity.WARNING,
            )
