"""Soak (d): the summary PDF of the largest session, exported again and again.

A finished session with 500 reflections (mostly Swedish, every fifth in Arabic, Persian,
Tigrinya or Somali; notes, quotes, parked questions, actions), attendance and evaluation is
written through the storage API into a real SQLite file; its summary PDF is then exported 20
times through the export service, as the app's export does. Time and memory must stay flat:
the median of the last five exports within 25 % of the median of exports 2–6, and resident
memory after the last export within 10 % of memory after the third. ``--untimed`` (the quick form in `make test`) reports the times but
judges only memory and output: eight exports on a shared machine cannot tell a trend from noise.

Run alone: ``python -m tests.soak.export_repeat [--runs N]``."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from tests.soak.common import note, offscreen, rss_mb, verdict

if TYPE_CHECKING:
    from facilitator.core.storage.records import ReflectionKind

NAME = "repeated export"
REFLECTIONS = 500
TIME_LIMIT = 1.25
GROWTH_LIMIT = 0.10


def _reflections() -> list[tuple[str, str, ReflectionKind, str]]:
    from tests.bench.export_bench import KINDS, _texts
    from tests.core.export.sample_data import STEPS

    prompts = [s for s in STEPS if s.kind in ("prompt", "reflection", "activity")]
    return [
        (
            prompts[i % len(prompts)].step_key,
            f"Fråga {i % len(prompts) + 1}",
            KINDS[i % len(KINDS)],
            text,
        )
        for i, text in enumerate(_texts())
    ]


def run(runs: int, timed: bool = True) -> int:
    offscreen()
    from pypdf import PdfReader

    from facilitator.core.export.service import export_summary_pdf
    from tests.core.export.sample_data import add_session, example_manifests, open_sample_db

    with tempfile.TemporaryDirectory(prefix="facilitator-soak-export-") as temp:
        folder = Path(temp)
        db = open_sample_db(folder)
        try:
            reflections = _reflections()
            assert len(reflections) == REFLECTIONS
            session = add_session(db, reflections=reflections)
            manifests = example_manifests()
            note(f"{NAME}: a session with {REFLECTIONS} reflections, {runs} summary PDFs …")
            seconds: list[float] = []
            memory: list[float] = []
            sizes: list[int] = []
            for number in range(1, runs + 1):
                target = folder / f"sammanfattning-{number}.pdf"
                began = time.perf_counter()
                export_summary_pdf(db.repo, session, target, manifests=manifests)
                seconds.append(time.perf_counter() - began)
                sizes.append(target.stat().st_size)
                if number == 1:
                    pages = len(PdfReader(target).pages)
                target.unlink()
                memory.append(rss_mb())
                note(f"  export {number:2d}: {seconds[-1]:.2f} s, RSS {memory[-1]:.1f} MB")
        finally:
            db.close()
    early = statistics.median(seconds[1:6])
    late = statistics.median(seconds[-5:])
    warm, end = memory[2], memory[-1]
    growth = (end - warm) / warm
    same_file = len(set(sizes)) == 1
    flat = late <= early * TIME_LIMIT or not timed
    passed = flat and growth <= GROWTH_LIMIT and same_file
    return verdict(
        NAME,
        passed,
        f"{runs} PDFs of {pages} pages ({REFLECTIONS} reflections): median {early:.2f} s "
        f"(exports 2–6) → {late:.2f} s (last 5), "
        f"{f'limit ×{TIME_LIMIT}' if timed else 'not judged'}; RSS {warm:.1f} MB after "
        f"the 3rd → {end:.1f} MB after the last ({growth * 100:+.1f} %, limit "
        f"+{GROWTH_LIMIT * 100:.0f} %); {'every file the same size' if same_file else 'sizes differ'}",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--untimed", action="store_true", help="judge memory and output only")
    args = parser.parse_args(argv)
    try:
        return run(max(args.runs, 8), timed=not args.untimed)
    except Exception as error:
        traceback.print_exc()
        return verdict(NAME, False, f"stopped: {error!r}")


if __name__ == "__main__":
    sys.exit(main())
