"""Screenshots of the capture, close-out, history and resume widgets with real module content.

    .venv/bin/python -m tests.ui.shoot_closeout OUTPUT_DIR

Each widget is rendered alone at 1280×800 on Qt's offscreen platform, with the app's
stylesheet (the whole console is in tests/screenshots.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'screens.json'}"
os.environ.setdefault("FACILITATOR_HOME", tempfile.mkdtemp(prefix="facilitator-shots-"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from facilitator.core.application.reflection_ledger import (  # noqa: E402
    LedgerEntry,
    SaveState,
    StepReflections,
)
from facilitator.core.content.loader import load_manifest  # noqa: E402
from facilitator.core.content.manifest import EvaluationStep, Manifest  # noqa: E402
from facilitator.core.storage.records import (  # noqa: E402
    AttendanceCounts,
    HistoryPage,
    HistoryQuery,
    ModuleRef,
    ReflectionKind,
    ReflectionRecord,
    SessionLifecycle,
    SessionSummary,
)
from facilitator.ui.console.closeout_pages import (  # noqa: E402
    AttendancePage,
    EvaluationPage,
    ParkingLotPage,
)
from facilitator.ui.library.history_page import SessionHistoryPage as HistoryView  # noqa: E402
from facilitator.ui.theme import stylesheet  # noqa: E402
from facilitator.ui.widgets.reflection_panel import ReflectionPanel  # noqa: E402
from facilitator.ui.widgets.resume_dialog import InterruptedSummary, ResumeDialog  # noqa: E402

MODULE = ROOT / "modules" / "01-grund-1-vad-ar-kultur"
PROMPT = "Vad är självklart för oss här, men kan vara svårt att förstå för den som är ny?"
NOW = datetime(2026, 3, 12, 13, 40, tzinfo=UTC)
SAMPLE_REFLECTIONS = (
    (ReflectionKind.QUOTE, "”Man tar av sig skorna hemma – det har ingen sagt till mig.”"),
    (ReflectionKind.NOTE, "Flera nämnde fika som något man förväntas delta i utan att få veta."),
    (ReflectionKind.PARKING, "Hur berättar vi om oskrivna regler för nyanställda?"),
    (ReflectionKind.ACTION, "Vi tar upp välkomstrutinen på nästa APT i april."),
    (ReflectionKind.PARKING, "Vad säger lagen om ledighet vid religiösa högtider?"),
)


def settle(ms: int = 100) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget: QWidget, path: Path, width: int = 1280, height: int = 800) -> None:
    """At width×height; a dialog at the size it asks for (0×0)."""
    if width and height:
        widget.resize(width, height)
    else:
        widget.adjustSize()
    widget.show()
    widget.activateWindow()
    settle()
    widget.grab().save(str(path))
    print(path)


def manifest() -> Manifest:
    loaded = load_manifest(MODULE).manifest
    assert loaded is not None
    return loaded


def reflections() -> list[ReflectionRecord]:
    return [
        ReflectionRecord(
            uuid=f"r{i}",
            session_uuid="s1",
            step_key="grund-1-vad-ar-kultur/det-sjalvklara",
            prompt_text=PROMPT,
            kind=kind,
            text=text,
            created_at=NOW + timedelta(minutes=i),
            edited_at=None,
        )
        for i, (kind, text) in enumerate(SAMPLE_REFLECTIONS)
    ]


def reflection_panel() -> ReflectionPanel:
    panel = ReflectionPanel()
    records = reflections()
    entries = tuple(
        LedgerEntry(record, SaveState.SAVED if index < 3 else SaveState.SAVING)
        for index, record in enumerate(records[:4])
    )
    panel.show_reflections(StepReflections(records[0].step_key, entries, SaveState.SAVING))
    panel._choose(ReflectionKind.QUOTE)
    panel.entry.setPlainText("”Hos oss hälsar man på alla i personalrummet, men ingen")
    return panel


def summaries(module: Manifest) -> HistoryPage:
    ref = ModuleRef(module.id, module.version, "x", module.title.sv)
    places = ("Kalmar, Kulturhuset", "Nybro kommunhus", "Vimmerby bibliotek", "Borgholm")
    statuses = (SessionLifecycle.FINISHED,) * 3 + (SessionLifecycle.INTERRUPTED,)
    items = tuple(
        SessionSummary(
            uuid=f"s{i}",
            title=("Socialtjänsten, vuxen", "Arbetsmarknadsenheten", "Förskolan Solrosen")[i % 3],
            place=places[i % 4],
            leader_name="Amina Berg",
            status=statuses[i % 4],
            started_at=NOW - timedelta(days=6 * i, hours=i % 3),
            ended_at=None,
            created_at=NOW - timedelta(days=6 * i + 1),
            modules=(ref,),
            reflection_count=12,
            participant_count=None if i % 5 == 3 else 9 + i % 7,
        )
        for i in range(14)
    )
    return HistoryPage(items=items, total=37, query=HistoryQuery(limit=50))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(stylesheet("console"))
    module = manifest()
    shoot(reflection_panel(), out / "capture-panel.png", 420, 800)
    attendance = AttendancePage()
    attendance.set_counts(
        AttendanceCounts(
            women=9, men=5, other=1, not_stated=1, integration_staff=6, newcomer_staff=8, managers=2
        )
    )
    shoot(attendance, out / "attendance.png")
    evaluation = EvaluationPage(60)
    questions = [
        (module.id, q) for s in module.steps if isinstance(s, EvaluationStep) for q in s.questions
    ]
    evaluation.set_questions(questions, {module.id: module.title.sv})
    evaluation.set_participant_count(16)
    for block, counts in zip(evaluation._blocks, ([6, 4, 3, 2], [7, 6, 2]), strict=False):
        for spin, count in zip(block.spins, counts, strict=True):
            spin.set_value(count)
    shoot(evaluation, out / "evaluation.png")
    parking = ParkingLotPage()
    parking.set_closing_text(
        "Tack för i dag! Kultur är inlärd, delad och föränderlig. "
        "Det mesta ligger under ytan – också hos oss själva."
    )
    parking.set_reflections(reflections())
    shoot(parking, out / "parking-lot.png")
    history = HistoryView()
    history.set_modules([(module.id, module.title.sv)])
    history.set_page(summaries(module))
    history.table.selectRow(1)
    shoot(history, out / "history.png")
    resume = ResumeDialog(
        InterruptedSummary(
            title="Socialtjänsten, vuxen",
            place="Kalmar, Kulturhuset",
            started_at=NOW,
            step_title="Det självklara hos oss (steg 8 av 11)",
            reflection_count=17,
        )
    )
    shoot(resume, out / "resume.png", 0, 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
