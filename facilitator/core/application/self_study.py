"""Taking a module alone: the path one person walks, their answers, and where they are.

The answers are personal: kept apart from group sessions (tables of their own, see
``core/storage/self_study_store.py``), never in a session's summary, archive or report. They
are held here in memory as they are saved and read from here, so the UI never waits on the
disk to show them; each write goes through the storage gateway's journalled line, and an
answer counts as *saved* only once its row is committed ("Sparat" is never shown for text that
is not on disk). ``load`` fills the memory from the database once it has opened.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.self_study_path_standin import SelfStudyStep, self_study_steps
from facilitator.core.application.self_study_storage import SelfStudyOperations
from facilitator.core.clock import Clock
from facilitator.core.content.manifest import Manifest
from facilitator.core.storage.records import ErasureOutcome
from facilitator.core.storage.self_study_records import Answer, AnswerDraft, Progress
from facilitator.core.user_text import clean_user_text

__all__ = [
    "Answer",
    "AnswerSaved",
    "AnswersDeleted",
    "Progress",
    "SelfStudyPath",
    "SelfStudyService",
    "SelfStudyStep",
]

log = logging.getLogger(__name__)

ManifestLookup = Callable[[str, str], Manifest | None]
"""(module id, version) → the module's manifest, or None when it is not in the library."""


@dataclass(frozen=True)
class SelfStudyPath:
    module_id: str
    version: str
    title: str
    introduction: str
    """Shown first (the module's ``[self_study] introduction``, else its introduction)."""
    steps: tuple[SelfStudyStep, ...]

    def position_of(self, step_id: str) -> int:
        """The step's place on the path; after every step when it is not on it."""
        ids = [step.step_id for step in self.steps]
        return ids.index(step_id) if step_id in ids else len(ids)


@dataclass
class AnswerSaved:
    """One save of an answer, for the UI to wait on: ``SAVING`` until the commit, then
    ``SAVED`` (or ``UNSAVED`` when the write failed; it stays in the recovery journal)."""

    answer: Answer | None
    """As held now; None when blank text erased the answer."""
    state: SaveState = SaveState.SAVING
    settled: Broadcast[AnswerSaved] = field(default_factory=Broadcast)

    @property
    def saved(self) -> bool:
        return self.state == SaveState.SAVED


@dataclass
class AnswersDeleted:
    """A deletion on its way: ``outcome`` once it is done (``complete`` when the text is gone
    from the file, its ``-wal`` and every backup); ``failed`` when it did not happen."""

    outcome: ErasureOutcome | None = None
    failed: bool = False
    settled: Broadcast[AnswersDeleted] = field(default_factory=Broadcast)


