"""gettext for the whole app. Swedish is the source language: msgids are Swedish.

``_`` and ``ngettext`` are plain functions that read the active catalogue; the composition root
activates one at start-up. Nothing is put into builtins. A module-level active catalogue is the
one deliberate piece of shared state (docs/decisions/0003-i18n.md): passing a translator into
every widget would add noise without making anything testable that is not already.
"""

from __future__ import annotations

import contextlib
import gettext
import locale
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "facilitator"
SOURCE_LANGUAGE = "sv"
LANGUAGES = ("sv", "en")

_active: gettext.NullTranslations = gettext.NullTranslations()
_active_language = SOURCE_LANGUAGE


def _(message: str) -> str:
    return _active.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (module-level constants)."""
    return message


def active_language() -> str:
    return _active_language


def activate(language: str, locale_dir: Path) -> bool:
    """Switch the UI language. Returns False when the catalogue is missing (Swedish is used)."""
    global _active, _active_language
    if language == SOURCE_LANGUAGE:
        _active, _active_language = gettext.NullTranslations(), SOURCE_LANGUAGE
        return True
    try:
        _active = gettext.translation(DOMAIN, localedir=str(locale_dir), languages=[language])
    except OSError:
        _active, _active_language = gettext.NullTranslations(), SOURCE_LANGUAGE
        return False
    _active_language = language
    return True


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The user's language if we have it, else Swedish.

    As gettext does: the locale comes from LC_ALL, LC_MESSAGES or LANG (the first set), and
    a "C"/"POSIX" locale means no language was chosen, so LANGUAGE is not consulted and the
    app speaks Swedish. Python would read "C.UTF-8" as American English, hence the check."""
    env = os.environ if environ is None else environ
    chosen = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), None)
    if chosen is None:
        with contextlib.suppress(ValueError):
            chosen = locale.getlocale()[0]
    chosen = chosen or ""
    if chosen.split(".")[0].upper() in ("", "C", "POSIX"):
        return SOURCE_LANGUAGE
    for value in (*env.get("LANGUAGE", "").split(":"), chosen):
        code = value.split("_")[0].split(".")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE
