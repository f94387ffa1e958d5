"""Which subtitle track a film shows: the leader's default from the settings, falling back to
the film's first track, and the order the S key steps through (off, then each language).

Languages are named in themselves ("Svenska", "العربية"): the person who needs the Arabic
subtitles may be the one reading the leader's screen or the room's, and finds their language
by its own name whatever the app's language is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitator.core.settings import SUBTITLES_OFF

ENDONYMS = {
    "sv": "Svenska",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "prs": "دری",
    "so": "Soomaali",
    "ti": "ትግርኛ",
    "am": "አማርኛ",
    "ku": "Kurdî",
    "ckb": "کوردی",
    "tr": "Türkçe",
    "bs": "Bosanski",
    "sr": "Srpski",
    "hr": "Hrvatski",
    "pl": "Polski",
    "ru": "Русский",
    "uk": "Українська",
    "fi": "Suomi",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
    "th": "ไทย",
    "ps": "پښتو",
}


@dataclass(frozen=True)
class SubtitleState:
    """The film's subtitle languages in its own order, and the one shown (None: off)."""

    languages: tuple[str, ...] = ()
    current: str | None = None


def language_name(code: str) -> str:
    return ENDONYMS.get(code, code.upper())


def starting_language(preference: str, languages: Sequence[str]) -> str | None:
    """The track a film starts with, given the settings' preference."""
    if not languages or preference == SUBTITLES_OFF:
        return None
    if preference in languages:
        return preference
    return languages[0]


def next_language(current: str | None, languages: Sequence[str]) -> str | None:
    """One press of S: off → the first language → … → the last → off."""
    cycle: list[str | None] = [None, *languages]
    index = cycle.index(current) if current in cycle else 0
    return cycle[(index + 1) % len(cycle)]
