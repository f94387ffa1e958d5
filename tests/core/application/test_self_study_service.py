"""The self-study service on real parts without Qt: a real SQLite file behind the storage
gateway, a real recovery journal, the documented example module. "Saved" only once
committed; an answer reported saved survives SIGKILL; an answer only typed while the database
was away comes back from the journal; deleting leaves no trace on disk."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.executor import Done, Failed, InlineExecutor
from facilitator.core.application.recovery_journal import RecoveryJournal
from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.self_study import SelfStudyService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.content.kinds import StepKind
from facilitator.core.paths import resolve_paths
from tests.core.application.rig import ROOT, example_module, fake_clock, open_storage

MODULE = example_module().manifest
SECRET = "Mitt-hemliga-svar-om-Ödeshög-4711"


def service(storage: StorageGateway) -> SelfStudyService:
    found = {(MODULE.id, MODULE.version): MODULE}
    return SelfStudyService(storage, fake_clock(), lambda m, v: found.get((m, v)))


def answers_on_disk(database: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return dict(connection.execute("SELECT step_id, text FROM self_study_answers"))


def traces(database: Path, text: str) -> list[Path]:
    """Every file beside the database (its -wal, the backups, the journal) holding ``text``."""
    return [
        path
        for path in database.parent.rglob("*")
        if path.is_file() and text.encode() in path.read_bytes()
    ]


class HeldExecutor:
    """Runs nothing until told: what was asked for is on its way, not yet on the disk."""

    def __init__(self) -> None:
        self.trouble: Broadcast[str] = Broadcast()
        self.recovered: Broadcast[None] = Broadcast()
        self.queue: list[tuple[Callable[[], Any], Done | None, Failed | None]] = []

    def submit(
        self, work: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> None:
        self.queue.append((work, on_done, on_error))

    def run(self) -> None:
        while self.queue:
            work, done, _failed = self.queue.pop(0)
            result = work()
            if done is not None:
                done(result)

    @property
    def pending(self) -> int:
        return len(self.queue)

    def flush(self) -> int:
        self.run()
        return 0


def test_the_path_is_for_one_person() -> None:
    path = service(open_storage()).path(MODULE)
    kinds = [step.kind for step in path.steps]
    assert StepKind.BREAK not in kinds and StepKind.EVALUATION not in kinds
    by_id = {step.step_id: step for step in path.steps}
    # Without self-study wording the group texts are used as they are.
    assert by_id["samtal-1"].question == MODULE.step("samtal-1").question  # type: ignore[union-attr]
    assert by_id["film"].question == "Vad fastnade du för i filmen?"
    assert by_id["isberget"].instructions
    assert (
        by_id["valkommen"].text and by_id["valkommen"].minutes == MODULE.step("valkommen").minutes
    )
    assert path.title == MODULE.title.sv


def test_saved_only_once_committed() -> None:
    paths = resolve_paths(portable=False)
    paths.ensure()
    executor = HeldExecutor()
    storage = StorageGateway(
        executor, paths, journal=RecoveryJournal.of_data_folder(paths.data_dir)
    )
    storage.open()
    executor.run()
    study = service(storage)
    told: list[SaveState] = []
    result = study.save_answer(MODULE.id, MODULE.version, "samtal-1", "Fråga?", "Mitt svar")
    result.settled.connect(lambda r: told.append(r.state))
    assert result.state == SaveState.SAVING and not result.saved
    assert study.answers(MODULE.id)[0].text == "Mitt svar"  # shown at once
    assert answers_on_disk(paths.database_file) == {}
    executor.run()
    assert result.saved and told == [SaveState.SAVED]
    assert answers_on_disk(paths.database_file) == {"samtal-1": "Mitt svar"}
    assert study.state_of(MODULE.id, "samtal-1") == SaveState.SAVED


def test_progress_and_answers_last_and_the_logbook_is_in_order() -> None:
    storage = open_storage()
    first = service(storage)
    first.save_answer("annan-modul", "1.0", "fraga", "Annan fråga?", "Svar i en annan modul")
    first.save_answer(MODULE.id, MODULE.version, "runda", "Vad tar du med dig?", "Mod")
    first.save_answer(MODULE.id, MODULE.version, "samtal-1", "Berätta!", "Ett möte")
    first.move_to(MODULE.id, MODULE.version, "isberget")
    # Days later, a new start: the same answers, the same place.
    again = service(storage)
    assert again.progress(MODULE.id) is None
    again.load()
    progress = again.progress(MODULE.id)
    assert progress is not None and progress.current_step_id == "isberget"
    assert progress.answered == ("samtal-1", "runda")  # path order
    assert set(again.progress_all()) == {MODULE.id, "annan-modul"}
    logbook = again.logbook()
    assert [(a.module_id, a.step_id) for a in logbook] == [
        (MODULE.id, "samtal-1"),
        (MODULE.id, "runda"),
        ("annan-modul", "fraga"),
    ]
    assert logbook[0].module_title == MODULE.title.sv and logbook[2].module_title == "annan-modul"
    assert all(a.answered_at.utcoffset() is not None for a in logbook)
    edited = again.edit_answer(logbook[0].id, "Ett möte, omskrivet")
    assert edited.saved and edited.answer is not None and edited.answer.id == logbook[0].id
    assert answers_on_disk(storage.database_file)["samtal-1"] == "Ett möte, omskrivet"


def test_deleting_an_answer_and_a_module_leaves_no_trace() -> None:
    storage = open_storage()
    study = service(storage)
    kept = study.save_answer(MODULE.id, MODULE.version, "runda", "?", "Det här står kvar")
    one = study.save_answer(MODULE.id, MODULE.version, "samtal-1", "?", SECRET + " ett")
    assert one.answer is not None and kept.answer is not None
    deleted = study.delete_answer(one.answer.id)
    assert deleted.outcome is not None and deleted.outcome.complete
    assert [a.text for a in study.answers(MODULE.id)] == ["Det här står kvar"]
    assert traces(storage.database_file, SECRET) == []
    study.save_answer("annan-modul", "1.0", "a", "?", SECRET + " två")
    study.save_answer("annan-modul", "1.0", "b", "?", SECRET + " tre")
    whole = study.delete_module("annan-modul")
    assert whole.outcome is not None and whole.outcome.complete
    assert study.progress("annan-modul") is None and study.answers("annan-modul") == []
    assert traces(storage.database_file, SECRET) == []
    fresh = service(storage)
    fresh.load()
    assert [a.text for a in fresh.logbook()] == ["Det här står kvar"]


def test_loading_applies_the_retention_period_first() -> None:
    storage = open_storage()
    study = service(storage)
    study.save_answer(MODULE.id, MODULE.version, "runda", "?", "Skrivet i dag")
    with sqlite3.connect(storage.database_file) as connection:
        connection.execute(
            "UPDATE self_study_answers SET updated_at = '2020-01-01T00:00:00.000000Z'"
        )
    connection.close()
    kept = service(storage)
    kept.load(retention_days=None)
    assert [a.text for a in kept.logbook()] == ["Skrivet i dag"]
    pruned = service(storage)
    pruned.load(retention_days=30)
    assert pruned.logbook() == [] and answers_on_disk(storage.database_file) == {}


_KILLED_RUN = """
import sys
from facilitator.core.application.executor import InlineExecutor
from facilitator.core.application.recovery_journal import RecoveryJournal
from facilitator.core.application.self_study import SelfStudyService
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.clock import SystemClock
from facilitator.core.paths import resolve_paths
from facilitator.core.storage.errors import DatabaseOpenError

