"""Sources cited in full: a year or an address to find them by, and authors in `author`."""

from __future__ import annotations

from facilitator.core.content.manifest import Manifest
from facilitator.core.content.problems import Severity
from facilitator.core.content.report import Findings
from facilitator.core.i18n import _


def check_sources(findings: Findings, manifest: Manifest) -> None:
    for index, source in enumerate(manifest.sources):
        if source.year is None and not source.url and not source.undated:
            findings.manifest(
                ("sources", index),
                _("källan ”{title}” har varken år eller adress").format(title=source.title),
                _(
                    "ange year, och url där källan finns på nätet (undated = true om den saknar datum)"
                ),
                Severity.WARNING,
            )
        if "(" in source.publisher or ")" in source.publisher:
            # "Myndigheten (Anna Andersson)": an author put where the publisher belongs.
            findings.manifest(
                ("sources", index, "publisher"),
                _("utgivaren ”{publisher}” har parenteser").format(publisher=source.publisher),
                _(
                    "bara utgivarens namn; skriv författare i author och tidskrift, bok "
                    "eller serie i published_in"
                ),
                Severity.WARNING,
            )
