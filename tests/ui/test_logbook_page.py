"""Min loggbok in the real app: answers written alone shown by module, edited in place (saved
once committed), deleted after a question, and exported as PDF (read back) and Markdown."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from facilitator.app import Application
from facilitator.core.export.file_names import ExportFiles
from tests.app_in_process import MODULE
from tests.ui.test_self_study_view import answers_on_disk


def answered(app: Application, qtbot: Any, texts: dict[str, str]) -> None:
    service = app.parts.self_study
    qtbot.waitUntil(lambda: service.loaded, timeout=10_000)
    module = app.services.catalog.open_module(MODULE)
    path = service.path(module.manifest)
    asked = [step for step in path.steps if step.question]
    results = [
        service.save_answer(MODULE, path.version, step.step_id, step.question or "", text)
        for step, text in zip(asked, texts.values(), strict=False)
    ]
    qtbot.waitUntil(lambda: all(r.saved for r in results), timeout=5_000)


def test_edit_delete_and_export(
    application: Application, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    app = application
    # Where the files went is told in a modal dialog; the test reads the files instead.
    told: list[list[Path]] = []
    monkeypatch.setattr(
        "facilitator.ui.export_runner.tell_written",
        lambda _parent, paths, _open: told.append(paths),
    )
    answered(app, qtbot, {"a": "Forsta svaret", "b": "Andra svaret", "c": "Tredje svaret"})
    asked: list[str] = []
    app.parts.logbook._ask = lambda text, informative: asked.append(informative) or True
    app.window.logbook_requested.emit()
    page = app.parts.logbook_page
    assert app.window.current_page() is page
    assert len(page.boxes) == 3
    box = next(iter(page.boxes.values()))
    box.editor.setFocus()
    box.editor.moveCursor(box.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(box.editor, " och mer")
    assert box.state.text() == ""  # typed, not yet saved: no "Sparat"
    qtbot.waitUntil(lambda: box.state.text() == "Sparat", timeout=5_000)
    assert "Forsta svaret och mer" in answers_on_disk(app.services.paths.database_file).values()
    # Delete one answer: asked first, and it is gone from the disk.
    second_id = list(page.boxes)[1]
    page.delete_answer_requested.emit(second_id, "?")
    assert "kan inte återställas" in asked[-1]
    assert second_id not in page.boxes
    qtbot.waitUntil(
        lambda: "Andra svaret" not in answers_on_disk(app.services.paths.database_file).values(),
        timeout=5_000,
    )
    # Export: PDF and Markdown through the export flow.
    pdf, markdown = tmp_path / "loggbok.pdf", tmp_path / "loggbok.md"
    with qtbot.waitSignal(app.parts.exports.finished, timeout=20_000):
        app.parts.logbook.write(ExportFiles.chosen(pdf, ".pdf"))
    with qtbot.waitSignal(app.parts.exports.finished, timeout=20_000):
        app.parts.logbook.write(ExportFiles.chosen(markdown, ".md"))
    assert told == [[pdf], [markdown]]
    text = markdown.read_text(encoding="utf-8")
    assert "Forsta svaret och mer" in text and "Tredje svaret" in text
    assert "Andra svaret" not in text
    if shutil.which("pdftotext"):
        read = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        assert "Forsta svaret och mer" in read.stdout and "Andra svaret" not in read.stdout
    # Delete the whole module: the logbook is empty.
    page.delete_module_requested.emit(MODULE, "Grund 1")
    assert not page.boxes
    assert not page.pdf.isEnabled()
    qtbot.waitUntil(lambda: not answers_on_disk(app.services.paths.database_file), timeout=5_000)
