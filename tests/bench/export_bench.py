"""Export benchmark. Prints one table row; asserts nothing.

The summary PDF of a session with 500 reflections against a bare reportlab build of the same
paragraphs (SimpleDocTemplate, the same embedded font; no cover, tables, charts, headers,
page numbers or script handling), alternately in the same run, median of 5 each. Targets:
ratio of medians ≤ 1.5, and under 2 s.

"The same paragraphs" are the reflection paragraphs the summary prints: each reflection once
in its step's list, and the agreed actions and parked questions a second time in their boxes
on the first page — so the baseline prints those twice as well. The mix of kinds is what
sessions have: mostly notes, some quotes, a few parked questions and actions; every fifth
reflection is in Arabic, Persian, Tigrinya or Somali.

Run: ``python -m tests.bench.export_bench``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate

from facilitator.core.export.fonts import bundled_fonts
from facilitator.core.export.model import SessionExport
from facilitator.core.export.styles import styles
from facilitator.core.export.summary_pdf import write_summary_pdf
from facilitator.core.storage.records import ReflectionKind, ReflectionRecord, SessionLifecycle
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
# 6 notes, 2 quotes, 1 parked question, 1 action in every 10.
KINDS = (
    *(ReflectionKind.NOTE,) * 6,
    *(ReflectionKind.QUOTE,) * 2,
    ReflectionKind.PARKING,
    ReflectionKind.ACTION,
)
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
        status=SessionLifecycle.FINISHED,
        created_at=start,
        started_at=start,
        ended_at=start + timedelta(hours=2),
        modules=(MODULE,),
        steps=STEPS,
        reflections=reflections,
        attendance=ATTENDANCE,
        evaluation=(knowledge((5, 4, 2, 1)), USEFUL),
    )


def _printed(session: SessionExport) -> list[str]:
    twice = (ReflectionKind.ACTION, ReflectionKind.PARKING)
    return [r.text for r in session.reflections] + [
        r.text for r in session.reflections if r.kind in twice
    ]


def _bare(texts: list[str], target: Path) -> None:
    style = styles().body
    doc = SimpleDocTemplate(str(target), pagesize=A4, initialFontName=style.fontName)
    doc.build([Paragraph(escape(text), style) for text in texts])


def _time(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(folder: Path) -> BenchResult:
    bundled_fonts()  # registration is a once-per-process cost, outside both timings
    session = _session(_texts())
    texts = _printed(session)
    ours: list[float] = []
    bare: list[float] = []
    for run in range(RUNS):
        summary, baseline = folder / f"summary-{run}.pdf", folder / f"bare-{run}.pdf"
        ours.append(_time(partial(write_summary_pdf, session, summary)))
        bare.append(_time(partial(_bare, texts, baseline)))
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


def run() -> BenchResult:
    """For ``make bench`` (tests/bench/__main__.py)."""
    with tempfile.TemporaryDirectory(prefix="facilitator-export-bench-") as folder:
        return measure(Path(folder))


def main() -> None:
    print(run().row())


if __name__ == "__main__":
    main()
