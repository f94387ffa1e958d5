"""Screenshots of the planner (place, leader, length against the chosen length) and of the
export and deletion messages, with real module content, to look at.

    .venv/bin/python -m tests.ui.shoot_records OUTPUT_DIR

The planner is the real app's, on Qt's offscreen platform; each message box is built as the
app builds it and rendered alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}"
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from facilitator.app import Application  # noqa: E402
from facilitator.core.export.file_names import ExportFiles  # noqa: E402
from facilitator.core.plan_fit import fit_to_length  # noqa: E402
from facilitator.core.storage.records import SessionLifecycle, SessionRecord  # noqa: E402
from facilitator.startup import prepare  # noqa: E402
from facilitator.ui.console.rehearsal_question import RehearsalEndedQuestion  # noqa: E402
from facilitator.ui.export_destination import ExistingFilesQuestion  # noqa: E402
from facilitator.ui.export_done import FolderNotOpened, WrittenMessage  # noqa: E402
from facilitator.ui.library.delete_question import DeleteSessionQuestion  # noqa: E402
from facilitator.ui.library.fit_question import FitPlanQuestion  # noqa: E402
from facilitator.ui.theme import stylesheet  # noqa: E402

STEM = "2026-03-12-Grund-1-i-Kalmar"


def settle(ms: int = 150) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, path: Path) -> None:
    if isinstance(widget, QMessageBox):
        widget.show()
        widget.adjustSize()
    settle()
    widget.grab().save(str(path))
    print(path)
    if isinstance(widget, QMessageBox):
        widget.close()


def planner(out: Path) -> None:
    app = Application(QApplication.instance(), prepare(portable=False, language="sv"))
    app.start(problems=[], exit_when_ready=False)
    app.window.resize(1280, 800)
    loop = QEventLoop()
    app.settled.connect(loop.quit)
    loop.exec()
    if not app.parts.library.all_checked:
        app.parts.library.checked.connect(loop.quit)
        loop.exec()
    app.library.select("grund-1-vad-ar-kultur")
    app.library.set_minutes(75)
    app.library._request_plan()
    page = app.parts.planner
    page.place_edit.setText("Kalmar, Stadshuset – sal Kalmarsund")
    page.leader_edit.setText("Amina Hassan")
    shoot(app.window, out / "planner.png")
    page.table.selectRow(5)
    page.break_button.click()
    shoot(app.window, out / "planner-grown.png")
    proposal = fit_to_length(page.plan, 75)
    assert proposal is not None
    shoot(FitPlanQuestion(app.window, proposal, 75), out / "planner-fit-question.png")
    app.shutdown()


def messages(out: Path) -> None:
    QApplication.instance().setStyleSheet(stylesheet("console"))  # type: ignore[union-attr]
    folder = Path(tempfile.mkdtemp(prefix="Rapporter-"))
    pdf = folder / f"{STEM}.pdf"
    pdf.write_bytes(b"%PDF")
    shoot(ExistingFilesQuestion(None, ExportFiles.chosen(pdf, ".pdf")), out / "export-exists.png")
    tables = ExportFiles(folder, STEM, ("-reflektioner.csv", "-steg.csv"))
    shoot(WrittenMessage(None, [pdf]), out / "export-written.png")
    shoot(WrittenMessage(None, list(tables.paths)), out / "export-written-tables.png")
    shoot(FolderNotOpened(None, folder), out / "export-folder-not-opened.png")
    when = datetime(2026, 3, 12, 12, 40, tzinfo=UTC)
    record = SessionRecord(
        uuid="s1",
        title="Grund 1 i Kalmar",
        plan_json="{}",
        modules=(),
        place="Kalmar, Stadshuset",
        leader_name="Amina Hassan",
        status=SessionLifecycle.FINISHED,
        current_step_key=None,
        engine_state_json=None,
        started_at=when,
        ended_at=when,
        created_at=when,
        updated_at=when,
    )
    files = [pdf, *tables.paths]
    shoot(DeleteSessionQuestion(None, record, files), out / "delete-with-files.png")
    shoot(DeleteSessionQuestion(None, record, []), out / "delete-without-files.png")
    shoot(RehearsalEndedQuestion(None), out / "rehearsal-ended.png")


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    QApplication(sys.argv[:1])
    planner(out)
    messages(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
