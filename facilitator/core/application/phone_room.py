"""One session's phone room: the room code, the question open now, the answers arriving, and
the leader's moderation of them (issue 20). Qt-free.

Two threads use it. The web server's thread (``facilitator/phones_web``) asks the room about
codes, devices and the open question, and posts answers (``submit``). Everything else — the
console opening a question, moderating, ending — happens on the thread that owns the storage
gateway (the GUI thread in the app), and every ``Broadcast`` here is emitted on that thread.
The room's own state sits behind one lock; the gateway is only ever called on its owner thread,
through ``on_storage_thread`` (in the app: a queued call to the GUI thread).

An answer is acknowledged only when committed: ``submit`` returns a ``concurrent.futures``
future that the storage callback settles, and the server awaits it before it says "Skickat".
"""

from __future__ import annotations

import contextlib
import threading
import uuid as uuids
from collections.abc import Callable, Mapping
from concurrent.futures import Future, InvalidStateError
from dataclasses import dataclass, field
from enum import StrEnum

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.reflection_ledger import ReflectionLedger
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import Clock
from facilitator.core.phones.credentials import RoomKeys
from facilitator.core.phones.limits import AnswerProblem, clean_answer
from facilitator.core.phones.moderation import Moderation
from facilitator.core.phones.question import PhoneQuestion, QuestionKind
from facilitator.core.phones.rate_limit import (
    ANSWERS_PER_MINUTE,
    WRONG_CODES_PER_MINUTE,
    SlidingWindow,
)
from facilitator.core.storage.phone_records import (
    PhoneAnswer,
    PhoneAnswerDraft,
    PhoneEvaluationCounts,
)

OnStorageThread = Callable[[Callable[[], None]], None]
"""Runs a callable on the thread that owns the storage gateway, soon, in order."""

_REFLECTIONS = uuids.UUID("0c8f6f55-7d39-4bd4-9a37-3f0d3c1f2a20")


class Join(StrEnum):
    OK = "ok"
    WRONG = "wrong"
    TOO_MANY = "too_many"
    ENDED = "ended"


class Sent(StrEnum):
    """What became of a post, as the phone is told."""

    STORED = "stored"
    """Committed (or committed before: a replayed post)."""
    FAILED = "failed"
    """Not stored: the database refused or never answered. The phone may send it again."""
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NOT_AN_OPTION = "not_an_option"
    STALE = "stale"
    """Posted for a question that is no longer open."""
    TOO_MANY = "too_many"
    ENDED = "ended"


@dataclass(frozen=True)
class AnswerPost:
    """A phone's form, as the server read it (the device and CSRF checks already passed)."""

    cookie: str
    nonce: str
    version: str
    """The ``PhoneQuestion.version`` the form was shown for."""
    text: str = ""
    choices: Mapping[str, int] | None = None
    """For an evaluation: item key to the chosen option's index (items left out: skipped)."""


@dataclass(frozen=True)
class RoomView:
    """What the page shows now: the open question (None: wait) or that the session ended."""

    question: PhoneQuestion | None
    ended: bool


@dataclass
class _Post:
    """One phone's post on its way to the disk."""

    drafts: tuple[PhoneAnswerDraft, ...]
    outcome: Future[Sent]
    abandoned: threading.Event = field(default_factory=threading.Event)


