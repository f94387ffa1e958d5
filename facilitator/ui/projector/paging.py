"""Turning a card's pages on the projector and its preview together.

The projector leads: the room sees its pages, and the leader's "Next"/"Back" turn a page
before they move to another step. The preview on the console follows to the same page (as
near as it has: it lays the card out at its own size, so it can have fewer pages).
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.ui.projector.projector_view import ProjectorView


def turn_page(views: Sequence[ProjectorView], *, forward: bool) -> bool:
    """Turns the first view's card one page; the others follow. False when there is no page
    that way (the step should move instead), and then nothing changes."""
    if not views:
        return False
    lead, *followers = views
    turned = lead.next_page() if forward else lead.previous_page()
    if turned:
        for view in followers:
            view.show_page(min(lead.page, view.page_count - 1))
    return turned
