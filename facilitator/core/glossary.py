"""The product's own words for things a leader meets in more than one place — the console, the
closing pages, the summary PDF and CSV, the leader guide and the docs — declared once so they
cannot drift apart again (issue 14: the console said "Kom tillbaka till" where the PDF said
"Parkerad fråga" for the same reflection).

Message ids only (marked with N_); callers translate at the moment they show a word, so the
language can change while the app runs. Docs and module texts that name these words are
checked against this file by tests/core/test_glossary.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from facilitator.core.i18n import N_


@dataclass(frozen=True)
class Term:
    """``word`` names one (a button, a row's head, a CSV cell); ``heading`` stands over a list
    of them (None: the word itself); ``empty`` says the list is empty."""

    word: str
    empty: str
    heading: str | None = None


REFLECTION_KINDS: Mapping[str, Term] = {
    # Keyed by the value stored for each ReflectionKind (core/storage/records.py).
    "note": Term(N_("Anteckning"), N_("Inga anteckningar."), N_("Anteckningar")),
    "quote": Term(N_("Citat"), N_("Inga citat.")),
    "parking": Term(N_("Återkomma till"), N_("Inget att återkomma till.")),
    "action": Term(N_("Överenskommelse"), N_("Inga överenskommelser."), N_("Överenskommelser")),
}

# "Paus" was both of these, and English showed the pause button as "Break".
PAUSE = N_("Paus")
"""The leader stops the session's clock for a moment (the console's pause button)."""
BREAK = N_("Rast")
"""A step in the plan: the group takes a break (the plan, the projector's card)."""
