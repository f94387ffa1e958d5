"""The leader's private note per step in the running session, and whether it is saved.

Only the leader ever sees these: nothing here reaches the projector, and nothing in the export
path reads them (``core/export`` never asks the private-notes store). The note is kept here in
memory as it is typed (``write``) and goes to disk when the console asks (``flush``: after a
pause in typing, on leaving the step, at the autosave and at quit). It is *saved* only once its
row is committed, so "Sparat" is never shown for text that is not on disk. The text is
cleaned as it comes in (``clean_user_text``), so what is held here is what is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.storage.records import PrivateNote
from facilitator.core.user_text import clean_user_text


@dataclass(frozen=True)
class StepNote:
    """What the note box shows: the current step's note and its save state (None when
    nothing was written in this step)."""

    step_key: str | None
    text: str
    state: SaveState | None


@dataclass
class _Note:
    text: str
    state: SaveState
    sent: str | None = None
    """The text last handed to the gateway, until its write comes back."""


class PrivateNotebook:
    def __init__(
        self,
        storage: StorageGateway,
        session_uuid: str,
        current_step: Callable[[], str | None],
    ) -> None:
        self._storage = storage
        self._session_uuid = session_uuid
        self._current_step = current_step
        self._notes: dict[str, _Note] = {}
        self.changed: Broadcast[StepNote] = Broadcast()

    # --- intents ---------------------------------------------------------------------------

    def write(self, step_key: str, text: str) -> None:
        """The leader typed: held here at once, written at the next ``flush``."""
        text = clean_user_text(text)
        note = self._notes.get(step_key)
        if note is not None and note.text == text:
            return
        if note is None:
            self._notes[step_key] = _Note(text, SaveState.SAVING)
        else:
            note.text = text
            if note.state != SaveState.WAITING:
                note.state = SaveState.SAVING
        self._announce()

    def flush(self) -> None:
        """Send every note whose text is not on disk. At most one write per note is on its
        way at a time; text typed meanwhile follows when that write is back."""
        for key, note in self._notes.items():
            if note.state in (SaveState.SAVING, SaveState.UNSAVED) and note.sent is None:
                self._send(key, note)

    def load(self, notes: tuple[PrivateNote, ...]) -> None:
        """After a resume: the notes saved before the interruption, back in place. A note
        already written again in this run is newer and stays."""
        for saved in notes:
            if saved.step_key not in self._notes:
                self._notes[saved.step_key] = _Note(saved.text, SaveState.SAVED)
        self._announce()

    def refresh(self) -> None:
        """The current step changed: what was typed in the last one goes to disk now, and
        the new step's note is announced."""
        self.flush()
        self._announce()

    def storage_trouble(self) -> None:
        self._mark(SaveState.SAVING, SaveState.WAITING)

    def storage_recovered(self) -> None:
        self._mark(SaveState.WAITING, SaveState.SAVING)

    # --- reading ---------------------------------------------------------------------------

    def text_for(self, step_key: str) -> str:
        note = self._notes.get(step_key)
        return note.text if note is not None else ""

    def state_of(self, step_key: str) -> SaveState | None:
        note = self._notes.get(step_key)
        return note.state if note is not None else None

    def view(self) -> StepNote:
        key = self._current_step()
        note = self._notes.get(key) if key is not None else None
        if note is None:
            return StepNote(key, "", None)
        return StepNote(key, note.text, note.state)

    # --- inside ----------------------------------------------------------------------------

    def _send(self, key: str, note: _Note) -> None:
        text = note.text
        note.sent = text
        if note.state == SaveState.UNSAVED:
            note.state = SaveState.SAVING

        def committed(_none: None) -> None:
            note.sent = None
            if note.text != text:
                # Typed on while this write was on its way: the newer text follows now.
                self._send(key, note)
                return
            note.state = SaveState.SAVED
            self._announce()

        def failed(_error: Exception) -> None:
            note.sent = None
            note.state = SaveState.UNSAVED
            self._announce()

        self._storage.save_private_note(self._session_uuid, key, text, committed, failed)

    def _mark(self, old: SaveState, new: SaveState) -> None:
        changed = False
        for note in self._notes.values():
            if note.state == old:
                note.state = new
                changed = True
        if changed:
            self._announce()

    def _announce(self) -> None:
        self.changed.emit(self.view())
