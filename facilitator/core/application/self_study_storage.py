"""The self-study operations of the storage gateway: a person's own answers and progress, each
write forced into the recovery journal before it is queued (like a reflection), so an answer
reported saved — or only typed, while the database was away — survives any way the app ends.

A part of ``StorageGateway`` (it inherits these), kept in its own file: nothing here touches a
session, and nothing in the export path calls it.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.application.executor import Failed
from facilitator.core.application.journal_ops import (
    answer_entry,
    answer_erase_entry,
    study_erase_entry,
    study_move_entry,
)
from facilitator.core.application.storage_line import StorageLine
from facilitator.core.storage.records import ErasureOutcome
from facilitator.core.storage.self_study_records import Answer, AnswerDraft, Progress


class SelfStudyOperations(StorageLine):
    def save_answer(
        self,
        draft: AnswerDraft,
        done: Callable[[Answer | None], None],
        failed: Failed | None = None,
    ) -> None:
        """``done`` once committed, with the answer as stored (None: blank text erased it)."""
        self._write(
            lambda: answer_entry(draft), lambda repo: repo.self_study.save(draft), done, failed
        )

    def move_in_study(self, module_id: str, version: str, step_id: str) -> None:
        self._write(
            lambda: study_move_entry(module_id, version, step_id),
            lambda repo: repo.self_study.move_to(module_id, version, step_id),
        )

    def erase_answer(
        self, answer_id: str, done: Callable[[ErasureOutcome], None], failed: Failed | None = None
    ) -> None:
        self._write(
            lambda: answer_erase_entry(answer_id),
            lambda repo: repo.self_study.erase(answer_id),
            done,
            failed,
        )

    def erase_study_module(
        self, module_id: str, done: Callable[[ErasureOutcome], None], failed: Failed | None = None
    ) -> None:
        self._write(
            lambda: study_erase_entry(module_id),
            lambda repo: repo.self_study.erase_module(module_id),
            done,
            failed,
        )

    def self_study_state(
        self,
        done: Callable[[tuple[tuple[Answer, ...], dict[str, Progress]]], None],
        failed: Failed | None = None,
    ) -> None:
        """Every answer and every module's progress, read in one go."""
        self._read(
            lambda repo: (repo.self_study.answers(), repo.self_study.progress_all()), done, failed
        )

    def delete_answers_older_than(self, days: int, done: Callable[[int], None]) -> None:
        self._run(lambda repo: repo.self_study.delete_older_than(days), done)
