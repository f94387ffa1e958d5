"""How a card fills the projector, measured with a ruler: a fixed letter width and line
height per pixel size, the way a monospaced screen would draw it."""

from __future__ import annotations

import math
import re

from facilitator.core.content.loader import load_manifest
from facilitator.core.content.manifest import EvaluationStep
from facilitator.core.presentation.card_layout import (
    Frame,
    TextRole,
    flow_units,
    lay_out_card,
)
from facilitator.core.presentation.cards import CardKind, ProjectorCard, card_for_step
from tests.core.export.sample_data import ROOT

TAG = re.compile(r"<[^>]+>")


def ruler(role: TextRole, text: str, size: int, width: int) -> int:
    letters = len(TAG.sub("", text))
    per_line = max(1, width // math.ceil(size * 0.55))
    return math.ceil(letters / per_line) * round(size * 1.25)


def test_a_short_card_is_one_page_at_full_size() -> None:
    card = ProjectorCard(CardKind.PROMPT, body="Vad tar du med dig?", meta="Varvet runt · 8 min")
    layout = lay_out_card(card, Frame(1920, 1080), ruler)
    assert layout.page_count == 1 and layout.fits
    assert layout.sizes[TextRole.PROMPT] == math.ceil(1080 / 12)


def test_a_long_card_is_cut_into_pages_at_no_less_than_a_twentieth() -> None:
    body = "\n\n".join(
        f"Stycke {n} om hur vi möts och lyssnar på varandra i vardagen." for n in range(30)
    )
    card = ProjectorCard(CardKind.TEXT, heading="Välkomna", body=body)
    for width, height in ((1024, 768), (1920, 1080)):
        layout = lay_out_card(card, Frame(width, height), ruler)
        assert layout.page_count > 1 and layout.fits
        assert layout.sizes[TextRole.BODY] * 20 >= height
        assert all(page.texts[TextRole.HEADING] == "Välkomna" for page in layout.pages)
        words = " ".join(page.words for page in layout.pages).split()
        assert words == " ".join(unit.block.text for unit in flow_units(card)).split()


def test_the_layout_is_the_same_every_time() -> None:
    card = ProjectorCard(CardKind.TEXT, heading="Rubrik", body="Text. " * 200)
    assert lay_out_card(card, Frame(1024, 768), ruler) == lay_out_card(
        card, Frame(1024, 768), ruler
    )


def test_lines_stay_short_on_a_very_wide_screen() -> None:
    frame = Frame(3840, 1080)
    body_px = math.ceil(1080 / 18)
    assert frame.text_width <= 32 * body_px  # about twelve words of body text


def test_closing_and_text_cards_are_markdown_prompts_are_not() -> None:
    closing = ProjectorCard(CardKind.CLOSING, body="## Tack för i dag!\n\nVi ses.")
    (heading, paragraph) = flow_units(closing)
    assert heading.block.text == "Tack för i dag!" and paragraph.block.text == "Vi ses."
    prompt = ProjectorCard(CardKind.PROMPT, body="# inte en rubrik")
    assert [unit.block.text for unit in flow_units(prompt)] == ["# inte en rubrik"]


def test_the_evaluation_card_holds_every_question_and_its_options() -> None:
    folder = ROOT / "modules" / "01-grund-1-vad-ar-kultur"
    manifest = load_manifest(folder).manifest
    assert manifest is not None
    step = next(s for s in manifest.steps if isinstance(s, EvaluationStep))
    assert len(step.questions) == 5
    card = card_for_step(step, 4)
    text = " ".join(unit.block.text for unit in flow_units(card))
    for number, question in enumerate(step.questions, start=1):
        assert f"{number}. {question.text}" in text
        assert " · ".join(question.options) in text
