"""Every reflection of the running session and whether it is saved: the one place that says
"Sparat". A reflection is *saving* from the moment it is typed until its row is committed, then
*saved*; when the disk refuses it, *waiting* (the executor keeps retrying); when the database is
not there at all, *unsaved* (kept here, in memory, to be copied elsewhere).

Text enters here, so it is cleaned here (``clean_user_text``): what the ledger shows as typed
is exactly what is stored. A deletion says when the text is gone from the disk (``erasure``);
while another connection holds it back, it is tried again at each ``finish_erasure``."""

from __future__ import annotations

import uuid as uuids
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.storage.records import (
    ErasureOutcome,
    ReflectionDraft,
    ReflectionKind,
    ReflectionRecord,
    ReflectionSource,
)
from facilitator.core.user_text import clean_user_text


class SaveState(StrEnum):
    SAVING = "saving"
    SAVED = "saved"
    WAITING = "waiting"
    UNSAVED = "unsaved"


@dataclass(frozen=True)
class LedgerEntry:
    record: ReflectionRecord
    state: SaveState


@dataclass(frozen=True)
class StepReflections:
    """What the reflection panel shows: this step's reflections, and the session's save
    state as one word (None before anything was typed)."""

    step_key: str | None
    entries: tuple[LedgerEntry, ...]
    overall: SaveState | None


