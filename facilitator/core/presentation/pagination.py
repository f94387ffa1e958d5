"""Cutting a run of text blocks into pages that each fit, given only a way to ask "does this
page fit?". Knows nothing about fonts or screens: the projector asks Qt, a test asks a ruler."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Unit = TypeVar("Unit")


def paginate(
    units: Sequence[Unit],
    fits: Callable[[Sequence[Unit]], bool],
    split: Callable[[Unit], Sequence[Unit]],
    keep_with_next: Callable[[Unit], bool] = lambda _unit: False,
) -> list[tuple[Unit, ...]]:
    """Pages in reading order, none empty, every unit on one.

    A unit that does not fit on this page starts the next one, whole; one too large for any
    page is replaced by what ``split`` cuts it into (a section into its blocks, a paragraph
    into sentences, a sentence into halves), and those fill this page first. One that cannot
    be cut any further gets a page of its own even though it does not fit: text is never
    dropped. A unit that must ``keep_with_next`` (a heading) does not end a page. ``fits`` is
    asked about growing pages, so its cost is what it costs to measure one page.
    """
    pages: list[tuple[Unit, ...]] = []
    page: list[Unit] = []
    queue = list(units)
    while queue:
        unit = queue.pop(0)
        if fits([*page, unit]):
            page.append(unit)
            continue
        pieces = split(unit)
        if page and len(pieces) > 1 and not fits([unit]):
            # Cut anyway, since no page holds it whole: its first pieces fill this page.
            queue[:0] = pieces
            continue
        if page:
            queue.insert(0, unit)
            while len(page) > 1 and keep_with_next(page[-1]):
                queue.insert(0, page.pop())
            pages.append(tuple(page))
            page = []
            continue
        if len(pieces) > 1:
            queue[:0] = pieces
        else:
            pages.append((unit,))
    if page:
        pages.append(tuple(page))
    return pages