paths = resolve_paths(portable=False)
paths.ensure()
journal = RecoveryJournal.of_data_folder(paths.data_dir)
storage = StorageGateway(InlineExecutor(), paths, journal=journal)
storage.open()
study = SelfStudyService(storage, SystemClock(), lambda m, v: None)
saved = study.save_answer("modul-1", "1.0", "fraga-1", "Vad tänker du?", sys.argv[1])
assert saved.saved

def refuse(_paths):
    raise DatabaseOpenError(paths.database_file, "not now")

# The database away: the answer is only typed, in the journal, not saved.
away = StorageGateway(InlineExecutor(), paths, open_with=refuse,
                      journal=RecoveryJournal.of_data_folder(paths.data_dir))
away.open()
typed = SelfStudyService(away, SystemClock(), lambda m, v: None)
unsaved = typed.save_answer("modul-1", "1.0", "fraga-2", "Och sedan?", sys.argv[2])
assert not unsaved.saved
print("saved", flush=True)
sys.stdin.read()
"""


def test_an_answer_reported_saved_survives_sigkill(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-c", _KILLED_RUN, "Sparat före kill", "Bara skrivet"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "saved"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    paths = resolve_paths(portable=False)
    journal = RecoveryJournal.of_data_folder(paths.data_dir)
    storage = StorageGateway(InlineExecutor(), paths, journal=journal)
    storage.open()  # replays the journal the killed run left behind
    study = service(storage)
    study.load()
    assert [(a.step_id, a.text) for a in study.answers("modul-1")] == [
        ("fraga-1", "Sparat före kill"),
        ("fraga-2", "Bara skrivet"),
    ]
    assert list((storage.database_file.parent / "recovery").glob("*.jsonl")) == []


def test_the_service_imports_no_qt() -> None:
    code = (
        "import sys, facilitator.core.application.self_study\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == "[]"
