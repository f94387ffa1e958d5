"""The manifest's plain terms — the patterns of ids, versions and languages, how versions
compare, and the target groups — without the models that validate a whole manifest.

Kept apart from ``manifest.py`` (pydantic) so the library can show its cards from the card
cache, and the records of a session can name a target group, without importing pydantic
(issue 16, decision 0004).
"""

from __future__ import annotations

import re
from enum import StrEnum

from facilitator.core.i18n import N_, _

SCHEMA_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}$"
VERSION_PATTERN = r"^\d+\.\d+(\.\d+)?$"
STEP_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}$"


class TargetGroup(StrEnum):
    """The IKO plan's target groups."""

    INTEGRATION_STAFF = "integration_staff"
    NEWCOMER_STAFF = "newcomer_staff"
    MANAGERS = "managers"
    ELECTED = "elected"
    VOLUNTEERS = "volunteers"

    @property
    def label(self) -> str:
        return _(_TARGET_LABELS[self])


_TARGET_LABELS = {
    TargetGroup.INTEGRATION_STAFF: N_("Personal som arbetar med integration"),
    TargetGroup.NEWCOMER_STAFF: N_("Personal som möter nyanlända"),
    TargetGroup.MANAGERS: N_("Chefer"),
    TargetGroup.ELECTED: N_("Förtroendevalda"),
    TargetGroup.VOLUNTEERS: N_("Ideellt engagerade"),
}


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))