class ReflectionLedger:
    def __init__(
        self,
        storage: StorageGateway,
        session_uuid: str,
        current_step: Callable[[], tuple[str, str] | None],
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        """``current_step`` gives the step key and its prompt (None before the start)."""
        self._storage = storage
        self._session_uuid = session_uuid
        self._current_step = current_step
        self._now = now
        self._entries: dict[str, LedgerEntry] = {}
        self.changed: Broadcast[StepReflections] = Broadcast()
        self.saved: Broadcast[ReflectionRecord] = Broadcast()
        self.erasure: Broadcast[bool] = Broadcast()
        """After a delete: False while its text is still on the disk (another connection
        held it back), True once it is gone from the database, its -wal and every backup."""
        self._erasure_pending = False

    # --- intents ---------------------------------------------------------------------------

    def submit(self, kind: ReflectionKind, text: str) -> str | None:
        step = self._current_step()
        text = clean_user_text(text).strip()
        if step is None or not text:
            return None
        key, prompt = step
        # When it was typed, not when the database took it (a lock can hold it back minutes).
        draft = ReflectionDraft(
            uuid=str(uuids.uuid4()),
            session_uuid=self._session_uuid,
            step_key=key,
            kind=kind,
            text=text,
            prompt_text=prompt,
            created_at=self._now(),
        )
        self._add(draft)
        return draft.uuid

    def add_from_phones(self, uuid: str, step_key: str, prompt: str, text: str) -> str | None:
        """An answer from the group's phones that the leader approved, as a reflection of the
        step it was asked in, marked as the phones'. ``uuid`` is made from the answer's, so
        approving it twice makes one reflection."""
        text = clean_user_text(text).strip()
        if not text:
            return None
        if uuid in self._entries:
            return uuid
        draft = ReflectionDraft(
            uuid=uuid,
            session_uuid=self._session_uuid,
            step_key=step_key,
            kind=ReflectionKind.NOTE,
            text=text,
            prompt_text=prompt,
            created_at=self._now(),
            source=ReflectionSource.PHONES,
        )
        self._add(draft)
        return uuid

    def _add(self, draft: ReflectionDraft) -> None:
        record = ReflectionRecord(
            uuid=draft.uuid,
            session_uuid=self._session_uuid,
            step_key=draft.step_key,
            prompt_text=draft.prompt_text,
            kind=draft.kind,
            text=draft.text,
            created_at=draft.created_at or self._now(),
            edited_at=None,
            source=draft.source,
        )
        self._entries[draft.uuid] = LedgerEntry(record, SaveState.SAVING)
        self._announce()
        self._storage.save_reflection(draft, self._committed, self._failer(draft.uuid))

    def edit(self, uuid: str, text: str, kind: ReflectionKind) -> None:
        entry = self._entries.get(uuid)
        text = clean_user_text(text).strip()
        if entry is None or not text or (text, kind) == (entry.record.text, entry.record.kind):
            return
        record = replace(entry.record, text=text, kind=kind)
        self._entries[uuid] = LedgerEntry(record, SaveState.SAVING)
        self._announce()
        self._storage.edit_reflection(uuid, text, kind, self._committed, self._failer(uuid))

    def delete(self, uuid: str) -> None:
        if self._entries.pop(uuid, None) is None:
            return
        self._announce()
        self._storage.erase_reflection(uuid, self._erased)

    def finish_erasure(self) -> None:
        """A quiet moment (the autosave, a step change): finish a held-back erasure."""
        if self._erasure_pending:
            self._storage.finish_erasure(self._erasure_finished)

    def load(self, records: tuple[ReflectionRecord, ...]) -> None:
        """After a resume: what was saved before, back in place."""
        for record in records:
            self._entries[record.uuid] = LedgerEntry(record, SaveState.SAVED)
        self._announce()

    def storage_trouble(self) -> None:
        """The disk refused a write: whatever is still on its way waits for the retry."""
        self._mark(SaveState.SAVING, SaveState.WAITING)

    def storage_recovered(self) -> None:
        self._mark(SaveState.WAITING, SaveState.SAVING)

    # --- reading ---------------------------------------------------------------------------

    def records(self) -> list[ReflectionRecord]:
        """Every reflection of this session, saved or not, oldest first."""
        return [entry.record for entry in self._entries.values()]

    def unsaved(self) -> list[ReflectionRecord]:
        return [e.record for e in self._entries.values() if e.state != SaveState.SAVED]

    def state_of(self, uuid: str) -> SaveState | None:
        entry = self._entries.get(uuid)
        return entry.state if entry is not None else None

    def view(self) -> StepReflections:
        step = self._current_step()
        key = step[0] if step is not None else None
        entries = tuple(e for e in self._entries.values() if e.record.step_key == key)
        return StepReflections(key, entries, self._overall())

    def refresh(self) -> None:
        """The current step changed: announce its reflections."""
        self._announce()
        self.finish_erasure()

    # --- inside ----------------------------------------------------------------------------

    def _overall(self) -> SaveState | None:
        states = {entry.state for entry in self._entries.values()}
        for worst in (SaveState.UNSAVED, SaveState.WAITING, SaveState.SAVING, SaveState.SAVED):
            if worst in states:
                return worst
        return None

    def _committed(self, record: ReflectionRecord) -> None:
        entry = self._entries.get(record.uuid)
        if entry is None:
            return  # deleted while its save was on the way; the delete follows in line
        if entry.record.text != record.text or entry.record.kind != record.kind:
            return  # an edit is on its way after this one: still saving
        self._entries[record.uuid] = LedgerEntry(record, SaveState.SAVED)
        self._announce()
        self.saved.emit(record)

    def _erased(self, outcome: ErasureOutcome) -> None:
        self._erasure_finished(outcome.complete)

    def _erasure_finished(self, complete: bool) -> None:
        if complete == (not self._erasure_pending):
            return  # nothing new to say
        self._erasure_pending = not complete
        self.erasure.emit(complete)

    def _failer(self, uuid: str) -> Callable[[Exception], None]:
        def failed(_error: Exception) -> None:
            entry = self._entries.get(uuid)
            if entry is not None:
                self._entries[uuid] = LedgerEntry(entry.record, SaveState.UNSAVED)
                self._announce()

        return failed

    def _mark(self, old: SaveState, new: SaveState) -> None:
        changed = False
        for uuid, entry in self._entries.items():
            if entry.state == old:
                self._entries[uuid] = LedgerEntry(entry.record, new)
                changed = True
        if changed:
            self._announce()

    def _announce(self) -> None:
        self.changed.emit(self.view())