class SelfStudyService:
    def __init__(
        self,
        storage: SelfStudyOperations,
        clock: Clock,
        manifests: ManifestLookup,
        language: str = "sv",
    ) -> None:
        self._storage = storage
        self._clock = clock
        self._manifests = manifests
        self._language = language
        self._answers: dict[tuple[str, str], Answer] = {}
        self._latest: dict[tuple[str, str], AnswerSaved] = {}
        self._places: dict[str, Progress] = {}
        self._paths: dict[tuple[str, str], SelfStudyPath | None] = {}
        self.loaded = False
        self.changed: Broadcast[None] = Broadcast()
        """Answers or progress changed (or were loaded): read them again."""
        storage.trouble.connect(lambda _message: self._mark(SaveState.SAVING, SaveState.WAITING))
        storage.recovered.connect(lambda _none: self._mark(SaveState.WAITING, SaveState.SAVING))

    # --- the path ----------------------------------------------------------------------------

    def path(self, manifest: Manifest) -> SelfStudyPath:
        alone = getattr(manifest, "self_study", None)
        found = SelfStudyPath(
            module_id=manifest.id,
            version=manifest.version,
            title=manifest.title.get(self._language),
            introduction=getattr(alone, "introduction", None) or manifest.introduction or "",
            steps=self_study_steps(manifest),
        )
        self._paths[(manifest.id, manifest.version)] = found
        return found

    # --- reading (from memory) ---------------------------------------------------------------

    def progress(self, module_id: str) -> Progress | None:
        place = self._places.get(module_id)
        if place is None:
            return None
        answered = tuple(a.step_id for a in self.answers(module_id))
        return replace(place, answered=answered)

    def progress_all(self) -> dict[str, Progress]:
        return {
            module_id: progress
            for module_id in self._places
            if (progress := self.progress(module_id)) is not None
        }

    def answers(self, module_id: str) -> list[Answer]:
        """The module's answers in path order."""
        mine = [a for (owner, _step), a in self._answers.items() if owner == module_id]
        return sorted(mine, key=lambda a: (a.position, a.answered_at))

    def logbook(self) -> list[Answer]:
        """Every answer: the module last answered in first, each module's in path order."""
        latest: dict[str, Answer] = {}
        for answer in self._answers.values():
            held = latest.get(answer.module_id)
            if held is None or answer.answered_at > held.answered_at:
                latest[answer.module_id] = answer
        order = sorted(latest, key=lambda module_id: latest[module_id].answered_at, reverse=True)
        return [answer for module_id in order for answer in self.answers(module_id)]

    def state_of(self, module_id: str, step_id: str) -> SaveState | None:
        """The last save's state of the answer to this step; None when none was made here."""
        held = self._latest.get((module_id, step_id))
        return held.state if held is not None else None

    # --- intents -----------------------------------------------------------------------------

    def move_to(self, module_id: str, version: str, step_id: str) -> None:
        now = self._clock.now()
        place = self._places.get(module_id)
        started = place.started if place is not None else now
        self._places[module_id] = Progress(module_id, version, step_id, (), started, now)
        self._storage.move_in_study(module_id, version, step_id)
        self.changed.emit(None)

    def save_answer(
        self, module_id: str, version: str, step_id: str, question: str, text: str
    ) -> AnswerSaved:
        """Hold the answer at once and send it to the disk; the result says when it is there.
        Blank text erases the step's answer."""
        text = clean_user_text(text)
        key = (module_id, step_id)
        now = self._clock.now()
        held = self._answers.get(key)
        path = self._path(module_id, version)
        if path is not None:
            title, position = path.title, path.position_of(step_id)
        else:
            # The module is gone from the library: keep what was noted when it was there.
            title = held.module_title if held is not None else module_id
            position = held.position if held is not None else 0
        draft = AnswerDraft(
            id=held.id if held is not None else str(uuid.uuid4()),
            module_id=module_id,
            module_version=version,
            module_title=title,
            step_id=step_id,
            position=position,
            question=question,
            text=text,
        )
        answer = self._hold(draft, held, now)
        if module_id not in self._places:
            self._places[module_id] = Progress(module_id, version, step_id, (), now, now)
        result = AnswerSaved(answer)
        self._latest[key] = result

        def committed(stored: Answer | None) -> None:
            if stored is not None and self._answers.get(key) is answer:
                # What the disk holds (its id, when it was first written) replaces the guess.
                self._answers[key] = stored
            self._settle(result, SaveState.SAVED, stored)

        self._storage.save_answer(
            draft, committed, lambda _error: self._settle(result, SaveState.UNSAVED, answer)
        )
        self.changed.emit(None)
        return result

    def edit_answer(self, answer_id: str, text: str) -> AnswerSaved:
        """Change an answer's text (from the logbook); blank text erases it."""
        held = self._find(answer_id)
        if held is None:
            raise KeyError(answer_id)
        return self.save_answer(
            held.module_id, held.module_version, held.step_id, held.question, text
        )

    def delete_answer(self, answer_id: str) -> AnswersDeleted:
        held = self._find(answer_id)
        if held is not None:
            del self._answers[(held.module_id, held.step_id)]
            self._latest.pop((held.module_id, held.step_id), None)
        result = AnswersDeleted()
        self._storage.erase_answer(
            answer_id, lambda outcome: self._deleted(result, outcome), lambda _e: self._not(result)
        )
        self.changed.emit(None)
        return result

    def delete_module(self, module_id: str) -> AnswersDeleted:
        """Every answer to the module, and where the person was in it."""
        for key in [key for key in self._answers if key[0] == module_id]:
            del self._answers[key]
            self._latest.pop(key, None)
        self._places.pop(module_id, None)
        result = AnswersDeleted()
        self._storage.erase_study_module(
            module_id, lambda outcome: self._deleted(result, outcome), lambda _e: self._not(result)
        )
        self.changed.emit(None)
        return result

    def load(self, retention_days: int | None = None) -> None:
        """Once the database is open: what earlier runs saved. Anything already written in
        this run is newer and stays.

        The sessions' retention period applies to the answers too, counted from when each
        last changed; it is applied here, just before the read, so the answers held are
        never ones it is about to delete."""
        if retention_days:
            self._storage.delete_answers_older_than(
                retention_days, lambda count: log.info("Retention: %s self-study answers", count)
            )

        def loaded(state: tuple[tuple[Answer, ...], dict[str, Progress]]) -> None:
            answers, places = state
            for answer in answers:
                self._answers.setdefault((answer.module_id, answer.step_id), answer)
            for module_id, place in places.items():
                self._places.setdefault(module_id, place)
            self.loaded = True
            self.changed.emit(None)

        self._storage.self_study_state(loaded)

    # --- inside ----------------------------------------------------------------------------

    def _hold(self, draft: AnswerDraft, held: Answer | None, now: datetime) -> Answer | None:
        key = (draft.module_id, draft.step_id)
        if not draft.text.strip():
            self._answers.pop(key, None)
            return None
        answer = Answer(
            id=draft.id,
            module_id=draft.module_id,
            module_version=draft.module_version,
            module_title=draft.module_title,
            step_id=draft.step_id,
            question=draft.question,
            text=draft.text,
            answered_at=held.answered_at if held is not None else now,
            updated_at=now,
            position=draft.position,
        )
        self._answers[key] = answer
        return answer

    def _path(self, module_id: str, version: str) -> SelfStudyPath | None:
        key = (module_id, version)
        if key not in self._paths:
            manifest = self._manifests(module_id, version)
            self._paths[key] = self.path(manifest) if manifest is not None else None
        return self._paths[key]

    def _find(self, answer_id: str) -> Answer | None:
        return next((a for a in self._answers.values() if a.id == answer_id), None)

    def _settle(self, result: AnswerSaved, state: SaveState, answer: Answer | None) -> None:
        result.state = state
        result.answer = answer
        result.settled.emit(result)
        self.changed.emit(None)

    def _deleted(self, result: AnswersDeleted, outcome: ErasureOutcome) -> None:
        result.outcome = outcome
        result.settled.emit(result)

    def _not(self, result: AnswersDeleted) -> None:
        result.failed = True
        result.settled.emit(result)

    def _mark(self, old: SaveState, new: SaveState) -> None:
        changed = False
        for result in self._latest.values():
            if result.state == old:
                result.state = new
                changed = True
        if changed:
            self.changed.emit(None)
