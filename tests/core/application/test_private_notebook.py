"""The leader's private note per step: kept as typed, "Sparat" only once on disk, written on
leaving the step and at the autosave, back after a crash, in the session's detail for the
leader, and gone with the session."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.core.application.executor import InlineExecutor
from facilitator.core.application.reflection_ledger import SaveState
from facilitator.core.application.resume import SessionResumer
from facilitator.core.application.sessions import Sessions
from facilitator.core.application.storage_gateway import (
    InterruptedSession,
    SessionDetail,
    StorageGateway,
)
from facilitator.core.paths import resolve_paths
from tests.core.application.rig import example_plan, fake_clock, open_storage, sessions


def notes_on_disk(database: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return dict(connection.execute("SELECT step_key, text FROM private_notes"))


def test_saved_only_once_on_disk() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    key = service.engine.current_key
    assert key is not None
    shown = []
    service.notes.changed.connect(shown.append)
    service.notes.write(key, "Börja med namnrundan")
    assert service.notes.state_of(key) == SaveState.SAVING
    assert notes_on_disk(storage.database_file) == {}
    service.notes.flush()
    assert notes_on_disk(storage.database_file) == {key: "Börja med namnrundan"}
    assert service.notes.state_of(key) == SaveState.SAVED
    assert shown[-1].text == "Börja med namnrundan" and shown[-1].state == SaveState.SAVED
    service.notes.write(key, "")
    service.notes.flush()
    assert notes_on_disk(storage.database_file) == {}  # an emptied note leaves nothing


def test_leaving_the_step_and_the_autosave_write_the_note() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    first = service.engine.current_key
    assert first is not None
    service.notes.write(first, "Gruppen var tyst")
    service.next()
    assert notes_on_disk(storage.database_file) == {first: "Gruppen var tyst"}
    second = service.engine.current_key
    assert second is not None and second != first
    assert service.notes.view().step_key == second and service.notes.view().text == ""
    service.notes.write(second, "Ta upp igen efter pausen")
    service.save_progress()
    assert notes_on_disk(storage.database_file)[second] == "Ta upp igen efter pausen"
    service.back()
    assert service.notes.view().text == "Gruppen var tyst"


def test_a_resumed_session_shows_its_notes() -> None:
    storage = open_storage()
    clock = fake_clock()
    plan, modules = example_plan()
    service = sessions(storage, clock).begin(plan, modules)
    key = service.engine.current_key
    assert key is not None
    service.notes.write(key, "Kom ihåg Saras fråga")
    service.save_progress()
    # The process dies here. A new start finds the session and continues it.
    second = sessions(storage, clock)
    resumer = SessionResumer(storage, second, clock, lambda m, v: modules.get(m))
    found: list[InterruptedSession | None] = []
    resumer.found.connect(found.append)
    resumer.look()
    assert found[0] is not None
    resumed = resumer.resume(found[0])
    assert resumed is not None
    assert resumed.notes.view().text == "Kom ihåg Saras fråga"
    assert resumed.notes.view().state == SaveState.SAVED


def test_the_detail_has_the_notes_and_deleting_the_session_erases_them() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    key = service.engine.current_key
    assert key is not None
    secret = "Hemlig-anteckning-" + "x7q" * 20
    service.notes.write(key, secret)
    service.end()
    details: list[SessionDetail] = []
    storage.session_detail(service.session_uuid, details.append)
    assert [(n.step_key, n.text) for n in details[0].private_notes] == [(key, secret)]
    gone: list[bool] = []
    storage.delete_session(service.session_uuid, gone.append)
    assert gone == [True]
    assert notes_on_disk(storage.database_file) == {}
    files = storage.database_file.parent.glob(storage.database_file.name + "*")
    assert all(secret.encode() not in path.read_bytes() for path in files)


def test_a_database_that_never_opened_keeps_the_note_unsaved() -> None:
    def refuse(_paths: object) -> object:
        raise OSError("the disk is gone")

    storage = StorageGateway(InlineExecutor(), resolve_paths(portable=False), open_with=refuse)  # type: ignore[arg-type]
    storage.open()
    plan, modules = example_plan()
    service = Sessions(storage, fake_clock()).begin(plan, modules)
    key = service.engine.current_key
    assert key is not None
    service.notes.write(key, "Det här får inte försvinna")
    service.notes.flush()
    assert service.notes.state_of(key) == SaveState.UNSAVED
    assert service.notes.text_for(key) == "Det här får inte försvinna"


class SlowExecutor(InlineExecutor):
    """Holds writes until the test lets them through, like the serial writer does."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[object, object, object]] = []
        self.hold = False

    def submit(self, work, on_done=None, on_error=None):  # type: ignore[no-untyped-def]
        if self.hold:
            self.held.append((work, on_done, on_error))
        else:
            super().submit(work, on_done, on_error)

    def release(self) -> None:
        self.hold = False
        held, self.held = self.held, []
        for work, on_done, on_error in held:
            super().submit(work, on_done, on_error)  # type: ignore[arg-type]


def test_typing_on_while_a_write_is_on_its_way_is_saved_too() -> None:
    executor = SlowExecutor()
    paths = resolve_paths(portable=False)
    paths.ensure()
    storage = StorageGateway(executor, paths)
    storage.open()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    key = service.engine.current_key
    assert key is not None
    executor.hold = True
    service.notes.write(key, "Första")
    service.notes.flush()
    service.notes.write(key, "Första och andra")
    service.notes.flush()  # one write at a time: the second waits for the first
    assert len(executor.held) == 1
    executor.release()
    assert notes_on_disk(storage.database_file) == {key: "Första och andra"}
    assert service.notes.state_of(key) == SaveState.SAVED
