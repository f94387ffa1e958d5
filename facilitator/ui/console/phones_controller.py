"""The leader's and the room's side of the phones (issue 20): the "Mobilsvar" toggle kept in
step with the setting, the list of answers waiting for the leader, the join panel on the
projector card, and the approved answers shown to the room.

The room itself (its code, its answers, approving and rejecting) is the Qt-free ``PhoneRoom``
(facilitator/core/application/phone_room.py); this file needs only what ``PhoneRoomLike``
names, and its broadcasts arrive on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar

from facilitator.core.application.broadcast import Subscription, Subscriptions
from facilitator.core.application.settings_service import SettingsService
from facilitator.core.presentation.cards import ProjectorCard, phone_answers_card, with_join
from facilitator.core.presentation.join import JoinPanel, join_panel
from facilitator.core.settings import Settings
from facilitator.ui.console.console_page import ConsolePage
from facilitator.ui.console.phone_answers_panel import PhoneAnswersPanel, WaitingAnswer

PENDING = "pending"
APPROVED = "approved"


class PhoneAnswerLike(Protocol):
    """What the console reads of a stored answer (``PhoneAnswer``): no device, no nonce."""

    @property
    def uuid(self) -> str: ...
    @property
    def step_key(self) -> str: ...
    @property
    def question_text(self) -> str: ...
    @property
    def text(self) -> str | None: ...
    @property
    def status(self) -> str: ...
    @property
    def received_at(self) -> datetime: ...


T_co = TypeVar("T_co", covariant=True)


class Feed(Protocol[T_co]):
    """A ``Broadcast`` as a listener sees it (a Broadcast of ``PhoneAnswer`` is a feed of
    ``PhoneAnswerLike``; a Broadcast itself is invariant)."""

    def connect(self, receiver: Callable[[T_co], None]) -> Subscription: ...


class PhoneRoomLike(Protocol):
    @property
    def room_code(self) -> str: ...
    @property
    def received(self) -> Feed[tuple[PhoneAnswerLike, ...]]: ...
    @property
    def moderated(self) -> Feed[PhoneAnswerLike]: ...
    def answers(self) -> tuple[PhoneAnswerLike, ...]: ...
    def approve(self, answer_uuid: str) -> None: ...
    def reject(self, answer_uuid: str) -> None: ...


class PhonesController:
    def __init__(
        self,
        settings: SettingsService,
        console: ConsolePage,
        room: PhoneRoomLike | None,
        address: Callable[[], str | None],
        current_step: Callable[[], str | None],
        projector_changed: Callable[[], None],
    ) -> None:
        """``address``: where the server answers now (None: not running, so no join panel);
        ``current_step``: the step on screen now; ``projector_changed``: draw the card again
        (the phones were turned on or off, or the room's answers changed)."""
        self._settings = settings
        self._console = console
        self._room = room
        self._address = address
        self._current_step = current_step
        self._projector_changed = projector_changed
        self._answers: dict[str, PhoneAnswerLike] = {}
        self._showing_answers_of: str | None = None
        self._join: JoinPanel | None = None
        self.panel = PhoneAnswersPanel()
        console.reflection_layout.addWidget(self.panel)
        self._subscriptions = Subscriptions()
        self._subscriptions.connect(settings.changed, self._settings_changed)
        console.phones_toggled.connect(lambda on: settings.change(phones_on=on))
        self.panel.approve_requested.connect(self._approve)
        self.panel.reject_requested.connect(self._reject)
        self.panel.question_requested.connect(self._show_question)
        self._room_feeds: list[Subscription] = []
        if room is not None:
            self._room_feeds += [
                room.received.connect(self._received),
                room.moderated.connect(self._moderated),
            ]
            for answer in room.answers():
                self._answers[answer.uuid] = answer
        self._show_setting(settings.current)

    @property
    def on(self) -> bool:
        return self._settings.current.phones_on

    def close(self) -> None:
        self._subscriptions.cancel_all()
        for feed in self._room_feeds:
            feed.cancel()
        self._room_feeds = []

    # --- what the room sees ----------------------------------------------------------------

    def dress(self, card: ProjectorCard) -> ProjectorCard:
        """The step's card as the room sees it with the phones: the join panel where phones
        can answer, or the answers the leader approved for this step while they are shown."""
        join = self._join_panel()
        step = self._current_step()
        if join is not None and step is not None and self._showing_answers_of == step:
            texts = self.approved_texts(step)
            if texts:
                return with_join(phone_answers_card(texts), join)
        return with_join(card, join)

    def approved_texts(self, step_key: str) -> tuple[str, ...]:
        chosen = [
            answer
            for answer in self._answers.values()
            if answer.step_key == step_key and answer.status == APPROVED and answer.text
        ]
        chosen.sort(key=lambda answer: answer.received_at)
        return tuple(answer.text or "" for answer in chosen)

    def _join_panel(self) -> JoinPanel | None:
        address = self._address()
        if not self.on or self._room is None or address is None:
            return None
        if (
            self._join is None
            or self._join.code != self._room.room_code
            or self._join.address != address
        ):
            self._join = join_panel(address, self._room.room_code)
        return self._join

    # --- the leader's side -----------------------------------------------------------------

    def _settings_changed(self, settings: Settings) -> None:
        self._show_setting(settings)
        self._projector_changed()

    def _show_setting(self, settings: Settings) -> None:
        self._console.set_phones_on(settings.phones_on)
        self.panel.setVisible(settings.phones_on)
        self._show_waiting()

    def _received(self, answers: tuple[PhoneAnswerLike, ...]) -> None:
        for answer in answers:
            self._answers[answer.uuid] = answer
        self._show_waiting()

    def _moderated(self, answer: PhoneAnswerLike) -> None:
        self._answers[answer.uuid] = answer
        if answer.status == APPROVED:
            # "Visa för gruppen": the room sees it now, with the others approved for the step.
            self._showing_answers_of = answer.step_key
        self._show_waiting()
        self._projector_changed()

    def _show_waiting(self) -> None:
        waiting = sorted(
            (a for a in self._answers.values() if a.status == PENDING and a.text is not None),
            key=lambda answer: answer.received_at,
        )
        self.panel.show_waiting(
            [WaitingAnswer(a.uuid, a.text or "", a.question_text) for a in waiting]
        )
        step = self._current_step()
        self.panel.show_question_button(
            step is not None
            and self._showing_answers_of == step
            and bool(self.approved_texts(step))
        )

    def _approve(self, uuid: str) -> None:
        if self._room is not None:
            self._room.approve(uuid)

    def _reject(self, uuid: str) -> None:
        if self._room is not None:
            self._room.reject(uuid)

    def _show_question(self) -> None:
        self._showing_answers_of = None
        self._show_waiting()
        self._projector_changed()
