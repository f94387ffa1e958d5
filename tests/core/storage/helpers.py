"""Small builders shared by the storage tests."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from facilitator.core.storage.records import (
    ModuleRef,
    ReflectionDraft,
    ReflectionKind,
    SessionRecord,
)
from facilitator.core.storage.repository import Repository

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MODULE = ModuleRef("mota-nyanlanda", "1.0", "sha256:1", "Att möta nyanlända")


def new_session(
    repo: Repository,
    title: str = "Att mötas",
    *,
    place: str = "Kalmar",
    modules: Sequence[ModuleRef] = (MODULE,),
    leader_name: str | None = None,
    session_uuid: str | None = None,
) -> SessionRecord:
    return repo.sessions.create(
        title=title,
        plan_json='{"steps": ["intro"]}',
        modules=modules,
        place=place,
        leader_name=leader_name,
        session_uuid=session_uuid,
    )


def draft(
    session: SessionRecord,
    text: str,
    *,
    step_key: str = "step-1",
    kind: ReflectionKind = ReflectionKind.NOTE,
    reflection_uuid: str | None = None,
) -> ReflectionDraft:
    return ReflectionDraft(
        uuid=reflection_uuid or str(uuid.uuid4()),
        session_uuid=session.uuid,
        step_key=step_key,
        kind=kind,
        text=text,
        prompt_text="Vad tar du med dig?",
    )


def sha256(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def raw_bytes(file: Path) -> bytes:
    """The database file and its -wal, as they lie on disk."""
    wal = file.with_name(file.name + "-wal")
    return file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
