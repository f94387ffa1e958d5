"""A card's self-study line ("På egen hand: 6 av 12 steg"), which comes once the answers have
loaded, never squeezes the card in the real library, whose cards fill the window (found by a
real-keys run: the first card kept its old height, and its summary drew over its title)."""

from __future__ import annotations

from typing import Any

from facilitator.app import Application
from facilitator.ui.library.card import ModuleCard
from tests.app_in_process import application  # noqa: F401  (the fixture)

GUIDE = "vagledning-samtalsledare"  # the first card, with the longest summary


def everything_fits(card: ModuleCard) -> bool:
    title, summary, study = card._title, card._summary, card._study
    return (
        study.isVisible()
        and summary.y() >= title.y() + title.height()
        and summary.height() >= summary.heightForWidth(summary.width())
        and card.rect().contains(study.geometry())
    )


def test_the_progress_line_does_not_squeeze_its_card(
    application: Application,  # noqa: F811
    qtbot: Any,
) -> None:
    app = application
    # After the answers have loaded: their first reading sets every card's line.
    qtbot.waitUntil(lambda: app.parts.self_study.loaded, timeout=10_000)
    app.window.showNormal()
    app.window.setGeometry(0, 0, 1920, 1040)
    card = next(c for c in app.library.cards() if c.data.key == GUIDE)
    qtbot.waitUntil(card.isVisible)

    app.library.set_study_progress({GUIDE: "På egen hand: 6 av 12 steg"})

    qtbot.waitUntil(lambda: everything_fits(card), timeout=3_000)