class PhoneRoom:
    def __init__(
        self,
        storage: StorageGateway,
        session_uuid: str,
        clock: Clock,
        on_storage_thread: OnStorageThread,
        reflections: ReflectionLedger | None = None,
        keys: RoomKeys | None = None,
    ) -> None:
        self._storage = storage
        self._session_uuid = session_uuid
        self._clock = clock
        self._hop = on_storage_thread
        self._reflections = reflections
        self.keys = keys or RoomKeys()
        self._lock = threading.Lock()
        self._question: PhoneQuestion | None = None
        self._ended = False
        self._wrong_codes = SlidingWindow(clock, WRONG_CODES_PER_MINUTE)
        self._answers_per_device = SlidingWindow(clock, ANSWERS_PER_MINUTE)
        self._known: dict[str, PhoneAnswer] = {}
        self._line: list[_Post] = []
        self._in_flight: list[_Post] = []
        self._writing = False
        self.received: Broadcast[tuple[PhoneAnswer, ...]] = Broadcast()
        """New answers just committed, or read back by ``load`` (the moderation list adds
        them; evaluation answers come already approved, for the close-out's count). On the
        storage's thread."""
        self.moderated: Broadcast[PhoneAnswer] = Broadcast()
        """An answer approved or rejected, as stored. On the storage's thread."""
        self.question_changed: Broadcast[PhoneQuestion | None] = Broadcast()

    # --- the leader's side (the storage's thread) -------------------------------------------

    @property
    def session_uuid(self) -> str:
        return self._session_uuid

    @property
    def room_code(self) -> str:
        """For the projector card: the digits the phones type to join."""
        return self.keys.code

    @property
    def question(self) -> PhoneQuestion | None:
        with self._lock:
            return self._question

    def open_question(self, question: PhoneQuestion | None) -> None:
        """The step on screen asks the phones ``question`` (None: nothing to answer now).
        A form shown for an earlier question is refused from now on."""
        with self._lock:
            if self._ended or question == self._question:
                return
            self._question = question
        self.question_changed.emit(question)

    def end(self) -> None:
        """The session is over: every page now says so, and no answer is taken."""
        with self._lock:
            self._ended = True
            self._question = None
        self.question_changed.emit(None)

    def reopen(self) -> None:
        """The phones are turned on again after being turned off in this session: answers
        are taken again (the code and the phones' cookies still hold)."""
        with self._lock:
            self._ended = False

    @property
    def ended(self) -> bool:
        with self._lock:
            return self._ended

    def answers(self) -> tuple[PhoneAnswer, ...]:
        """Every answer committed in this run, oldest first (see ``load`` after a resume)."""
        return tuple(sorted(self._known.values(), key=lambda a: a.received_at))

    def load(self, done: Callable[[tuple[PhoneAnswer, ...]], None] | None = None) -> None:
        """Read the session's answers from the database (after a resume, or to refresh).
        Those the room did not know yet are announced on ``received``, as if just sent: the
        read ends after the console's list was built, and the answers still waiting for the
        leader before a quit or a crash must come back into it."""

        def loaded(answers: tuple[PhoneAnswer, ...]) -> None:
            new = tuple(answer for answer in answers if answer.uuid not in self._known)
            for answer in answers:
                self._known[answer.uuid] = answer
            if new:
                self.received.emit(new)
            if done is not None:
                done(answers)

        self._storage.phone_answers_for(self._session_uuid, loaded)

    def approve(self, answer_uuid: str) -> None:
        """The room may see it: it becomes a reflection of the step it was asked in (through
        the session's ledger, like a typed one, marked as the phones'), then is marked
        approved. Approving twice makes one reflection."""
        answer = self._known.get(answer_uuid)
        if answer is None or answer.text is None or answer.status is Moderation.APPROVED:
            return
        reflection_uuid = str(uuids.uuid5(_REFLECTIONS, answer.uuid))
        if self._reflections is not None:
            self._reflections.add_from_phones(
                reflection_uuid, answer.step_key, answer.question_text, answer.text
            )
        # Behind the reflection's save on the one serial executor: marked once it is there.
        self._storage.moderate_phone_answer(
            answer_uuid, Moderation.APPROVED, self._moderated, reflection_uuid=reflection_uuid
        )

    def reject(self, answer_uuid: str) -> None:
        """Never shown; kept with the session's record (and deleted with it)."""
        self._storage.moderate_phone_answer(answer_uuid, Moderation.REJECTED, self._moderated)

    def evaluation_counts(self, done: Callable[[PhoneEvaluationCounts], None]) -> None:
        """For the close-out: the phones' counts per question and option, and how many
        phones answered ("N svarade på mobilen")."""
        self._storage.phone_evaluation_counts(self._session_uuid, done)

    def _moderated(self, answer: PhoneAnswer) -> None:
        self._known[answer.uuid] = answer
        self.moderated.emit(answer)

    # --- the phones' side (the server's thread) ---------------------------------------------

    def view(self) -> RoomView:
        with self._lock:
            return RoomView(self._question, self._ended)

    def join(self, client: str, typed_code: str) -> Join:
        """A phone at ``client`` (its address) typed a room code. Wrong codes are limited per
        address; a right code after the limit is refused too until the minute has passed."""
        with self._lock:
            if self._ended:
                return Join.ENDED
            if self._wrong_codes.blocked(client):
                return Join.TOO_MANY
            if self.keys.code_matches(typed_code):
                return Join.OK
            self._wrong_codes.note(client)
            return Join.WRONG

    def retry_after(self, client: str) -> int:
        with self._lock:
            return self._wrong_codes.retry_after(client)

    def submit(self, post: AnswerPost) -> Future[Sent]:
        """Check a post and, if it holds, store it; the future settles once it is committed
        (``STORED``) or has failed. Checks that need no disk settle it at once.

        Posts wait in line while a write runs and all go in the next: sixty phones answering
        at once cost a few commits, not sixty (one phone write in flight at a time)."""
        outcome: Future[Sent] = Future()
        drafts_or_problem = self._drafts(post)
        if isinstance(drafts_or_problem, Sent):
            outcome.set_result(drafts_or_problem)
            return outcome
        waiting = _Post(drafts_or_problem, outcome)
        # Set when the server gave up waiting: a write still queued then leaves it out.
        outcome.add_done_callback(lambda f: waiting.abandoned.set() if f.cancelled() else None)
        with self._lock:
            self._line.append(waiting)
            start = not self._writing
            self._writing = True
        if start:
            self._hop(self._write)
        return outcome

    def _write(self) -> None:
        """On the storage's thread: one write for every post waiting when its turn comes."""
        self._storage.save_phone_posts(self._take, self._committed, self._failed)

    def _take(self) -> list[tuple[PhoneAnswerDraft, ...]]:
        """On the writer's thread, when the write runs; a retried write takes the same posts
        (less those the server gave up on), not new ones."""
        with self._lock:
            if not self._in_flight:
                self._in_flight, self._line = self._line, []
            self._in_flight = [p for p in self._in_flight if not p.abandoned.is_set()]
            return [p.drafts for p in self._in_flight]

    def _committed(self, new_rows: tuple[int, ...]) -> None:
        done = self._next_write()
        stored: list[PhoneAnswer] = []
        for waiting, new in zip(done, new_rows, strict=False):
            _settle(waiting.outcome, Sent.STORED)
            if new:  # else a replayed post: stored before, announced then
                stored.extend(self._stored(draft) for draft in waiting.drafts)
        for answer in stored:
            self._known[answer.uuid] = answer
        if stored:
            self.received.emit(tuple(stored))

    def _failed(self, _error: Exception) -> None:
        for waiting in self._next_write():
            _settle(waiting.outcome, Sent.FAILED)

    def _next_write(self) -> list[_Post]:
        """The posts of the write just ended; the next write starts if more are waiting."""
        with self._lock:
            done, self._in_flight = self._in_flight, []
            more = bool(self._line)
            self._writing = more
        if more:
            self._write()
        return done

    def _drafts(self, post: AnswerPost) -> tuple[PhoneAnswerDraft, ...] | Sent:
        with self._lock:
            question = self._question
            if self._ended:
                return Sent.ENDED
            if question is None or post.version != question.version:
                return Sent.STALE
            device = self.keys.device_hash(post.cookie)
            drafts = _drafts_for(question, post, self._session_uuid, device, self._clock)
            if isinstance(drafts, Sent):
                return drafts
            if not self._answers_per_device.take(device):
                return Sent.TOO_MANY
            return drafts

    def _stored(self, draft: PhoneAnswerDraft) -> PhoneAnswer:
        return PhoneAnswer(
            uuid=draft.uuid,
            session_uuid=draft.session_uuid,
            step_key=draft.step_key,
            question_key=draft.question_key,
            kind=draft.kind,
            question_text=draft.question_text,
            text=draft.text,
            option_index=draft.option_index,
            option_text=draft.option_text,
            received_at=draft.received_at,
            status=draft.status,
            reflection_uuid=None,
        )


