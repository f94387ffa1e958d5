"""What the session engine refuses, as exception types a caller can tell apart."""

from __future__ import annotations


class SessionError(Exception):
    """Base for everything the engine refuses; the UI can catch this one type."""


class IllegalTransitionError(SessionError):
    """The request does not fit the session's state (e.g. `next()` on the last step)."""


class UnknownStepError(SessionError):
    """A key that is not in the plan, or names a skipped step."""


class StaleProposalError(SessionError):
    """A landing proposal made for a plan or step that has changed since."""
