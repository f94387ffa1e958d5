"""A plan against the length the leader chose, and how to bring it back.

A plan grows past its length when the leader adds a break or more minutes. Before it starts,
such a plan is like a session that many minutes behind at its first step, so it is fitted by
the same rules the engine uses to land a late session (``session/landing.py``): films, breaks
and fixed steps keep their minutes, no step goes below two minutes, the shortening is spread
over the rest in proportion to how long each is, and optional steps are dropped only when
shortening is not enough. One set of rules means the leader meets one behaviour, in the
planner and during the session, and a break just added is kept rather than cut again.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.session.landing import LandingProposal, propose_cuts
from facilitator.core.session.plan import SessionPlan


@dataclass(frozen=True)
class PlanLength:
    planned: int
    """The plan's minutes as it stands (steps left out do not count)."""
    chosen: int
    """The length chosen in the library (for a plan opened from a file: its length then)."""

    @property
    def over(self) -> int:
        """Minutes past the chosen length (0 when it fits)."""
        return max(0, self.planned - self.chosen)


def fit_to_length(plan: SessionPlan, minutes: int) -> LandingProposal | None:
    """The changes that bring ``plan`` down to ``minutes``, or None when it fits already or
    nothing can be shortened. The proposal may fall short (``shortfall_minutes``)."""
    over = plan.total_minutes - minutes
    if over <= 0:
        return None
    return propose_cuts(plan, plan.active_steps, over)
