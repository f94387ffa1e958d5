"""One running session: the engine, what the room and the leader see, what is recorded, and
each reflection's save state (through its ``ReflectionLedger``).

The UI forwards the leader's intents (``next``, ``toggle_black``, …) and the film's events,
calls ``tick`` on a timer, and renders the ``SessionView`` announced on ``view_changed``.
Nothing here knows Qt or how a film is decoded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.presentation import (
    SessionView,
    StepContent,
    console_view,
    projector_card,
    step_prompt,
)
from facilitator.core.application.private_notebook import PrivateNotebook
from facilitator.core.application.recording import SessionRecording
from facilitator.core.application.reflection_ledger import ReflectionLedger
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.content.manifest import FilmStep
from facilitator.core.content.variant_scope import step_in
from facilitator.core.i18n import _
from facilitator.core.planning import OpenModule, module_step_ids, step_key, variant_of
from facilitator.core.presentation.cards import (
    CardKind,
    ProjectorCard,
    black_card,
    film_question_card,
    format_countdown,
    rules_card,
)
from facilitator.core.session.engine import SessionEngine
from facilitator.core.session.errors import SessionError
from facilitator.core.session.events import PhaseChanged, StepTimeUp
from facilitator.core.session.landing import LandingProposal
from facilitator.core.session.plan import SessionPlan
from facilitator.core.session.status import SessionState

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StepEntered:
    """The session moved to another step (None: it ended); a film step's content is given
    so the UI can start its film."""

    key: str | None
    content: StepContent | None

    @property
    def film(self) -> StepContent | None:
        if self.content is not None and isinstance(self.content.step, FilmStep):
            return self.content
        return None


def step_contents(modules: Mapping[str, OpenModule], plan: SessionPlan) -> dict[str, StepContent]:
    """Each step as the plan runs it: its variant's leader notes, and an evaluation asking
    only the questions whose steps the plan has."""
    contents: dict[str, StepContent] = {}
    for m in modules.values():
        module_id = m.manifest.id
        step_ids = module_step_ids(plan, module_id)
        variant = variant_of(plan, module_id)
        for step in m.manifest.steps:
            shown = step_in(m.manifest, step, step_ids, variant)
            contents[step_key(module_id, step.id)] = StepContent(shown, m.manifest, m.folder)
    return contents


class SessionService:
    def __init__(
        self,
        engine: SessionEngine,
        modules: Mapping[str, OpenModule],
        storage: StorageGateway,
        session_uuid: str,
        language: str = "sv",
        rehearsal: bool = False,
    ) -> None:
        self.engine = engine
        self.modules = dict(modules)
        self.rehearsal = rehearsal
        # The plan the session started from: a step dropped on the way to catch up was still
        # planned, and the evaluation the room is told about does not change under it.
        self._content = step_contents(modules, engine.initial_plan)
        self._language = language
        self.recording = SessionRecording(storage, session_uuid, rehearsal)
        self.reflections = ReflectionLedger(storage, session_uuid, self.current_prompt)
        self.notes = PrivateNotebook(storage, session_uuid, lambda: self.engine.current_key)
        # What covers the step's own card: black or the rules (the leader's toggles) over the
        # film's card (a pause question, the end question, or the text when a film fails).
        self._cover: ProjectorCard | None = None
        self._film_card: ProjectorCard | None = None
        self._at_pause_question = False
        self._entered: str | None = None
        self._view: SessionView | None = None
        self.view_changed: Broadcast[SessionView] = Broadcast()
        self.step_entered: Broadcast[StepEntered] = Broadcast()
        self.time_up: Broadcast[str] = Broadcast()
        self.phase_changed: Broadcast[PhaseChanged] = Broadcast()
        self.acted: Broadcast[None] = Broadcast()
        self.problem: Broadcast[str] = Broadcast()
        self.film_resume: Broadcast[None] = Broadcast()
        self.ended: Broadcast[None] = Broadcast()

    @property
    def session_uuid(self) -> str:
        return self.recording.session_uuid

    @property
    def view(self) -> SessionView | None:
        return self._view

    @property
    def is_running(self) -> bool:
        return self.engine.state in (SessionState.RUNNING, SessionState.PAUSED)

    @property
    def steps_left(self) -> int:
        """Steps after the current one that have not been run."""
        key = self.engine.current_key
        if key is None:
            return len(self.engine.plan.active_steps)
        return len(self.engine.plan.active_after(key))

    def content(self, key: str | None) -> StepContent | None:
        return self._content.get(key) if key is not None else None

    def current_prompt(self) -> tuple[str, str] | None:
        key = self.engine.current_key
        if key is None:
            return None
        step = self.engine.plan.step(key)
        return key, step_prompt(self.content(key), step.title)

    # --- beginning -------------------------------------------------------------------------

    def begin(self, place: str = "", leader: str | None = None) -> None:
        """A new session: start the clock on the first step and record it."""
        self.engine.start()
        self.recording.begin(self.engine, list(self.modules.values()), place, leader)
        self.tick()

    def continue_restored(self) -> None:
        """A session restored after a crash: show where it is; its clock runs on."""
        self.recording.progress(self.engine)
        self.tick()

    # --- the leader's intents --------------------------------------------------------------

    def next(self) -> None:
        if self._at_pause_question:
            # At a film's pause question, "next" means: the group has talked, play on.
            self.film_resume.emit(None)
            return
        if self.is_running and self.steps_left == 0:
            self.end()  # the footer says "Nästa: avslutning av sessionen"
            return
        self._act(self.engine.next)

    def back(self) -> None:
        self._act(self.engine.back)

    def jump(self, key: str) -> None:
        self._act(lambda: self.engine.jump(key))

    def extend(self, minutes: int = 1) -> None:
        self._act(lambda: self.engine.extend(minutes))

    def skip_phase(self) -> None:
        """N: the room is done with this phase of the talk; the next one starts now."""
        self._act(self.engine.skip_phase)

    def toggle_pause(self) -> None:
        if self.engine.state == SessionState.RUNNING:
            self._act(self.engine.pause)
        elif self.engine.state == SessionState.PAUSED:
            self._act(self.engine.resume)

    def start_or_resume(self) -> None:
        """F5: start a session not yet started, or go on after a pause."""
        if self.engine.state == SessionState.NOT_STARTED:
            self.begin()
        elif self.engine.state == SessionState.PAUSED:
            self.toggle_pause()

    def toggle_black(self) -> None:
        self._toggle_override(black_card())

    def toggle_rules(self) -> None:
        self._toggle_override(rules_card())

    def end(self) -> None:
        if not self.is_running:
            return
        self._act(self.engine.end)
        self.notes.flush()
        self.recording.finish(self.engine)
        self._entered = None
        self.step_entered.emit(StepEntered(None, None))
        self.ended.emit(None)

    def apply_landing(self, proposal: LandingProposal) -> bool:
        """Shorten the rest of the session as proposed; False when the plan changed since."""
        try:
            self.engine.apply(proposal)
        except SessionError as error:
            log.info("Landing not applied: %s", error)
            return False
        self.tick()
        self.acted.emit(None)
        self.recording.progress(self.engine)
        return True

    def save_progress(self) -> None:
        """The autosave (and the last save at quit): where the session is, and what the
        leader typed in a private note, for resuming after a crash."""
        self.notes.flush()
        if self.is_running:
            self.recording.progress(self.engine)

    # --- the film --------------------------------------------------------------------------

    def film_question(self, question: str) -> None:
        self._film_card = film_question_card(question)
        self._at_pause_question = True
        self.tick()

    def film_playing(self) -> None:
        if self._film_card is not None:
            self._film_card = None
            self._at_pause_question = False
            self.tick()

    def film_finished(self) -> None:
        content = self.content(self.engine.current_key)
        question = getattr(content.step, "question_after", None) if content else None
        self._film_card = film_question_card(question or _("Filmen är slut."))
        self._at_pause_question = False
        self.tick()

    def film_problem(self, message: str) -> None:
        content = self.content(self.engine.current_key)
        self.problem.emit(message + " " + _("Sessionen fortsätter med stegets text och frågor."))
        step = content.step if content else None
        question = getattr(step, "question_after", None) or ""
        self._film_card = ProjectorCard(
            CardKind.TEXT, heading=step.title if step else "", body=question
        )
        self._at_pause_question = False
        self.tick()

    # --- time ------------------------------------------------------------------------------

    def tick(self) -> None:
        """Take the engine's news and announce what is shown now (only when it changed)."""
        phase_change: PhaseChanged | None = None
        for event in self.engine.poll():
            if isinstance(event, StepTimeUp):
                self.time_up.emit(event.key)
            elif isinstance(event, PhaseChanged) and event.key == self.engine.current_key:
                # A step the leader has left is past cueing; several boundaries at once (a
                # long gap) ring one cue, for the phase the room is in now.
                phase_change = event
        status = self.engine.status()
        key = status.current_step.key if status.current_step else None
        entering = key != self._entered and status.state != SessionState.ENDED
        if entering:
            self._entered = key
            self._film_card = None
            self._at_pause_question = False
        view = SessionView(
            console=console_view(status, self.engine.plan, self.engine.runs, self._content),
            card=projector_card(
                status, self._content, self._cover or self._film_card, self._language
            ),
            countdown=format_countdown(status.step_remaining_seconds),
            phase=status.phase,
        )
        if view != self._view:
            self._view = view
            self.view_changed.emit(view)
        # After the view, so the cue lights the line that names the new phase.
        if phase_change is not None:
            self.phase_changed.emit(phase_change)
        if entering:
            # After the view: the film starts on a surface that already shows the film card.
            self.step_entered.emit(StepEntered(key, self.content(key)))
            self.reflections.refresh()
            self.notes.refresh()

    def _toggle_override(self, card: ProjectorCard) -> None:
        if not self.is_running:
            return
        same = self._cover is not None and self._cover.kind == card.kind
        self._cover = None if same else card
        self.tick()

    def _act(self, action: Callable[[], None]) -> None:
        try:
            action()
        except SessionError as error:
            # The first step or a finished session: nothing to do, nothing to alarm about.
            log.info("Ignored: %s", error)
            return
        self._cover = None
        self.tick()
        self.acted.emit(None)
        if self.is_running:
            self.recording.progress(self.engine)
