"""The projector view: large type that scales with the screen and is never clipped."""

from __future__ import annotations

from facilitator.core.presentation.cards import CardKind, ProjectorCard, rules_card
from facilitator.ui.projector.projector_view import SCALE, ProjectorView

LONG = " ".join(["Ett samtal om vad kultur betyder för oss i vardagen och på jobbet."] * 12)


def visible_bottom(view: ProjectorView) -> int:
    labels = [view.heading, view.body, view.items, view.meta, view.countdown]
    return max(label.geometry().bottom() for label in labels if label.isVisible())


def test_long_text_shrinks_to_fit_instead_of_growing_the_window(qtbot) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    view.show_card(ProjectorCard(CardKind.TEXT, heading="Välkomna", body=LONG))
    qtbot.waitUntil(view.body.isVisible)
    assert (view.width(), view.height()) == (1920, 1080)
    assert visible_bottom(view) <= 1080
    assert view.body.font().pixelSize() < round(1080 * SCALE["body"])


def test_short_prompt_keeps_full_size_type(qtbot) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.resize(1920, 1080)
    view.show()
    view.show_card(
        ProjectorCard(CardKind.PROMPT, body="Vad tar du med dig?", meta="Varvet runt · 8 min")
    )
    assert view.body.font().pixelSize() == round(1080 * SCALE["prompt"])
    assert view.meta.font().pixelSize() >= 1080 // 20  # body text at least 1/20 of the height


def test_text_scales_with_the_screen(qtbot) -> None:
    view = ProjectorView()
    qtbot.addWidget(view)
    view.show()
    view.resize(1280, 720)
    view.show_card(rules_card())
    small = view.items.font().pixelSize()
    view.resize(1920, 1080)
    qtbot.waitUntil(lambda: view.items.font().pixelSize() > small)
