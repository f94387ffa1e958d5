"""A module's printable pages as declared in ``[[printables]]``: which file, who it is for
(the participants' handout or the leader's preparation guide) and how it is laid out.

The audience is declared rather than guessed from the text so that leader material (answer
keys, notes for the leader) can never drift into the sheets handed to a group.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from facilitator.core.content.consistency import ConsistencyIssue
from facilitator.core.i18n import _

if TYPE_CHECKING:
    from facilitator.core.content.manifest import Manifest


class Audience(StrEnum):
    PARTICIPANTS = "participants"
    LEADER = "leader"


class Layout(StrEnum):
    PAGE = "page"
    """Ordinary portrait pages."""
    SIGNS = "signs"
    """Every ``# `` heading starts a landscape sheet with the heading in very large type."""


class Printable(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    file: str = Field(min_length=1, description="A Markdown file under printables/")
    audience: Audience
    layout: Layout = Layout.PAGE


def printable_issues(manifest: Manifest) -> list[ConsistencyIssue]:
    """One declaration per file: two could give a file two audiences."""
    issues: list[ConsistencyIssue] = []
    seen: set[str] = set()
    for index, printable in enumerate(manifest.printables):
        if printable.file in seen:
            issues.append(
                ConsistencyIssue(
                    ("printables", index, "file"),
                    _("filen ”{file}” är redan deklarerad").format(file=printable.file),
                    _("en [[printables]] per fil"),
                )
            )
        seen.add(printable.file)
    return issues
