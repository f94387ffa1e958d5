"""Storage benchmarks. Prints figures; asserts nothing.

1. A durable reflection save through the repository against a raw sqlite3 INSERT + COMMIT with
   the same pragmas (WAL, synchronous=FULL, …) on the same disk, alternately in the same run.
   Target: ratio of medians ≤ 2 (both pay the same fsync; the rest is our overhead).
2. The history list over 10,000 sessions and 500,000 reflections: the first page as the app
   opens it, plus a search and filters. Target: < 300 ms.

Run: ``python -m tests.bench.storage_bench [--dir FOLDER]``. Put FOLDER on the kind of disk the
laptops have: on tmpfs an fsync costs nothing and the ratio then measures pure overhead.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from facilitator.core.storage.database import open_database
from facilitator.core.storage.records import (
    HistoryQuery,
    ModuleRef,
    ReflectionDraft,
    ReflectionKind,
    SessionLifecycle,
)
from facilitator.core.storage.repository import Repository
from facilitator.core.storage.timestamps import to_text
from tests.bench.common import BenchResult

SAVES = 300
SESSIONS = 10_000
REFLECTIONS_PER_SESSION = 50
QUERY_RUNS = 30
SAVE_TARGET = 2.0
HISTORY_TARGET_MS = 300.0
PRAGMAS = (
    "PRAGMA busy_timeout=5000",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA secure_delete=ON",
)
MODULES = [
    ModuleRef(f"modul-{n}", "1.0", f"sha256:{n}", title)
    for n, title in enumerate(
        [
            "Introduktion för samtalsledare",
            "Kultur och identitet",
            "Kommunikation över språkgränser",
            "Fördomar och bemötande",
            "Att möta nyanlända",
            "Normer i arbetslivet",
            "Mänskliga rättigheter",
            "Konflikter och dialog",
            "Kalmar läns migrationshistoria",
        ]
    )
]
PLACES = ["Kalmar", "Växjö", "Nybro", "Öland", "Västervik", "Emmaboda", "Torsås", "Högsby"]
WORDS = ["Träff", "Arbetsplatsträff", "Pass", "Workshop", "Samtal", "Uppföljning"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _timed(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def bench_saves(folder: Path) -> tuple[BenchResult, str]:
    database = open_database(folder / "saves.sqlite3")
    repo = Repository.of(database)
    session = repo.sessions.create(title="Bänk", plan_json="{}", modules=MODULES[:1])
    raw = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    for pragma in PRAGMAS:
        raw.execute(pragma)
    raw.execute(
        "CREATE TABLE reflections (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, session_id INT,"
        " step_key TEXT, prompt_text TEXT, kind TEXT, text TEXT, created_at TEXT)"
    )
    text = "Vi pratade om hur man tar emot nya kollegor på arbetsplatsen."

    def ours() -> None:
        repo.reflections.save(
            ReflectionDraft(str(uuid.uuid4()), session.uuid, "intro", ReflectionKind.NOTE, text)
        )

    def baseline() -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute(
            "INSERT INTO reflections (uuid, session_id, step_key, prompt_text, kind, text,"
            " created_at) VALUES (?, 1, 'intro', '', 'note', ?, ?)",
            (str(uuid.uuid4()), text, to_text(datetime.now(UTC))),
        )
        raw.execute("COMMIT")

    for _ in range(10):  # warm caches and statement compilation for both
        ours()
        baseline()
    our_ms: list[float] = []
    raw_ms: list[float] = []
    for _ in range(SAVES):
        our_ms.append(_timed(ours))
        raw_ms.append(_timed(baseline))
    raw.close()
    database.close()
    ours_p50, raw_p50 = statistics.median(our_ms), statistics.median(raw_ms)
    ratio = ours_p50 / raw_p50
    detail = (
        f"durable save ({SAVES}×): repository p50 {ours_p50:.2f} ms, p99 "
        f"{percentile(our_ms, 0.99):.2f} ms | raw sqlite3 p50 {raw_p50:.2f} ms, p99 "
        f"{percentile(raw_ms, 0.99):.2f} ms | ratio p50 {ratio:.2f}, p99 "
        f"{percentile(our_ms, 0.99) / percentile(raw_ms, 0.99):.2f}"
    )
    result = BenchResult(
        "durable reflection save (p50)",
        f"{ours_p50:.2f} ms",
        f"{raw_p50:.2f} ms raw INSERT+COMMIT",
        ratio,
        f"ratio ≤ {SAVE_TARGET}",
        ratio <= SAVE_TARGET,
    )
    return result, detail


def _populate(file: Path) -> None:
    """Bulk-load through plain sqlite3: building the data set is not what is measured."""
    open_database(file).close()
    rng = random.Random(20250314)
    start = datetime(2022, 1, 1, 8, 0, tzinfo=UTC)
    connection = sqlite3.connect(file, isolation_level=None)
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("BEGIN")
    sessions, modules, attendance, reflections = [], [], [], []
    for number in range(1, SESSIONS + 1):
        began = start + timedelta(hours=number * 2.5 + rng.random())
        status = rng.choices(list(SessionLifecycle), weights=[2, 1, 3, 94])[0]
        started = None if status is SessionLifecycle.PLANNED else to_text(began)
        ended = (
            to_text(began + timedelta(minutes=90)) if status is SessionLifecycle.FINISHED else None
        )
        created = to_text(began - timedelta(days=2))
        sessions.append(
            (number, str(uuid.UUID(int=number)), f"{rng.choice(WORDS)} {number}", "{}",
             rng.choice(PLACES), None, status.value, None, None, started, ended, created, created,
             0)
        )  # fmt: skip
        for position, module in enumerate(rng.sample(MODULES, rng.choice([1, 1, 2]))):
            modules.append(
                (number, position, module.module_id, "1.0", module.content_hash, module.title)
            )
        attendance.append((number, *(rng.randint(0, 8) for _ in range(9)), created))
        for index in range(REFLECTIONS_PER_SESSION):
            reflections.append(
                (str(uuid.UUID(int=number * 1000 + index)), number, f"step-{index % 8}",
                 "Vad tar du med dig?", rng.choice(["note", "quote", "parking", "action"]),
                 f"Reflektion {index} om bemötande och språk i grupp {number}.", created)
            )  # fmt: skip
    connection.executemany(f"INSERT INTO sessions VALUES ({','.join('?' * 14)})", sessions)
    connection.executemany("INSERT INTO session_modules VALUES (?,?,?,?,?,?)", modules)
    connection.executemany(f"INSERT INTO attendance VALUES ({','.join('?' * 11)})", attendance)
    connection.executemany(
        "INSERT INTO reflections (uuid, session_id, step_key, prompt_text, kind, text,"
        " created_at) VALUES (?,?,?,?,?,?,?)",
        reflections,
    )
    connection.execute("COMMIT")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("ANALYZE")
    connection.close()


def bench_history(folder: Path) -> tuple[BenchResult, list[str]]:
    file = folder / "history.sqlite3"
    began = time.perf_counter()
    _populate(file)
    build_s = time.perf_counter() - began
    lines = [
        f"history data set: {SESSIONS:,} sessions, {SESSIONS * REFLECTIONS_PER_SESSION:,} "
        f"reflections, {file.stat().st_size / 1e6:.0f} MB, built in {build_s:.1f} s"
    ]
    began = time.perf_counter()
    database = open_database(file)
    open_ms = (time.perf_counter() - began) * 1000
    repo = Repository.of(database)
    began = time.perf_counter()
    first_page = repo.history.page(HistoryQuery())
    cold_ms = (time.perf_counter() - began) * 1000
    lines.append(
        f"open_database (quick_check of the whole file included): {open_ms:.0f} ms; then "
        f"first page on a fresh connection: {cold_ms:.1f} ms (total {first_page.total})"
    )
    queries = {
        "first page (50)": HistoryQuery(),
        "page 100 (offset 4950)": HistoryQuery(offset=4950),
        "search 'växjö'": HistoryQuery(text="växjö"),
        "search 'migrationshistoria'": HistoryQuery(text="migrationshistoria"),
        "status finished + module": HistoryQuery(
            statuses=frozenset({SessionLifecycle.FINISHED}), module_id="modul-4"
        ),
        "date range (one year)": HistoryQuery(
            since=datetime(2023, 1, 1, tzinfo=UTC), until=datetime(2024, 1, 1, tzinfo=UTC)
        ),
    }
    worst_p99 = 0.0
    first_p50 = 0.0
    for name, query in queries.items():
        runs = [_timed(partial(repo.history.page, query)) for _ in range(QUERY_RUNS)]
        p50, p99 = statistics.median(runs), percentile(runs, 0.99)
        worst_p99 = max(worst_p99, p99)
        first_p50 = first_p50 or p50
        lines.append(f"history {name}: p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    database.close()
    result = BenchResult(
        "history page, 10k sessions / 500k reflections (worst p99)",
        f"{worst_p99:.1f} ms",
        f"first page p50 {first_p50:.1f} ms, cold {cold_ms:.0f} ms",
        None,
        f"< {HISTORY_TARGET_MS:.0f} ms",
        worst_p99 < HISTORY_TARGET_MS and cold_ms < HISTORY_TARGET_MS,
    )
    return result, lines


def _fsync_cost(folder: Path) -> float:
    probe = folder / "fsync.probe"
    fd = os.open(probe, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        runs = []
        for _ in range(50):
            os.write(fd, b"x" * 4096)
            runs.append(_timed(lambda: os.fsync(fd)))
    finally:
        os.close(fd)
        probe.unlink()
    return statistics.median(runs)


def run(folder: Path) -> tuple[list[BenchResult], list[str]]:
    lines = [f"folder {folder}: one fsync of 4 KiB takes {_fsync_cost(folder):.2f} ms (p50)"]
    save_result, save_line = bench_saves(folder)
    history_result, history_lines = bench_history(folder)
    return [save_result, history_result], [*lines, save_line, *history_lines]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="where to put the benchmark files")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="facilitator-storage-bench-", dir=args.dir) as tmp:
        results, lines = run(Path(tmp))
    for line in lines:
        print(line)
    from tests.bench.common import HEADER

    print(HEADER)
    for result in results:
        print(result.row())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
