"""Wherever the summary PDF is offered (history, session detail, the end of a session: all go
through ``SessionExporter.export_pdf``), the save dialog also offers the accessible web page;
the ending typed, or the filter chosen, decides which is written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from facilitator.ui.export_destination import chosen_ending
from tests.ui.history_rig import Answers, history_rig, seed

FORMATS = [(".pdf", "PDF-dokument (*.pdf)"), (".html", "Tillgänglig webbsida (*.html)")]


def test_the_ending_typed_or_the_filter_chosen_decides() -> None:
    assert chosen_ending(Path("a/Kalmar.HTML"), FORMATS[0][1], FORMATS) == ".html"
    assert chosen_ending(Path("a/Kalmar.pdf"), FORMATS[1][1], FORMATS) == ".pdf"
    assert chosen_ending(Path("a/Kalmar mars"), FORMATS[1][1], FORMATS) == ".html"
    assert chosen_ending(Path("a/Kalmar mars"), "", FORMATS) == ".pdf"


def test_the_summary_saved_as_a_web_page(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    answers = Answers(file=tmp_path / "Kalmar mars.html")
    answers.install(monkeypatch)
    filters: list[str] = []
    save = answers._save_file

    def save_file(parent, caption, start, file_filter, *rest):  # type: ignore[no-untyped-def]
        filters.append(file_filter)
        return save(parent, caption, start, file_filter, *rest)

    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file)
    from facilitator.core.paths import resolve_paths

    paths = resolve_paths()
    paths.ensure()
    (uuid,) = seed(paths, ("Grund 1 i Kalmar",))
    rig = history_rig(qtbot, answers)
    with qtbot.waitSignal(rig.runner.finished, timeout=30_000) as done:
        rig.controller.exporter.export_pdf(uuid)
    written = done.args[0]
    assert written == tmp_path / "Kalmar mars.html"
    assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert filters == ["PDF-dokument (*.pdf);;Tillgänglig webbsida (*.html)"]
    assert answers.file_dialog_start.name.endswith(".pdf")  # the PDF stays the default
    (told,) = answers.texts("WrittenMessage")
    assert "• Kalmar mars.html" in told
    rig.close()
    with sqlite3.connect(rig.paths.database_file) as connection:
        rows = connection.execute("SELECT path, kind FROM exports").fetchall()
    connection.close()
    assert rows == [(str(written), "html")]  # migration 0003