def _settle(outcome: Future[Sent], sent: Sent) -> None:
    # The server may have given up (cancelled) at the same moment: then nobody is told.
    with contextlib.suppress(InvalidStateError):
        outcome.set_result(sent)


def _drafts_for(
    question: PhoneQuestion, post: AnswerPost, session_uuid: str, device: str, clock: Clock
) -> tuple[PhoneAnswerDraft, ...] | Sent:
    received = clock.now()

    def draft(**fields: object) -> PhoneAnswerDraft:
        return PhoneAnswerDraft(
            uuid=str(uuids.uuid4()),
            session_uuid=session_uuid,
            step_key=question.step_key,
            kind=question.kind,
            device_hash=device,
            nonce=post.nonce,
            received_at=received,
            **fields,  # type: ignore[arg-type]
        )

    if question.kind is not QuestionKind.EVALUATION:
        text, problem = clean_answer(post.text)
        if problem is AnswerProblem.EMPTY:
            return Sent.EMPTY
        if problem is AnswerProblem.TOO_LONG:
            return Sent.TOO_LONG
        return (
            draft(
                question_key="",
                question_text=question.text,
                text=text,
                option_index=None,
                option_text=None,
            ),
        )
    chosen: list[PhoneAnswerDraft] = []
    for key, index in (post.choices or {}).items():
        item = question.item(key)
        if item is None or not 0 <= index < len(item.options):
            return Sent.NOT_AN_OPTION
        chosen.append(
            draft(
                question_key=item.key,
                question_text=item.text,
                text=None,
                option_index=index,
                option_text=item.options[index],
                # Counted, not moderated: a choice among the module's own options.
                status=Moderation.APPROVED,
            )
        )
    return tuple(chosen) if chosen else Sent.EMPTY
