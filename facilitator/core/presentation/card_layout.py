"""How a card fills the projector: text sizes as shares of the screen height, the margins,
and the pages a card is cut into when it does not fit at the smallest allowed size.

Qt-free: the one thing only the UI can know, how tall a piece of text is in a font, comes in
as a ``TextMeasure``. The result depends on nothing but the card, the screen size and that
measure, so a card looks the same however often and after whatever it is shown (a resume
once cut a card off because the size it had been given depended on what was shown before).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from facilitator.core.i18n import _
from facilitator.core.markdown.blocks import Block, BlockKind, Span, parse, sentences
from facilitator.core.markdown.html import blocks_html
from facilitator.core.presentation.cards import (
    TIME_UP,
    CardKind,
    ProjectorCard,
    countdown_samples,
)
from facilitator.core.presentation.pagination import paginate


class TextRole(StrEnum):
    HEADING = "heading"
    BODY = "body"
    PROMPT = "prompt"
    ITEMS = "items"
    META = "meta"
    COUNTDOWN = "countdown"
    CUE = "cue"
    MARKER = "marker"


# Share of the screen height per role at full size (UX.md: body at least 1/20, prompts larger).
SHARE: Mapping[TextRole, float] = {
    TextRole.HEADING: 1 / 14,
    TextRole.BODY: 1 / 18,
    TextRole.PROMPT: 1 / 12,
    TextRole.ITEMS: 1 / 18,
    TextRole.META: 1 / 20,
    TextRole.COUNTDOWN: 1 / 9,
    TextRole.CUE: 1 / 20,
    # Small, in the bottom margin's corner: it tells the leader more is coming, not the room.
    TextRole.MARKER: 1 / 28,
}
# A card shrinks by these steps before it is cut into pages; the last keeps body text at
# exactly 1/20 of the height, and every page of a cut card uses it, so pages look alike.
SCALES = (1.0, 0.95, 0.9)
# The room reads about twelve words a line at most: about 32 letters of the body size across.
MAX_LINE_EMS = 32
# Cards whose body is Markdown written for the room; other bodies are shown as written.
MARKDOWN_KINDS = frozenset({CardKind.TEXT, CardKind.CLOSING, CardKind.ACTIVITY})
PROMPT_KINDS = frozenset({CardKind.PROMPT, CardKind.SILENT, CardKind.FILM_QUESTION})

# Roles whose text is HTML (from Markdown); the others are plain text, shown as written.
RICH_ROLES = frozenset({TextRole.BODY, TextRole.PROMPT, TextRole.ITEMS})
# (role, text, pixel size, width in pixels) -> height in pixels, as the screen will draw it.
TextMeasure = Callable[[TextRole, str, int, int], int]


@dataclass(frozen=True)
class Frame:
    """The screen a card is laid out on, and the margins that frame the text."""

    width: int
    height: int
    aside: int = 0
    """A column on the right kept free of text (the phones' join panel)."""

    @property
    def side(self) -> int:
        if self.aside:
            return round(self.width * 0.06)
        return (self.width - self.text_width) // 2

    @property
    def top(self) -> int:
        """The margin above and below the text; the page marker sits in the one below."""
        return round(self.height * 0.05)

    @property
    def spacing(self) -> int:
        return round(self.height * 0.02)

    @property
    def text_width(self) -> int:
        widest = round(self.height * SHARE[TextRole.BODY] * MAX_LINE_EMS)
        # The aside brings its own margin to the screen's edge.
        margins = 1 if self.aside else 2
        room = self.width - self.aside - margins * round(self.width * 0.06)
        return max(1, min(room, widest))

    @property
    def text_height(self) -> int:
        return self.height - 2 * self.top


@dataclass(frozen=True)
class FlowUnit:
    """One block of a card's flowing text, and whether it is the card's body or its items."""

    role: TextRole
    block: Block


@dataclass(frozen=True)
class CardPage:
    """What one page shows: text per role (HTML for ``RICH_ROLES``; empty: not shown) and the
    height each role takes, reserved ones included."""

    texts: Mapping[TextRole, str]
    heights: Mapping[TextRole, int]
    words: str = ""

    @property
    def height(self) -> int:
        return sum(self.heights.values())


@dataclass(frozen=True)
class CardLayout:
    frame: Frame
    sizes: Mapping[TextRole, int]
    pages: tuple[CardPage, ...]
    # Left-aligned when the text has lists or tables (a centred list is hard to follow).
    centred: bool = True
    # False only when one sentence is taller than a page on its own (never for real content).
    fits: bool = True
    reserved: frozenset[TextRole] = field(default_factory=frozenset)

    @property
    def page_count(self) -> int:
        return len(self.pages)


def text_sizes(height: int, scale: float) -> dict[TextRole, int]:
    """Pixel sizes at ``scale``, rounded up so 1/20 is never a pixel short; meta lines and the
    page marker never shrink."""
    fixed = (TextRole.META, TextRole.CUE, TextRole.MARKER)
    return {
        role: max(1, math.ceil(height * share * (1.0 if role in fixed else scale) - 1e-9))
        for role, share in SHARE.items()
    }


def flow_units(card: ProjectorCard) -> list[FlowUnit]:
    """The card's flowing text as blocks: the body, then the items."""
    units: list[FlowUnit] = []
    if card.body:
        role = TextRole.PROMPT if card.kind in PROMPT_KINDS else TextRole.BODY
        blocks = (
            parse(card.body)
            if card.kind in MARKDOWN_KINDS
            else [Block(BlockKind.PARAGRAPH, (Span(card.body.strip()),))]
        )
        units += [FlowUnit(role, block) for block in blocks]
    for item in card.items:
        if card.kind == CardKind.EVALUATION:
            question, _newline, options = item.partition("\n")
            spans = (Span(question, bold=True), Span("\n"), Span(options))
            units.append(FlowUnit(TextRole.ITEMS, Block(BlockKind.PARAGRAPH, spans)))
        else:
            block = Block(BlockKind.ITEM, (Span(item),), level=1, marker="•")
            units.append(FlowUnit(TextRole.ITEMS, block))
    return units


def lay_out_card(card: ProjectorCard, frame: Frame, measure: TextMeasure) -> CardLayout:
    """The card at the largest size that fits on one page, or cut into pages at the smallest."""
    units = flow_units(card)
    measure = _remembered(measure)
    centred = not any(
        unit.block.kind in (BlockKind.ITEM, BlockKind.TABLE, BlockKind.CODE) for unit in units
    )
    reserved = frozenset({TextRole.COUNTDOWN, TextRole.CUE} if card.countdown else ())
    for scale in SCALES:
        sizes = text_sizes(frame.height, scale)
        whole = _page(card, units, sizes, frame, measure, reserved)
        if _total(whole, frame) <= frame.text_height:
            return CardLayout(frame, sizes, (whole,), centred, True, reserved)

    def page(chunk: Sequence[FlowUnit]) -> CardPage:  # at the smallest sizes, the last tried
        return _page(card, chunk, sizes, frame, measure, reserved)

    chunks = _balanced_chunks(units, page, frame)
    pages = tuple(page(chunk) for chunk in chunks)
    every_fits = all(_total(each, frame) <= frame.text_height for each in pages)
    return CardLayout(frame, sizes, pages, centred, every_fits, reserved)


Run = tuple[FlowUnit, ...]


def _balanced_chunks(
    units: Sequence[FlowUnit], page: Callable[[Sequence[FlowUnit]], CardPage], frame: Frame
) -> list[tuple[FlowUnit, ...]]:
    """As few pages as fit, then as even as they can be: the fewest pages come from filling
    each; the same number of pages, filled only as far as needed, leaves no near-empty last
    page. A page turns before a heading when it can: sections are kept whole, and only one
    too long for a page is cut, between its blocks and at last inside a paragraph."""
    fixed = _total(page(()), frame)
    room = frame.text_height - fixed
    sections = _sections(units)

    def flat(runs: Sequence[Run]) -> tuple[FlowUnit, ...]:
        return tuple(unit for run in runs for unit in run)

    def split(run: Run) -> list[Run]:
        if len(run) > 1:
            return [(unit,) for unit in run]
        unit = run[0]
        return [(FlowUnit(unit.role, piece),) for piece in sentences(unit.block)]

    def chunks_within(limit: float) -> list[tuple[FlowUnit, ...]]:
        pages = paginate(
            sections,
            lambda runs: _total(page(flat(runs)), frame) <= limit,
            split=split,
            keep_with_next=lambda run: len(run) == 1 and _heading_like(run[0].block),
        )
        return [flat(runs) for runs in pages]

    starts = {id(run[0]) for run in sections}

    def cuts(chunks: Sequence[tuple[FlowUnit, ...]]) -> int:
        return sum(1 for chunk in chunks if id(chunk[0]) not in starts)

    best = chunks_within(frame.text_height)
    count, cut = len(best), cuts(best)
    # The smallest fill that needs no more pages and cuts no more sections, to 1/32 of a page.
    low, high = 1 / count, 1.0
    for _step in range(5):
        middle = (low + high) / 2
        even = chunks_within(fixed + room * middle)
        if len(even) == count and cuts(even) <= cut:
            best, high = even, middle
        else:
            low = middle
    return best


def _sections(units: Sequence[FlowUnit]) -> list[Run]:
    """The units in runs that each start at a heading (the items are a run of their own)."""
    runs: list[list[FlowUnit]] = []
    for unit in units:
        starts = _heading_like(unit.block) or (
            unit.role is TextRole.ITEMS and (not runs or runs[-1][-1].role is not TextRole.ITEMS)
        )
        if starts or not runs:
            runs.append([])
        runs[-1].append(unit)
    return [tuple(run) for run in runs]


def _heading_like(block: Block) -> bool:
    """A heading, or a paragraph that is one bold line ("**Våra samtalsregler**")."""
    if block.kind is BlockKind.HEADING:
        return True
    return (
        block.kind is BlockKind.PARAGRAPH
        and bool(block.spans)
        and all(span.bold for span in block.spans)
        and len(block.text) <= 80
    )


def _remembered(measure: TextMeasure) -> TextMeasure:
    """Cutting pages asks about the same texts again and again (the heading, the meta line,
    a page tried at two fills): each is measured once per card."""
    known: dict[tuple[TextRole, str, int, int], int] = {}

    def remembered(role: TextRole, text: str, size: int, width: int) -> int:
        key = (role, text, size, width)
        if key not in known:
            known[key] = measure(role, text, size, width)
        return known[key]

    return remembered


def _total(page: CardPage, frame: Frame) -> int:
    shown = sum(1 for height in page.heights.values() if height)
    return page.height + frame.spacing * max(0, shown - 1)


def _page(
    card: ProjectorCard,
    units: Sequence[FlowUnit],
    sizes: Mapping[TextRole, int],
    frame: Frame,
    measure: TextMeasure,
    reserved: frozenset[TextRole],
) -> CardPage:
    body_role = TextRole.PROMPT if card.kind in PROMPT_KINDS else TextRole.BODY
    texts: dict[TextRole, str] = {
        TextRole.HEADING: card.heading,
        body_role: _flow_html(units, (TextRole.BODY, TextRole.PROMPT), sizes[body_role]),
        TextRole.ITEMS: _flow_html(units, (TextRole.ITEMS,), sizes[TextRole.ITEMS]),
        TextRole.META: card.meta,
    }
    width = frame.text_width
    heights = {
        role: measure(role, text, sizes[role], width) if text else 0 for role, text in texts.items()
    }
    # Reserved whether shown yet or not, so nothing moves or is cut when they appear.
    if TextRole.COUNTDOWN in reserved:
        heights[TextRole.COUNTDOWN] = max(
            measure(TextRole.COUNTDOWN, sample, sizes[TextRole.COUNTDOWN], width)
            for sample in countdown_samples()
        )
    # The time-up cue takes the meta line's place while it shows; a card without one keeps
    # a line free for it.
    if TextRole.CUE in reserved and not heights[TextRole.META]:
        heights[TextRole.META] = measure(TextRole.CUE, _(TIME_UP), sizes[TextRole.CUE], width)
    words = " ".join(unit.block.text for unit in units)
    return CardPage(texts, heights, words)


def _flow_html(units: Sequence[FlowUnit], roles: Sequence[TextRole], size: int) -> str:
    blocks = [unit.block for unit in units if unit.role in roles]
    return blocks_html(blocks, base_px=size) if blocks else ""
