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
    """Pages in reading order, each as full as it can be, none empty, every unit on one.

    A unit too large for a page of its own is replaced by what ``split`` cuts it into (a
    paragraph into sentences, a sentence into halves). One that cannot be cut any further
    gets a page of its own even though it does not fit: text is never dropped. A unit that
    must ``keep_with_next`` (a heading) never ends a page that has room for it elsewhere. ``fits`` is
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
        if page:
            queue.insert(0, unit)
            while len(page) > 1 and keep_with_next(page[-1]):
                queue.insert(0, page.pop())
            pages.append(tuple(page))
            page = []
            continue
        pieces = split(unit)
        if len(pieces) > 1:
            queue[:0] = pieces
        else:
            pages.append((unit,))
    if page:
        pages.append(tuple(page))
    return pages
