"""Exporting a session: the leader chooses where, the folder is remembered, an existing file is
never replaced without asking, and the leader is told what was written where — also when the
folder cannot be opened on this computer."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication

from facilitator.ui.export_destination import documents_folder
from tests.ui.history_rig import Answers, HistoryRig, history_rig, seed


def _rig(qtbot, monkeypatch, answers: Answers) -> tuple[HistoryRig, str]:  # type: ignore[no-untyped-def]
    answers.install(monkeypatch)
    from facilitator.core.paths import resolve_paths

    paths = resolve_paths()
    paths.ensure()
    (uuid,) = seed(paths, ("Grund 1 i Kalmar",))
    return history_rig(qtbot, answers), uuid


def _export(qtbot, rig: HistoryRig, uuid: str, kind: str = "pdf") -> object:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(rig.runner.finished, timeout=30_000) as done:
        getattr(rig.controller.exporter, f"export_{kind}")(uuid)
    return done.args[0]


def _recorded(rig: HistoryRig) -> list[str]:
    rig.close()
    with sqlite3.connect(rig.paths.database_file) as connection:
        return [path for (path,) in connection.execute("SELECT path FROM exports ORDER BY id")]


def test_the_summary_goes_where_the_leader_chose_and_the_folder_is_remembered(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "Rapporter" / "Kalmar mars"  # typed without .pdf
    answers = Answers(file=target)
    rig, uuid = _rig(qtbot, monkeypatch, answers)
    written = _export(qtbot, rig, uuid)
    assert answers.file_dialog_start.parent == documents_folder()
    assert answers.file_dialog_start.name.endswith("-Grund-1-i-Kalmar.pdf")
    pdf = target.with_name("Kalmar mars.pdf")
    assert written == pdf and pdf.read_bytes().startswith(b"%PDF")
    assert rig.settings.current.export_folder == str(pdf.parent)
    (told,) = answers.texts("WrittenMessage")
    assert "• Kalmar mars.pdf" in told and f"I mappen {pdf.parent}" in told
    answers.file = None  # the next dialog: where does it start? (then cancelled)
    rig.controller.exporter.export_pdf(uuid)
    qtbot.waitUntil(lambda: answers.file_dialog_start.parent == pdf.parent, timeout=10_000)
    assert _recorded(rig) == [str(pdf)]


def test_without_a_documents_folder_the_dialog_starts_at_home(monkeypatch, tmp_path: Path) -> None:
    missing = tmp_path / "Documents"  # a new account, or a system that makes none
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(missing))
    assert documents_folder() == Path.home()
    missing.mkdir()
    assert documents_folder() == missing


def test_an_existing_file_is_kept_and_the_new_one_numbered(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    pdf = tmp_path / "Sammanfattning.pdf"
    pdf.write_bytes(b"the one already sent")
    answers = Answers(file=pdf)
    rig, uuid = _rig(qtbot, monkeypatch, answers)
    written = _export(qtbot, rig, uuid)  # the default answer: a new name
    assert written == tmp_path / "Sammanfattning (2).pdf"
    assert pdf.read_bytes() == b"the one already sent"
    (question,) = [b for b in answers.shown if type(b).__name__ == "ExistingFilesQuestion"]
    assert "• Sammanfattning.pdf" in question.text()
    assert question.defaultButton().text() == "Spara som ”Sammanfattning (2).pdf”"
    assert {b.text() for b in question.buttons()} == {
        "Spara som ”Sammanfattning (2).pdf”",
        "Ersätt",
        "Avbryt",
    }
    answers.buttons["ExistingFilesQuestion"] = "Ersätt"
    assert _export(qtbot, rig, uuid) == pdf
    assert pdf.read_bytes().startswith(b"%PDF")
    assert _recorded(rig) == [str(tmp_path / "Sammanfattning (2).pdf"), str(pdf)]


def test_cancelling_at_the_existing_file_writes_nothing(qtbot, monkeypatch, tmp_path: Path) -> None:
    pdf = tmp_path / "Sammanfattning.pdf"
    pdf.write_bytes(b"keep me")
    answers = Answers(file=pdf, buttons={"ExistingFilesQuestion": "Avbryt"})
    rig, uuid = _rig(qtbot, monkeypatch, answers)
    rig.controller.exporter.export_pdf(uuid)
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=10_000)
    qtbot.wait(200)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Sammanfattning.pdf", "home"]
    assert pdf.read_bytes() == b"keep me"
    assert _recorded(rig) == []


def test_the_tables_go_in_a_chosen_folder_under_one_free_name(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    answers = Answers(folder=tmp_path)
    rig, uuid = _rig(qtbot, monkeypatch, answers)
    first = _export(qtbot, rig, uuid, "csv")
    assert isinstance(first, list) and len(first) == 2
    first[1].unlink()  # only one of the two exists now: both still get the new name
    second = _export(qtbot, rig, uuid, "csv")
    assert [p.name.split(" (2)")[1] for p in second] == ["-reflektioner.csv", "-steg.csv"]
    assert first[0].exists()
    told = answers.texts("WrittenMessage")[-1]
    assert "De här filerna är sparade" in told and str(tmp_path) in told
    assert len(_recorded(rig)) == 4


def test_open_folder_and_when_it_cannot_be_opened_the_path_to_copy(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    answers = Answers(
        file=tmp_path / "ut.pdf",
        buttons={"WrittenMessage": "Öppna mappen", "FolderNotOpened": "Kopiera sökvägen"},
    )
    rig, uuid = _rig(qtbot, monkeypatch, answers)
    _export(qtbot, rig, uuid)
    assert [url.toLocalFile() for url in answers.opened] == [str(tmp_path)]
    assert answers.texts("FolderNotOpened") == []
    answers.can_open_folders = False
    answers.buttons["ExistingFilesQuestion"] = "Ersätt"
    _export(qtbot, rig, uuid)
    (problem,) = answers.texts("FolderNotOpened")
    assert "inget program som kan visa mappen" in problem
    assert "Filerna är sparade ändå" in problem
    assert str(tmp_path) in problem
    assert QGuiApplication.clipboard().text() == str(tmp_path)
    rig.close()
