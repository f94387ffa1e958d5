"""A source as one line, the same wherever sources are shown (leader guide, summary, its HTML
twin): ``Author (year). Title. Published in. Publisher. URL``."""

from __future__ import annotations

from typing import Protocol

from facilitator.core.i18n import _


class Citable(Protocol):
    @property
    def author(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def published_in(self) -> str: ...
    @property
    def publisher(self) -> str: ...
    @property
    def year(self) -> int | None: ...
    @property
    def undated(self) -> bool: ...
    @property
    def url(self) -> str: ...


def _sentence(text: str) -> str:
    """A part ending in its own full stop, question or exclamation mark keeps it alone."""
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def citation(source: Citable) -> str:
    """``Author (year). Title. Published in. Publisher. URL`` with the parts the source lacks left out;
    without an author the title leads, so the year still follows the first name a reader sees.
    """
    if source.year is not None:
        year = f" ({source.year})"
    else:
        # A web post that carries no date is cited "u.å." (utan år), as Swedish practice has it.
        undated = _("u.å.")  # outside the f-string, where the message extractor sees it
        year = f" ({undated})" if source.undated else ""
    if source.author:
        parts = [_sentence(source.author + year), _sentence(source.title)]
    else:
        parts = [_sentence(source.title + year)]
    if source.published_in:
        parts.append(_sentence(source.published_in))
    if source.publisher:
        parts.append(_sentence(source.publisher))
    if source.url:
        parts.append(source.url.strip())
    return " ".join(parts)
