"""Between the reflection panel and the recorder: what the leader types becomes a queued,
durable write, shown at once as pending and as saved only once the row is committed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal

from facilitator.core.storage.records import ReflectionKind, ReflectionRecord
from facilitator.ui.console.session_recorder import SessionRecorder
from facilitator.ui.widgets.reflection_panel import ReflectionPanel


class ReflectionController(QObject):
    saved = Signal(object)  # ReflectionRecord, once committed

    def __init__(
        self,
        panel: ReflectionPanel,
        recorder: SessionRecorder,
        current_step: Callable[[], tuple[str, str] | None],
    ) -> None:
        """``current_step`` gives the step key and its prompt text (None before the start)."""
        super().__init__(panel)
        self._panel = panel
        self._recorder = recorder
        self._current_step = current_step
        self._by_step: dict[str, list[ReflectionRecord]] = {}
        self._shown_step: str | None = None
        self._pending: set[str] = set()
        panel.submitted.connect(self.submit)
        panel.edited.connect(self.edit)
        panel.deleted.connect(self.delete)
        recorder.reflection_saved.connect(self._on_saved)
        recorder.reflection_deleted.connect(self._on_deleted)

    def submit(self, kind: ReflectionKind, text: str) -> str | None:
        step = self._current_step()
        text = text.strip()
        if step is None or not text:
            return None
        key, prompt = step
        uuid = self._recorder.add_reflection(key, kind, text, prompt)
        pending = ReflectionRecord(
            uuid=uuid,
            session_uuid=self._recorder.session_uuid,
            step_key=key,
            prompt_text=prompt,
            kind=kind,
            text=text,
            created_at=datetime.now(UTC),
            edited_at=None,
        )
        self._by_step.setdefault(key, []).append(pending)
        self._pending.add(uuid)
        self._panel.add_reflection(pending)
        self._panel.set_save_state("saving")
        return uuid

    def edit(self, uuid: str, text: str, kind: ReflectionKind) -> None:
        self._pending.add(uuid)
        self._panel.set_save_state("saving")
        self._recorder.edit_reflection(uuid, text, kind)

    def delete(self, uuid: str) -> None:
        self._recorder.delete_reflection(uuid)

    def load(self, records: tuple[ReflectionRecord, ...]) -> None:
        """After a resume: every saved reflection, back in its place."""
        self._by_step = {}
        for record in records:
            self._by_step.setdefault(record.step_key, []).append(record)
        self._shown_step = None
        self.show_step()

    def show_step(self) -> None:
        step = self._current_step()
        key = step[0] if step else None
        if key == self._shown_step:
            return
        self._shown_step = key
        records = self._by_step.get(key, []) if key else []
        saved = [r.uuid for r in records if r.uuid not in self._pending]
        self._panel.set_reflections(records, saved)

    def all_records(self) -> list[ReflectionRecord]:
        """Every reflection of this session the console knows, saved or still waiting."""
        return [record for records in self._by_step.values() for record in records]

    def failed(self) -> None:
        if self._pending:
            self._panel.set_save_state("failed")

    def _on_saved(self, record: ReflectionRecord) -> None:
        rows = self._by_step.setdefault(record.step_key, [])
        for index, row in enumerate(rows):
            if row.uuid == record.uuid:
                rows[index] = record
                break
        else:
            rows.append(record)
        self._pending.discard(record.uuid)
        if record.step_key == self._shown_step:
            self._panel.set_reflections(rows, [record.uuid])
        self._panel.mark_saved(record.uuid)
        if not self._pending:
            self._panel.set_save_state("saved")
        self.saved.emit(record)

    def _on_deleted(self, uuid: str) -> None:
        for key, rows in self._by_step.items():
            kept = [r for r in rows if r.uuid != uuid]
            if len(kept) != len(rows):
                self._by_step[key] = kept
                if key == self._shown_step:
                    self._panel.set_reflections(
                        kept, [r.uuid for r in kept if r.uuid not in self._pending]
                    )
