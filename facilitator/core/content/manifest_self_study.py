"""A module's wording for one person taking it alone (the self-study path, issue 19): a step's
``[steps.self_study]`` table and the module's ``[self_study]`` table.

Everything here is optional: a module without it is walked with its group texts as they are.
Which keys suit which step kind is checked in ``self_study_checks.py`` (an author's mistake
there is reported with the step's kind and what fits instead).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from facilitator.core.content.kinds import StepKind

SelfStudyMinutes = Annotated[int, Field(ge=1, le=120, strict=True)]

QUESTION_KINDS = frozenset({StepKind.PROMPT, StepKind.REFLECTION, StepKind.FILM})
"""The kinds whose group question (``question``, a film's ``question_after``) one person gets
in their own words."""

INSTRUCTION_KINDS = frozenset({StepKind.ACTIVITY, StepKind.TEXT, StepKind.CLOSING})
"""The kinds one person may be told how to do alone."""

SKIPPED_ALONE = frozenset({StepKind.BREAK, StepKind.EVALUATION})
"""Left out of the self-study path unless the step says ``skip = false``."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SelfStudy(_Strict):
    """``[steps.self_study]``: how the step reads for one person alone."""

    question: str | None = Field(
        default=None,
        min_length=1,
        description="Prompt, reflection and film steps: the question for one person",
    )
    instructions: str | None = Field(
        default=None,
        min_length=1,
        description="Activity, text and closing steps: how one person does it (Markdown)",
    )
    minutes: SelfStudyMinutes | None = Field(
        default=None, description="A quiet time estimate for one person, 1–120"
    )
    skip: bool | None = Field(
        default=None,
        strict=True,
        description="true: left out when alone; false: kept (breaks and evaluations are "
        "left out unless they say false)",
    )


class SelfStudyIntro(_Strict):
    """``[self_study]``: what the module says first to one person taking it alone."""

    introduction: str = Field(
        min_length=1,
        description="Markdown shown first on the self-study path (written here, not a path)",
    )
