"""What a session records about itself: a rehearsal is marked, the place and leader kept, and
every file exported from it remembered — through the real gateway on a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.application.storage_gateway import SessionDetail, StorageGateway
from facilitator.core.storage.records import ExportKind, ExportRecord, HistoryPage, HistoryQuery
from tests.core.application.rig import example_plan, open_storage, sessions


def _detail(storage: StorageGateway, uuid: str) -> SessionDetail:
    found: list[SessionDetail] = []
    storage.session_detail(uuid, found.append)
    return found[0]


def test_a_rehearsal_is_stored_as_one_and_kept_out_of_the_history() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(
        plan, modules, rehearsal=True, place="Kalmar, Stadshuset", leader="Amina"
    )
    service.end()
    record = _detail(storage, service.session_uuid).record
    assert (record.rehearsal, record.place, record.leader_name) == (
        True,
        "Kalmar, Stadshuset",
        "Amina",
    )
    pages: list[HistoryPage] = []
    storage.history_page(HistoryQuery(), pages.append)
    storage.history_page(HistoryQuery(include_rehearsals=True), pages.append)
    assert [p.total for p in pages] == [0, 1]


def test_a_real_session_is_not_a_rehearsal() -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    assert _detail(storage, service.session_uuid).record.rehearsal is False


def test_exports_are_recorded_and_listed(tmp_path: Path) -> None:
    storage = open_storage()
    plan, modules = example_plan()
    service = sessions(storage).begin(plan, modules)
    written = [tmp_path / "sammanfattning.pdf"]
    storage.record_exports(service.session_uuid, written, ExportKind.PDF)
    listed: list[tuple[ExportRecord, ...]] = []
    storage.exports_of(service.session_uuid, listed.append, lambda error: None)
    assert [(e.path, e.kind) for e in listed[0]] == [(written[0], ExportKind.PDF)]
