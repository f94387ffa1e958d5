"""History through the real storage gateway on its serial writer: list, delete for real, and
the exported files the deletion names and may take with it."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.history_rig import Answers, history_rig, seed


def _export_pdf(qtbot, rig, uuid: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(rig.runner.finished, timeout=30_000):
        rig.controller.exporter.export_pdf(uuid)


@pytest.mark.parametrize("take_files", [False, True])
def test_deleting_names_the_exported_files_and_may_delete_them(
    qtbot, facilitator_home, monkeypatch, tmp_path, take_files: bool
) -> None:
    answers = Answers(buttons={"DeleteSessionQuestion": "Ta bort för gott"})
    answers.install(monkeypatch)
    victim, _kept = seed(_paths(), ("Tisdagsgruppen", "Onsdagsgruppen"))
    rig = history_rig(qtbot, answers)
    rig.page.show()
    rig.controller.show()
    qtbot.waitUntil(lambda: rig.page.model.rowCount() == 2, timeout=10_000)
    summary = tmp_path / "ut" / "Tisdag.pdf"
    moved_away = tmp_path / "ut" / "Tisdag (flyttad).pdf"
    summary.parent.mkdir()
    for target in (summary, moved_away):
        answers.file = target
        _export_pdf(qtbot, rig, victim)
    moved_away.unlink()  # the leader moved it: it is not offered
    answers.check_the_box = take_files
    done: list[bool] = []
    rig.controller.delete(victim, lambda: done.append(True))
    qtbot.waitUntil(lambda: rig.page.model.rowCount() == 1 and bool(done), timeout=10_000)
    (question,) = answers.texts("DeleteSessionQuestion")
    assert "”Tisdagsgruppen”, Kalmar" in question
    assert "raderas på riktigt" in question
    assert f"finns kvar:\nI mappen {summary.parent}:\n• Tisdag.pdf" in question
    assert "flyttad" not in question
    assert summary.exists() is not take_files
    rig.close()
    with sqlite3.connect(rig.paths.database_file) as connection:
        left = {uuid for (uuid,) in connection.execute("SELECT uuid FROM sessions")}
        texts = [text for (text,) in connection.execute("SELECT text FROM reflections")]
        exports = connection.execute("SELECT count(*) FROM exports").fetchone()[0]
    assert victim not in left and len(left) == 1
    assert texts == ["Citat från Onsdagsgruppen"]
    assert exports == 0


def test_without_exports_the_question_has_no_files_and_cancel_keeps_all(
    qtbot, facilitator_home, monkeypatch
) -> None:
    answers = Answers()  # Enter: the default, Avbryt
    answers.install(monkeypatch)
    (victim,) = seed(_paths(), ("Tisdagsgruppen",))
    rig = history_rig(qtbot, answers)
    rig.controller.show()
    qtbot.waitUntil(lambda: rig.page.model.rowCount() == 1, timeout=10_000)
    rig.controller.delete(victim)
    qtbot.waitUntil(lambda: bool(answers.shown), timeout=10_000)
    box = answers.shown[0]
    assert box.checkBox() is None and "exporterades" not in box.informativeText()
    assert box.defaultButton().text() == "Avbryt"
    assert isinstance(box, QMessageBox)
    rig.close()
    assert rig.page.model.rowCount() == 1


def test_rehearsals_show_only_when_asked_for(qtbot, facilitator_home, monkeypatch) -> None:
    seed(_paths(), ("Riktig", "Provkörning"), rehearsal="Provkörning")
    rig = history_rig(qtbot, Answers())
    rig.controller.show()
    qtbot.waitUntil(lambda: rig.page.model.rowCount() == 1, timeout=10_000)
    assert rig.page.model.row(0).title == "Riktig"
    rig.page.rehearsals.setChecked(True)
    qtbot.waitUntil(lambda: rig.page.model.rowCount() == 2, timeout=10_000)
    rig.close()


def _paths():  # type: ignore[no-untyped-def]
    from facilitator.core.paths import resolve_paths

    paths = resolve_paths()
    paths.ensure()
    return paths
