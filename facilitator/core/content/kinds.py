"""The vocabulary shared by content, sessions, storage and export."""

from __future__ import annotations

from enum import StrEnum

from facilitator.core import glossary
from facilitator.core.i18n import N_, _


class StepKind(StrEnum):
    TEXT = "text"
    FILM = "film"
    PROMPT = "prompt"
    ACTIVITY = "activity"
    REFLECTION = "reflection"
    BREAK = "break"
    EVALUATION = "evaluation"
    CLOSING = "closing"

    @property
    def label(self) -> str:
        return _(_STEP_LABELS[self])


class DiscussionFormat(StrEnum):
    WHOLE_GROUP = "whole_group"
    PAIRS = "pairs"
    SMALL_GROUPS = "small_groups"
    SILENT = "silent"
    ONE_TWO_FOUR_ALL = "1-2-4-all"
    GO_AROUND = "go_around"

    @property
    def label(self) -> str:
        return _(_FORMAT_LABELS[self])

    @property
    def minimum_minutes(self) -> int:
        """The shortest step the format's phases fit in as the leader notes run them (0: any);
        a variant may go below only with leader notes written for its shorter time."""
        return _FORMAT_MINIMUMS.get(self, 0)


_STEP_LABELS = {
    StepKind.TEXT: N_("Text"),
    StepKind.FILM: N_("Film"),
    StepKind.PROMPT: N_("Samtal"),
    StepKind.ACTIVITY: N_("Övning"),
    StepKind.REFLECTION: N_("Reflektionsrunda"),
    StepKind.BREAK: glossary.BREAK,
    StepKind.EVALUATION: N_("Utvärdering"),
    StepKind.CLOSING: N_("Avslutning"),
}

# 1-2-4-All: a minute alone, two in pairs, four in fours and five in the whole group. Pairs: both
# speakers get two minutes and the gathering after two more.
_FORMAT_MINIMUMS = {
    DiscussionFormat.ONE_TWO_FOUR_ALL: 12,
    DiscussionFormat.PAIRS: 6,
}

_FORMAT_LABELS = {
    DiscussionFormat.WHOLE_GROUP: N_("Samtal i hela gruppen"),
    DiscussionFormat.PAIRS: N_("Samtal i par"),
    DiscussionFormat.SMALL_GROUPS: N_("Samtal i smågrupper"),
    DiscussionFormat.SILENT: N_("Tyst enskild reflektion"),
    DiscussionFormat.ONE_TWO_FOUR_ALL: N_("1-2-4-alla"),
    DiscussionFormat.GO_AROUND: N_("Varvet runt"),
}
