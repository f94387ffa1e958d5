"""Sessions written through the storage API into a real SQLite file, as the app would leave
them: steps run, reflections in several scripts, attendance, evaluation, a private note."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from facilitator.core.clock import FakeClock
from facilitator.core.export.gather import ManifestLookup, folder_manifests
from facilitator.core.storage.database import Database, open_database
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationOption,
    EvaluationResult,
    ModuleRef,
    ReflectionDraft,
    ReflectionKind,
    SessionLifecycle,
    StepRunRecord,
)
from facilitator.core.storage.repository import Repository

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_MODULE = ROOT / "docs" / "examples" / "example-module"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
MODULE = ModuleRef("exempel-modul", "1.0.0", "sha256:example", "Exempelmodul")
OTHER_MODULE = ModuleRef("annan-modul", "1.0.0", "sha256:other", "Annan modul")

PRIVATE = "HEMLIG-LEDARANTECKNING om Kalle som inte får synas"

ARABIC = "نحن نتحدث اليوم عن الثقافة والعمل المشترك"
PERSIAN = "امروز درباره فرهنگ و زبان با همکاران صحبت کردیم"
TIGRINYA = "ሎሚ ብዛዕባ ባህሊ ተዛሪብና።"
AMHARIC = "ዛሬ ስለ ባህል ተነጋገርን።"
SOMALI = "Waxaan ka wada hadalnay dhaqanka iyo shaqada."
CHINESE = "我们今天谈论了文化"

STEPS = (
    StepRunRecord(
        "exempel-modul/valkommen", "exempel-modul", "valkommen", "Välkomna", "text", 300, 360
    ),
    StepRunRecord("exempel-modul/film", "exempel-modul", "film", "Film: Exempel", "film", 240, 250),
    StepRunRecord(
        "exempel-modul/samtal-1",
        "exempel-modul",
        "samtal-1",
        "Egna erfarenheter",
        "prompt",
        600,
        840,
    ),
    StepRunRecord(
        "exempel-modul/isberget", "exempel-modul", "isberget", "Isberget", "activity", 900, 780
    ),
    StepRunRecord("exempel-modul/paus", "exempel-modul", "paus", "Paus", "break", 600, None, True),
    StepRunRecord(
        "exempel-modul/runda", "exempel-modul", "runda", "Reflektionsrunda", "reflection", 480, 540
    ),
    StepRunRecord(
        "exempel-modul/utvardering",
        "exempel-modul",
        "utvardering",
        "Utvärdering",
        "evaluation",
        180,
        200,
    ),
    StepRunRecord(
        "exempel-modul/avslutning", "exempel-modul", "avslutning", "Avslutning", "closing", 120, 90
    ),
)

PROMPT = "Berätta om ett möte på jobbet där ni förstod varandra olika."
ROUND = "Vad tar du med dig härifrån?"

REFLECTIONS: tuple[tuple[str, str, ReflectionKind, str], ...] = (
    ("exempel-modul/samtal-1", PROMPT, ReflectionKind.QUOTE, "Jag trodde att tystnad betydde nej."),
    (
        "exempel-modul/samtal-1",
        PROMPT,
        ReflectionKind.NOTE,
        "Flera kände igen missförstånd kring tider.",
    ),
    ("exempel-modul/samtal-1", PROMPT, ReflectionKind.QUOTE, ARABIC),
    ("exempel-modul/samtal-1", PROMPT, ReflectionKind.NOTE, PERSIAN),
    ("exempel-modul/samtal-1", PROMPT, ReflectionKind.NOTE, SOMALI),
    (
        "exempel-modul/samtal-1",
        PROMPT,
        ReflectionKind.PARKING,
        "Hur gör vi med tolk vid korta möten?",
    ),
    ("exempel-modul/runda", ROUND, ReflectionKind.QUOTE, TIGRINYA),
    ("exempel-modul/runda", ROUND, ReflectionKind.NOTE, AMHARIC),
    ("exempel-modul/runda", ROUND, ReflectionKind.NOTE, f"En deltagare skrev: {CHINESE}"),
    (
        "exempel-modul/runda",
        ROUND,
        ReflectionKind.ACTION,
        "Arbetslaget tar fram en gemensam rutin för tolkbokning före 1 juni.",
    ),
    ("exempel-modul/runda", ROUND, ReflectionKind.ACTION, "Ta upp samtalsreglerna på nästa APT."),
)

ATTENDANCE = AttendanceCounts(
    women=7, men=4, other=1, not_stated=1, newcomer_staff=8, managers=2, volunteers=1
)


def knowledge(counts: Sequence[int]) -> EvaluationResult:
    texts = ("Ja, mycket", "Ja, lite", "Nej", "Vet inte")
    return EvaluationResult(
        "kunskap",
        "Har du fått mer kunskap om ämnet?",
        tuple(
            EvaluationOption(i, t, n) for i, (t, n) in enumerate(zip(texts, counts, strict=True))
        ),
        knowledge_indicator=True,
    )


USEFUL = EvaluationResult(
    "nytta",
    "Kan du använda det du lärt dig i ditt arbete?",
    (
        EvaluationOption(0, "Ja", 10),
        EvaluationOption(1, "Delvis", 2),
        EvaluationOption(2, "Nej", 1),
    ),
)


@dataclass
class SampleDb:
    database: Database
    repo: Repository
    clock: FakeClock

    def close(self) -> None:
        self.database.close()


def open_sample_db(folder: Path, start: datetime | None = None) -> SampleDb:
    clock = FakeClock(start or datetime(2025, 3, 14, 9, 0, tzinfo=STOCKHOLM))
    database = open_database(folder / "facilitator.sqlite3", folder / "backups", clock.now)
    return SampleDb(database, Repository.of(database), clock)


def add_session(
    db: SampleDb,
    *,
    title: str = "Att mötas över kulturgränser",
    place: str = "Kalmar, Stadshuset",
    leader: str | None = "Amina Hassan",
    modules: Sequence[ModuleRef] = (MODULE,),
    reflections: Sequence[tuple[str, str, ReflectionKind, str]] = REFLECTIONS,
    attendance: AttendanceCounts | None = ATTENDANCE,
    evaluation: Sequence[EvaluationResult] = (knowledge((5, 4, 2, 1)), USEFUL),
    minutes_long: int = 57,
    session_uuid: str | None = None,
    rehearsal: bool = False,
    plan_json: str = '{"steps": []}',
) -> str:
    """A finished session (with a private note that must never be exported); returns uuid."""
    repo = db.repo
    session = repo.sessions.create(
        title=title,
        plan_json=plan_json,
        modules=modules,
        place=place,
        leader_name=leader,
        session_uuid=session_uuid,
        rehearsal=rehearsal,
    )
    repo.sessions.set_status(session.uuid, SessionLifecycle.RUNNING)
    for step_key, prompt, kind, text in reflections:
        db.clock.advance(5)
        repo.reflections.save(
            ReflectionDraft(str(uuid.uuid4()), session.uuid, step_key, kind, text, prompt)
        )
    repo.private_notes.save(session.uuid, "exempel-modul/samtal-1", PRIVATE)
    repo.sessions.save_step_runs(session.uuid, STEPS)
    if attendance is not None:
        repo.tallies.save_attendance(session.uuid, attendance)
    repo.tallies.save_evaluation(session.uuid, list(evaluation))
    db.clock.advance(minutes_long * 60 - 5 * len(reflections))
    repo.sessions.set_status(session.uuid, SessionLifecycle.FINISHED)
    return session.uuid


def example_manifests() -> ManifestLookup:
    return folder_manifests([EXAMPLE_MODULE])


UNSHOWN_NOTE = "[text på ett skriftsystem som inte kan visas här]"
