"""Every card of every bundled module, on a small and a large projector: body text at least
1/20 of the screen height, nothing cut off, and every word on one of the card's pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import FilmStep
from facilitator.core.presentation.card_layout import TextRole, flow_units
from facilitator.core.presentation.cards import (
    CardKind,
    ProjectorCard,
    card_for_step,
    film_question_card,
    format_countdown,
    pause_card,
    rules_card,
)
from facilitator.core.session.status import StepPhase
from facilitator.ui.projector.projector_view import ProjectorView, plain_text

ROOT = Path(__file__).resolve().parents[2]
SIZES = [(1024, 768), (1920, 1080)]
# What a list puts before its items: not words of the text.
MARKER = re.compile(r"^(•|☐|☒|\d{1,3}\.)$")


def bundled_cards() -> Iterator[tuple[str, ProjectorCard]]:
    """The cards a session shows, built as the session controller builds them."""
    yield "rules", rules_card()
    for folder in sorted((ROOT / "modules").iterdir()):
        manifest = load_manifest(folder).manifest
        assert manifest is not None, folder
        title = manifest.title.get("sv")
        yield f"{folder.name[:2]}-pause", pause_card(title)
        for step in manifest.steps:
            yield f"{folder.name[:2]}-{step.id}", card_for_step(step, step.minutes, title)
            if isinstance(step, FilmStep):
                questions = [p.question for p in step.pause_points] + [step.question_after or ""]
                for number, question in enumerate(q for q in questions if q):
                    yield f"{folder.name[:2]}-{step.id}-q{number}", film_question_card(question)


CARDS = [
    (name, card)
    for name, card in bundled_cards()
    if card.kind not in (CardKind.FILM, CardKind.BLACK)
]


def words(text: str) -> list[str]:
    return [word for word in text.split() if not MARKER.match(word)]


def card_words(card: ProjectorCard) -> list[str]:
    return words(" ".join(unit.block.text for unit in flow_units(card)))


def shown_labels(view: ProjectorView) -> list[QLabel]:
    labels = (view.heading, view.body, view.items, view.meta, view.countdown, view.page_marker)
    return [label for label in labels if label.isVisibleTo(view)]


@pytest.fixture(scope="module")
def view(qapp) -> Iterator[ProjectorView]:
    view = ProjectorView()
    view.show()
    yield view
    view.close()


def test_there_are_many_cards() -> None:
    assert len(CARDS) > 100


@pytest.mark.parametrize(("width", "height"), SIZES, ids=str)
def test_every_bundled_card_is_large_whole_and_complete(
    view: ProjectorView, width: int, height: int
) -> None:
    view.resize(width, height)
    problems: list[str] = []
    for name, card in CARDS:
        view.show_card(card)
        view.set_countdown(format_countdown(25 * 60 - 1), StepPhase.LAST_MINUTE)
        view.show_time_up_cue(True)
        seen: list[str] = []
        for page in range(view.page_count):
            assert page == 0 or view.next_page()
            where = f"{name} page {page + 1}/{view.page_count} at {width}×{height}"
            for label in (view.body, view.items):
                if label.isVisibleTo(view) and label.font().pixelSize() * 20 < height:
                    problems.append(f"{where}: {label.objectName()} {label.font().pixelSize()} px")
            for label in shown_labels(view):
                needed = label.heightForWidth(label.width())
                inside = label.y() >= 0 and label.geometry().bottom() < height
                if needed > label.height() or not inside:
                    problems.append(
                        f"{where}: {label.objectName()} needs {needed} px, has "
                        f"{label.height()} at y={label.y()}"
                    )
            seen += words(plain_text(view.body) + " " + plain_text(view.items))
        assert not view.next_page()
        if seen != card_words(card):
            problems.append(f"{name} at {width}×{height}: the pages do not hold the text")
        view.show_time_up_cue(False)
    assert not problems, "\n".join(problems)


def test_prompts_are_larger_than_body_text(view: ProjectorView) -> None:
    view.resize(1920, 1080)
    for _name, card in CARDS:
        view.show_card(card)
        layout = view.layout_now
        assert layout is not None
        assert layout.sizes[TextRole.PROMPT] > layout.sizes[TextRole.BODY]


QUESTION_KINDS = (CardKind.PROMPT, CardKind.SILENT, CardKind.FILM_QUESTION)
# The projectors a leader meets: 5:4 (the tallest type for its width), 16:10, 16:9, 4:3.
PROJECTORS = [(1280, 1024), (1280, 800), (1920, 1080), (1024, 768)]


def test_every_question_fits_one_screen(view: ProjectorView) -> None:
    """A question cut into pages leaves the room reading only its end while it talks
    (a leader's walk of module 06 on a 1280×1024 projector found three pages)."""
    cut = []
    for width, height in PROJECTORS:
        view.resize(width, height)
        for name, card in CARDS:
            if card.kind in QUESTION_KINDS:
                view.show_card(card)
                if view.page_count > 1:
                    cut.append(f"{name} at {width}×{height}: {view.page_count} pages")
    assert not cut, "\n".join(cut)
