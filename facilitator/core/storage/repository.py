"""The storage layer's front door: one object that hands out each store.

Every write method runs in its own committed transaction and has reached the disk when it
returns; each raises a ``StorageError`` (full, read-only, locked) that leaves the caller's data
in its hands to retry. Sessions are addressed by their uuid.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from facilitator.core.storage.database import Database
from facilitator.core.storage.erasure import Erasure
from facilitator.core.storage.export_store import ExportStore
from facilitator.core.storage.history_store import HistoryStore
from facilitator.core.storage.phone_answer_store import PhoneAnswerStore
from facilitator.core.storage.private_note_store import PrivateNoteStore
from facilitator.core.storage.reflection_store import ReflectionStore
from facilitator.core.storage.self_study_store import SelfStudyStore
from facilitator.core.storage.session_store import SessionStore
from facilitator.core.storage.tally_store import TallyStore
from facilitator.core.storage.transactions import Transactions


class Repository:
    def __init__(self, engine: Engine, *, backup_dir: Path, now: Callable[[], datetime]) -> None:
        transactions = Transactions(engine, now)
        self.sessions = SessionStore(transactions)
        self.reflections = ReflectionStore(transactions)
        self.tallies = TallyStore(transactions)
        # Deliberately apart from the rest: exports must never take this store.
        self.private_notes = PrivateNoteStore(transactions)
        self.history = HistoryStore(transactions)
        self.exports = ExportStore(transactions)
        self.phone_answers = PhoneAnswerStore(transactions)
        self.erasure = Erasure(transactions, backup_dir)
        # A person's own answers when alone: apart from the sessions, and never exported.
        self.self_study = SelfStudyStore(transactions, self.erasure)

    @classmethod
    def of(cls, database: Database) -> Repository:
        return cls(database.engine, backup_dir=database.backup_dir, now=database.now)
