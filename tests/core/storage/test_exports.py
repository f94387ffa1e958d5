"""The files written from a session: recorded, listed, gone with the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.clock import FakeClock
from facilitator.core.storage.errors import SessionNotFound
from facilitator.core.storage.records import ExportKind, HistoryQuery, SessionLifecycle
from facilitator.core.storage.repository import Repository
from tests.core.storage.helpers import new_session


def test_exports_are_listed_oldest_first_and_a_replaced_file_once(
    repo: Repository, clock: FakeClock, tmp_path: Path
) -> None:
    session = new_session(repo)
    pdf = tmp_path / "Att mötas.pdf"
    repo.exports.record(session.uuid, [pdf], ExportKind.PDF)
    clock.advance(60)
    repo.exports.record(
        session.uuid, [tmp_path / "a-reflektioner.csv", tmp_path / "a-steg.csv"], ExportKind.CSV
    )
    clock.advance(60)
    repo.exports.record(session.uuid, [pdf], ExportKind.PDF)  # written again, replaced
    listed = repo.exports.for_session(session.uuid)
    assert [(e.path.name, e.kind) for e in listed] == [
        ("a-reflektioner.csv", ExportKind.CSV),
        ("a-steg.csv", ExportKind.CSV),
        ("Att mötas.pdf", ExportKind.PDF),
    ]
    assert listed[-1].created_at == clock.now()


def test_exports_go_with_the_session(repo: Repository, tmp_path: Path) -> None:
    session = new_session(repo)
    repo.exports.record(session.uuid, [tmp_path / "x.pdf"], ExportKind.PDF)
    repo.erasure.delete_session(session.uuid)
    with pytest.raises(SessionNotFound):
        repo.exports.for_session(session.uuid)
    with pytest.raises(SessionNotFound):
        repo.exports.record(session.uuid, [tmp_path / "y.pdf"], ExportKind.PDF)


def test_rehearsals_stay_out_of_the_history_unless_asked_for(repo: Repository) -> None:
    real = new_session(repo, "På riktigt")
    practice = repo.sessions.create(title="Provkörning", plan_json="{}", modules=(), rehearsal=True)
    for session in (real, practice):
        repo.sessions.set_status(session.uuid, SessionLifecycle.FINISHED)
    assert repo.sessions.get(practice.uuid).rehearsal is True
    assert repo.sessions.get(real.uuid).rehearsal is False
    default = repo.history.page(HistoryQuery())
    assert [item.title for item in default.items] == ["På riktigt"] and default.total == 1
    everything = repo.history.page(HistoryQuery(include_rehearsals=True))
    assert {item.title: item.rehearsal for item in everything.items} == {
        "På riktigt": False,
        "Provkörning": True,
    }


def test_an_html_summary_is_recorded_as_html(repo: Repository, tmp_path: Path) -> None:
    """Migration 0003: the accessible twin of the summary is a kind of its own."""
    session = new_session(repo)
    page = tmp_path / "Att mötas.html"
    repo.exports.record(session.uuid, [page], ExportKind.HTML)
    assert [(e.path, e.kind) for e in repo.exports.for_session(session.uuid)] == [
        (page, ExportKind.HTML)
    ]
