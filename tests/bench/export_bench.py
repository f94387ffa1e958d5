"""Export benchmark. Prints one table row; asserts nothing.

The summary PDF of a session with 500 reflections against a bare reportlab build of the same
reflection paragraphs (SimpleDocTemplate, the same embedded font, no cover, tables, charts,
headers or script handling), alternately in the same run, median of 5 each. Targets: ratio
of medians ≤ 1.5, and under 2 s.

Run: ``python -m tests.bench.export_bench``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from facilitator.core.export.fonts import bundled_fonts
from facilitator.core.export.model import SessionExport
from facilitator.core.export.styles import styles
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.storage.records import ReflectionKind, ReflectionRecord, SessionStatus
from tests.bench.common import BenchResult
from tests.core.export.sample_data import (
    ARABIC,
    ATTENDANCE,
    MODULE,
    PERSIAN,
    SOMALI,
    STEPS,
    TIGRINYA,
    USEFUL,
    knowledge,
)

REFLECTIONS = 500
RUNS = 5
KINDS = tuple(ReflectionKind)
SWEDISH = (
    "Vi pratade om hur tystnad kan betyda olika saker i olika sammanhang, och om att fråga "
    "hellre än att gissa när något känns oklart i mötet med en kollega eller en brukare."
)


def _texts() -> list[str]:
    # Mostly Swedish, as the groups write, with every fifth reflection in another script.
    others = (ARABIC, PERSIAN, TIGRINYA, SOMALI)
    return [
        others[(i // 5) % len(others)] if i % 5 == 4 else f"{i + 1}. {SWEDISH}"
        for i in range(REFLECTIONS)
    ]


def _session(texts: list[str]) -> SessionExport:
    start = datetime(2025, 3, 14, 8, 0, tzinfo=UTC)
    prompts = [s for s in STEPS if s.kind in ("prompt", "reflection", "activity")]
    reflections = tuple(
        ReflectionRecord(
            uuid=str(uuid.uuid4()),
            session_uuid="bench",
            step_key=prompts[i % len(prompts)].step_key,
            prompt_text=f"Fråga {i % len(prompts) + 1}",
            kind=KINDS[i % len(KINDS)],
            text=text,
            created_at=start + timedelta(seconds=10 * i),
            edited_at=None,
        )
        for i, text in enumerate(texts)
    )
    return SessionExport(
        uuid="bench",
        title="Benchmark: en lång session",
        place="Kalmar",
        leader_name="Amina Hassan",
        status=SessionStatus.FINISHED,
        created_at=start,
        started_at=start,
        ended_at=start + timedelta(hours=2),
        modules=(MODULE,),
        steps=STEPS,
        reflections=reflections,
        attendance=ATTENDANCE,
        evaluation=(knowledge((5, 4, 2, 1)), USEFUL),
    )


def _bare(texts: list[str], target: Path) -> None:
    style = styles().body
    doc = SimpleDocTemplate(str(target), pagesize=A4, initialFontName=style.fontName)
    doc.build([Paragraph(escape(text), style) for text in texts])


def _time(action: object) -> float:
    assert callable(action)
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(folder: Path) -> BenchResult:
    bundled_fonts()  # registration is a once-per-process cost, outside both timings
    texts = _texts()
    session = _session(texts)
    ours: list[float] = []
    bare: list[float] = []
    for run in range(RUNS):
        ours.append(_time(lambda: write_summary_pdf(session, folder / f"summary-{run}.pdf")))
        bare.append(_time(lambda: _bare(texts, folder / f"bare-{run}.pdf")))
    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    ratio = ours_median / bare_median
    return BenchResult(
        name=f"summary PDF ({REFLECTIONS} reflections)",
        figure=f"{ours_median:.2f} s",
        baseline=f"{bare_median:.2f} s bare reportlab",
        ratio=ratio,
        target="ratio ≤ 1.5 and < 2 s",
        holds=ratio <= 1.5 and ours_median < 2.0,
    )


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="facilitator-export-bench-") as folder:
        print(measure(Path(folder)).row())


if __name__ == "__main__":
    main()
