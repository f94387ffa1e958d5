"""The script's pronunciation lexicon: how espeak-ng should say the words it gets wrong.

Applied to what is spoken only. Subtitles, bubbles and the transcript show the word as it is
written, so "hen" reads as "hen" and sounds like "hänn".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = ["apply_lexicon"]


def apply_lexicon(text: str, lexicon: Mapping[str, str]) -> str:
    """Replace whole words, ignoring case; punctuation around them stays as it was, so the
    voice still pauses and rises where the sentence says."""
    if not lexicon:
        return text
    # Longest first, so "hens" is not said as "hänn" + "s" when both are listed.
    words = sorted(lexicon, key=lambda word: (-len(word), word))
    spoken = {word.casefold(): lexicon[word] for word in words}
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)
    return pattern.sub(lambda match: spoken[match.group(1).casefold()], text)
