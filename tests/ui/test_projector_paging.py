"""The projector leads a card's pages and the preview follows."""

from __future__ import annotations

from facilitator.core.presentation.cards import CardKind, ProjectorCard
from facilitator.ui.projector.paging import turn_page
from facilitator.ui.projector.projector_view import ProjectorView

LONG = "\n\n".join(
    f"Stycke {n}: hur vi möts, lyssnar och frågar hellre än gissar." for n in range(20)
)


def test_next_and_back_turn_pages_on_both_views_then_leave_the_step_to_move(qtbot) -> None:
    projector, preview = ProjectorView(), ProjectorView()
    for view, (width, height) in ((projector, (1920, 1080)), (preview, (480, 270))):
        qtbot.addWidget(view)
        view.resize(width, height)
        view.show()
        view.show_card(ProjectorCard(CardKind.TEXT, heading="Välkomna", body=LONG))
    views = [projector, preview]
    assert projector.page_count > 1
    assert not turn_page(views, forward=False)  # on the first page: "Back" moves the step
    turns = 0
    while turn_page(views, forward=True):
        turns += 1
        assert preview.page == min(projector.page, preview.page_count - 1)
    assert turns == projector.page_count - 1  # then "Next" moves the step
    assert turn_page(views, forward=False) and projector.page == projector.page_count - 2
    assert not turn_page([], forward=True)
