"""Text a person typed or a file carried, made safe to keep: the one cleaning rule at every
boundary where such text enters (the console, the private notebook, an imported archive).

What goes: unpaired surrogates (they cannot be encoded, so SQLite, the log and every export
would refuse the whole text), NUL and the other control characters except newline and tab
(they break CSV cells and PDF text), and carriage returns (a newline stands for a line break).
What stays: every letter, combining mark, emoji and bidi mark exactly as typed.
"""

from __future__ import annotations

import re

# C0 controls but tab (\x09) and newline (\x0a), DEL, the C1 controls, and lone surrogates.
_UNWANTED = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_CRLF = re.compile(r"\r\n?")


def clean_user_text(text: str) -> str:
    """``text`` with line breaks as ``\\n`` and nothing that cannot be stored or printed."""
    return _UNWANTED.sub("", _CRLF.sub("\n", text))
