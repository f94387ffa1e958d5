"""argparse's own words ("usage:", "options", "the following arguments are required") in the
app's language. argparse looks its words up through ``gettext`` with the process's default
domain and the environment's language; Python ships no catalogue for it, and the app's language
may differ from the environment's. So argparse's lookups are pointed at a table of its English
messages with their Swedish msgids, translated by the app's catalogue. The command line is its
own process: nothing else there uses argparse."""

from __future__ import annotations

import argparse

from facilitator.core.i18n import N_, _, ngettext

_WORDS = {
    "usage: ": N_("användning: "),
    "positional arguments": N_("argument"),
    "options": N_("flaggor"),
    "show this help message and exit": N_("visa den här hjälpen och avsluta"),
    "show program's version number and exit": N_("visa programmets version och avsluta"),
    "%(prog)s: error: %(message)s\n": N_("%(prog)s: fel: %(message)s\n"),
    "argument %(argument_name)s: %(message)s": N_("argumentet %(argument_name)s: %(message)s"),
    "the following arguments are required: %s": N_("de här argumenten behövs: %s"),
    "one of the arguments %s is required": N_("ett av argumenten %s behövs"),
    "unrecognized arguments: %s": N_("okända argument: %s"),
    "not allowed with argument %s": N_("går inte att ange tillsammans med %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": N_("ogiltigt värde: %(value)r"),
    "expected one argument": N_("ett värde behövs"),
    "expected at most one argument": N_("högst ett värde går att ange"),
    "expected at least one argument": N_("minst ett värde behövs"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s"
    ),
    "ignored explicit argument %r": N_("värdet %r hör inte till flaggan"),
    "unexpected option string: %s": N_("oväntad flagga: %s"),
    "can't open '%(filename)s': %(error)s": N_("kan inte öppna '%(filename)s': %(error)s"),
}


def _gettext(message: str) -> str:
    swedish = _WORDS.get(message)
    return message if swedish is None else _(swedish)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return ngettext("%s värde behövs", "%s värden behövs", n)
    return singular if n == 1 else plural


def speak_app_language() -> None:
    """Point argparse's word lookups at the table above (for the rest of the process)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
