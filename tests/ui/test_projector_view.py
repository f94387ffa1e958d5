"""The projector view: large type that scales with the screen, is never clipped, and turns
pages when a card holds more than one screen."""

from __future__ import annotations

import math

from facilitator.core.presentation.cards import (
    CardKind,
    ProjectorCard,
    card_for_step,
    rules_card,
)
from facilitator.core.session.status import StepPhase
from facilitator.ui.projector.projector_view import ProjectorView, plain_text
from tests.ui.session_fixtures import example_manifest

LONG = " ".join(
    f"Mening {n} om vad kultur betyder för oss i vardagen och på jobbet." for n in range(14)
)
PROMPT = ProjectorCard(
    CardKind.PROMPT,
    body="Hur kan det märkas i ditt arbete att människor har lärt sig olika syn på tid?",
    meta="Samtal i par · 5 min",
    countdown=True,
)


def shown(qtbot, width: int = 1920, height: int = 1080) -> ProjectorView:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    return view


def placed(view: ProjectorView) -> list[tuple[str, tuple[int, int, int, int], int]]:
    """Where each label is and how large its type: what the room would notice changing."""
    labels = (view.heading, view.body, view.items, view.meta, view.countdown, view.cue)
    return [
        (label.objectName(), label.geometry().getRect(), label.font().pixelSize())
        for label in labels
    ]


def test_long_text_turns_into_pages_instead_of_shrinking_or_growing_the_window(qtbot) -> None:
    view = shown(qtbot)
    view.show_card(ProjectorCard(CardKind.TEXT, heading="Välkomna", body=LONG))
    assert (view.width(), view.height()) == (1920, 1080)
    assert view.body.font().pixelSize() >= 1080 / 20
    pages = view.page_count
    assert pages >= 2 and view.page == 0
    assert view.page_marker.isVisible() and view.page_marker.text() == f"1/{pages}"
    first = plain_text(view.body)
    assert not view.previous_page()
    assert view.next_page()
    assert view.page == 1 and view.page_marker.text() == f"2/{pages}"
    assert plain_text(view.body) != first
    assert "Välkomna" in view.visible_text()  # the heading stays on every page
    while view.next_page():
        pass
    assert view.page == pages - 1 and view.page_marker.text() == f"{pages}/{pages}"
    assert view.previous_page() and view.page == pages - 2


def test_a_short_prompt_keeps_full_size_type_and_no_page_marker(qtbot) -> None:
    view = shown(qtbot)
    view.show_card(PROMPT)
    assert view.body.font().pixelSize() == math.ceil(1080 / 12)
    assert view.meta.font().pixelSize() >= 1080 // 20
    assert view.page_count == 1 and not view.page_marker.isVisible()
    assert not view.next_page()


def test_text_scales_with_the_screen(qtbot) -> None:
    view = shown(qtbot, 1280, 720)
    view.show_card(rules_card())
    small = view.items.font().pixelSize()
    view.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.items.font().pixelSize() > small)


def test_a_card_looks_the_same_whatever_was_shown_before(qtbot) -> None:
    """A resume once showed a card cut off ("… hur kan") that had fitted before it."""
    fresh = shown(qtbot)
    fresh.show_card(PROMPT)
    used = shown(qtbot)
    used.show_card(ProjectorCard(CardKind.TEXT, heading="Välkomna", body=LONG))
    used.next_page()
    used.set_countdown("0:30", StepPhase.LAST_MINUTE)
    used.show_time_up_cue(True)
    used.show_time_up_cue(False)
    used.show_card(PROMPT)
    assert placed(used) == placed(fresh)


def test_the_countdown_and_the_cue_have_room_before_they_appear(qtbot) -> None:
    view = shown(qtbot, 1024, 768)
    view.show_card(PROMPT)
    before = placed(view)[:3]
    view.set_countdown("+12 min", StepPhase.OVERTIME)
    view.show_time_up_cue(True)
    assert placed(view)[:3] == before  # heading, body and items did not move
    assert view.countdown.isVisible() and view.cue.isVisible()
    assert not view.meta.isVisible()  # the cue shows in the meta line's place, for a moment
    for label in (view.countdown, view.cue):
        assert label.heightForWidth(label.width()) <= label.height()
        assert label.geometry().bottom() < 768
    view.show_time_up_cue(False)
    assert view.meta.isVisible() and not view.cue.isVisible()


def test_a_closing_card_shows_its_markdown_as_formatted_text(qtbot) -> None:
    manifest = example_manifest()
    closing = next(step for step in manifest.steps if step.kind == "closing")
    body = "## Tack för i dag!\n\nKultur är **inlärd**, delad och föränderlig."
    view = shown(qtbot)
    view.show_card(card_for_step(closing.model_copy(update={"body": body}), 2))
    text = view.visible_text()
    assert "Tack för i dag!" in text and "Kultur är inlärd, delad" in text
    assert "#" not in text and "**" not in text
    assert "<b>inlärd</b>" in view.body.text()


def test_the_evaluation_card_shows_every_question_with_its_options(qtbot) -> None:
    manifest = example_manifest()
    evaluation = next(step for step in manifest.steps if step.kind == "evaluation")
    view = shown(qtbot, 1024, 768)
    view.show_card(card_for_step(evaluation, 4))
    seen = ""
    for page in range(view.page_count):
        assert page == 0 or view.next_page()
        seen += view.visible_text()
    for question in evaluation.questions:
        assert question.text in " ".join(seen.split())
        assert " · ".join(question.options) in seen


def test_raw_html_in_a_module_is_shown_as_text(qtbot) -> None:
    view = shown(qtbot)
    view.show_card(ProjectorCard(CardKind.TEXT, body='Se <img src="/dev/zero"> och <b>fet</b>.'))
    assert 'Se <img src="/dev/zero"> och <b>fet</b>.' in view.visible_text()
