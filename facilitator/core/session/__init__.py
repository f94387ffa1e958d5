"""The session engine: a plan of steps, a state machine that runs it against an injected Clock,
and proposals for landing a late session on time. No Qt, no threads, no sleeps."""

from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.errors import (
    IllegalTransitionError,
    SessionError,
    StaleProposalError,
    UnknownStepError,
)
from facilitator.core.session.events import EngineEvent, LastMinute, StepTimeUp
from facilitator.core.session.json_fields import FormatError
from facilitator.core.session.landing import (
    AppliedLanding,
    ChangeKind,
    LandingChange,
    LandingProposal,
    propose_landing,
)
from facilitator.core.session.plan import PlanError, PlanStep, ScheduledStep, SessionPlan
from facilitator.core.session.status import SessionState, SessionStatus, StepPhase, StepRun

__all__ = [
    "AppliedLanding",
    "ChangeKind",
    "EngineEvent",
    "FormatError",
    "IllegalTransitionError",
    "LandingChange",
    "LandingProposal",
    "LastMinute",
    "PlanError",
    "PlanStep",
    "ScheduledStep",
    "SessionEngine",
    "SessionError",
    "SessionPlan",
    "SessionState",
    "SessionStatus",
    "StaleProposalError",
    "StepPhase",
    "StepRun",
    "StepTimeUp",
    "UnknownStepError",
    "propose_landing",
]
